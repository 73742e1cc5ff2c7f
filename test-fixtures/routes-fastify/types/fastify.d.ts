// Minimal ambient stub of fastify.
declare module 'fastify' {
  export interface RouteGenericInterface {
    Params?: unknown;
    Querystring?: unknown;
    Body?: unknown;
    Headers?: unknown;
  }
  export interface FastifyRequest<G extends RouteGenericInterface = RouteGenericInterface> {
    params: G['Params'];
    query: G['Querystring'];
    body: G['Body'];
    headers: Record<string, string | string[] | undefined>;
    id: string;
    log: FastifyBaseLogger;
  }
  export interface FastifyReply {
    code(statusCode: number): this;
    status(statusCode: number): this;
    header(name: string, value: string): this;
    send(payload?: unknown): this;
  }
  export interface FastifyBaseLogger {
    info(obj: unknown, msg?: string): void;
    warn(obj: unknown, msg?: string): void;
    error(obj: unknown, msg?: string): void;
  }
  export type RouteHandler<G extends RouteGenericInterface = RouteGenericInterface> =
    (request: FastifyRequest<G>, reply: FastifyReply) => unknown;
  export interface RouteShorthandOptions {
    schema?: Record<string, unknown>;
    preHandler?: RouteHandler | RouteHandler[];
    config?: Record<string, unknown>;
  }
  export interface RouteOptions<G extends RouteGenericInterface = RouteGenericInterface> extends RouteShorthandOptions {
    method: string | string[];
    url: string;
    handler: RouteHandler<G>;
  }
  export interface RegisterOptions { prefix?: string; [key: string]: unknown }
  export type FastifyPluginAsync<O = Record<never, never>> = (instance: FastifyInstance, opts: O & RegisterOptions) => Promise<void>;
  export type FastifyPluginCallback<O = Record<never, never>> = (instance: FastifyInstance, opts: O & RegisterOptions, done: (err?: Error) => void) => void;

  export interface FastifyInstance {
    get<G extends RouteGenericInterface = RouteGenericInterface>(path: string, handler: RouteHandler<G>): this;
    get<G extends RouteGenericInterface = RouteGenericInterface>(path: string, opts: RouteShorthandOptions, handler: RouteHandler<G>): this;
    post<G extends RouteGenericInterface = RouteGenericInterface>(path: string, handler: RouteHandler<G>): this;
    post<G extends RouteGenericInterface = RouteGenericInterface>(path: string, opts: RouteShorthandOptions, handler: RouteHandler<G>): this;
    put<G extends RouteGenericInterface = RouteGenericInterface>(path: string, handler: RouteHandler<G>): this;
    put<G extends RouteGenericInterface = RouteGenericInterface>(path: string, opts: RouteShorthandOptions, handler: RouteHandler<G>): this;
    patch<G extends RouteGenericInterface = RouteGenericInterface>(path: string, handler: RouteHandler<G>): this;
    patch<G extends RouteGenericInterface = RouteGenericInterface>(path: string, opts: RouteShorthandOptions, handler: RouteHandler<G>): this;
    delete<G extends RouteGenericInterface = RouteGenericInterface>(path: string, handler: RouteHandler<G>): this;
    delete<G extends RouteGenericInterface = RouteGenericInterface>(path: string, opts: RouteShorthandOptions, handler: RouteHandler<G>): this;
    route<G extends RouteGenericInterface = RouteGenericInterface>(opts: RouteOptions<G>): this;
    register<O>(plugin: FastifyPluginAsync<O> | FastifyPluginCallback<O>, opts?: O & RegisterOptions): this;
    decorate(name: string, value: unknown): this;
    addHook(name: string, hook: (...args: any[]) => unknown): this;
    setErrorHandler(handler: (error: Error & { statusCode?: number; validation?: unknown }, request: FastifyRequest, reply: FastifyReply) => unknown): this;
    listen(opts: { port: number; host?: string }): Promise<string>;
    log: FastifyBaseLogger;
  }
  export interface FastifyServerOptions { logger?: boolean | Record<string, unknown>; trustProxy?: boolean }
  export default function Fastify(opts?: FastifyServerOptions): FastifyInstance;
}
