// Minimal ambient stub of hono.
declare module 'hono' {
  export interface HonoResponse {
    readonly status: number;
  }
  export interface HonoRequest {
    param(name: string): string;
    query(name: string): string | undefined;
    header(name: string): string | undefined;
    json<T = unknown>(): Promise<T>;
  }
  export interface Context {
    req: HonoRequest;
    json(body: unknown, status?: number): HonoResponse;
    text(text: string, status?: number, headers?: Record<string, string>): HonoResponse;
    body(body: string | null, status?: number, headers?: Record<string, string>): HonoResponse;
    notFound(): HonoResponse;
    html(html: string, status?: number): HonoResponse;
    redirect(location: string, status?: number): HonoResponse;
  }
  export type Next = () => Promise<void>;
  export type Handler = (c: Context, next: Next) => HonoResponse | Promise<HonoResponse> | Promise<void>;
  export class Hono {
    get(path: string, ...handlers: Handler[]): this;
    post(path: string, ...handlers: Handler[]): this;
    put(path: string, ...handlers: Handler[]): this;
    patch(path: string, ...handlers: Handler[]): this;
    delete(path: string, ...handlers: Handler[]): this;
    all(path: string, ...handlers: Handler[]): this;
    on(method: string | string[], path: string | string[], ...handlers: Handler[]): this;
    use(path: string, ...handlers: Handler[]): this;
    use(...handlers: Handler[]): this;
    route(path: string, app: Hono): this;
    basePath(path: string): Hono;
    fetch(request: unknown): Promise<HonoResponse>;
  }
}
