// Minimal ambient stubs of koa and @koa/router.
declare module 'koa' {
  export interface Context {
    path: string;
    method: string;
    status: number;
    body: unknown;
    params: Record<string, string>;
    query: Record<string, string | string[] | undefined>;
    request: { body?: unknown };
    get(header: string): string;
    set(field: string, value: string): void;
    throw(status: number, message?: string): never;
    /** koa-views */
    render(view: string, locals?: object): Promise<void>;
    redirect(url: string): void;
  }
  export type Next = () => Promise<void>;
  export type Middleware = (ctx: Context, next: Next) => unknown;
  export default class Koa {
    use(middleware: Middleware): this;
    listen(port: number, callback?: () => void): { close(): void };
  }
}

declare module '@koa/router' {
  import type { Middleware } from 'koa';
  export interface RouterOptions {
    prefix?: string;
    sensitive?: boolean;
  }
  export default class Router {
    constructor(options?: RouterOptions);
    get(path: string, ...middleware: Middleware[]): this;
    get(name: string, path: string, ...middleware: Middleware[]): this;
    post(path: string, ...middleware: Middleware[]): this;
    post(name: string, path: string, ...middleware: Middleware[]): this;
    put(path: string, ...middleware: Middleware[]): this;
    patch(path: string, ...middleware: Middleware[]): this;
    delete(path: string, ...middleware: Middleware[]): this;
    del(path: string, ...middleware: Middleware[]): this;
    all(path: string, ...middleware: Middleware[]): this;
    use(path: string, ...middleware: Middleware[]): this;
    use(...middleware: Middleware[]): this;
    prefix(prefix: string): this;
    routes(): Middleware;
    allowedMethods(): Middleware;
  }
}
