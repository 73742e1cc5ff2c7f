// Minimal ambient stub of amqplib (promise API).
declare module 'amqplib' {
  export interface ConsumeMessage {
    content: Uint8Array & { toString(encoding?: string): string };
    fields: { deliveryTag: number; redelivered: boolean; routingKey: string; exchange: string };
    properties: { headers?: Record<string, unknown>; messageId?: string; correlationId?: string; timestamp?: number };
  }
  export interface Channel {
    assertQueue(queue: string, options?: { durable?: boolean; deadLetterExchange?: string; arguments?: Record<string, unknown> }): Promise<{ queue: string }>;
    assertExchange(exchange: string, type: 'direct' | 'topic' | 'fanout', options?: { durable?: boolean }): Promise<{ exchange: string }>;
    bindQueue(queue: string, exchange: string, pattern: string): Promise<void>;
    prefetch(count: number): Promise<void>;
    consume(queue: string, onMessage: (msg: ConsumeMessage | null) => void | Promise<void>, options?: { noAck?: boolean }): Promise<{ consumerTag: string }>;
    ack(message: ConsumeMessage): void;
    nack(message: ConsumeMessage, allUpTo?: boolean, requeue?: boolean): void;
    publish(exchange: string, routingKey: string, content: Uint8Array, options?: { headers?: Record<string, unknown>; persistent?: boolean; messageId?: string }): boolean;
    sendToQueue(queue: string, content: Uint8Array, options?: { headers?: Record<string, unknown>; persistent?: boolean }): boolean;
    close(): Promise<void>;
  }
  export interface Connection {
    createChannel(): Promise<Channel>;
    close(): Promise<void>;
  }
  export function connect(url: string): Promise<Connection>;
}
