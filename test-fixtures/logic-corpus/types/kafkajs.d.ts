// Minimal ambient stub of kafkajs.
declare module 'kafkajs' {
  export interface KafkaMessage {
    key: (Uint8Array & { toString(): string }) | null;
    value: (Uint8Array & { toString(): string }) | null;
    headers?: Record<string, (Uint8Array & { toString(): string }) | undefined>;
    offset: string;
    timestamp: string;
  }
  export interface EachMessagePayload {
    topic: string;
    partition: number;
    message: KafkaMessage;
    heartbeat(): Promise<void>;
  }
  export interface Consumer {
    connect(): Promise<void>;
    disconnect(): Promise<void>;
    subscribe(opts: { topic?: string; topics?: string[]; fromBeginning?: boolean }): Promise<void>;
    run(opts: { eachMessage: (payload: EachMessagePayload) => Promise<void>; autoCommit?: boolean }): Promise<void>;
  }
  export interface Producer {
    connect(): Promise<void>;
    send(record: { topic: string; messages: Array<{ key?: string; value: string; headers?: Record<string, string> }> }): Promise<void>;
  }
  export interface KafkaConfig { clientId: string; brokers: string[]; ssl?: boolean }
  export class Kafka {
    constructor(config: KafkaConfig);
    consumer(config: { groupId: string }): Consumer;
    producer(): Producer;
  }
}
