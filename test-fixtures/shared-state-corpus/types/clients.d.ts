// Minimal ambient stubs of the client and cache packages src/settings/stores.ts uses.
declare module 'ioredis' {
  export default class Redis {
    set(key: string, value: string): Promise<'OK'>;
    sadd(key: string, ...members: string[]): Promise<number>;
  }
}

declare module 'redis' {
  export function createClient(options?: { url?: string }): { set(key: string, value: string): Promise<string | null> };
}

declare module '@prisma/client' {
  export class PrismaClient {
    order: { create(args: { data: Record<string, unknown> }): Promise<unknown> };
  }
}

declare module 'lru-cache' {
  export class LRUCache<K, V> {
    constructor(options: { max: number });
    set(key: K, value: V): this;
    get(key: K): V | undefined;
  }
}
