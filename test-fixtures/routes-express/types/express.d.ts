// Minimal ambient stub of express (only what the fixture uses).
declare module 'express' {
  export interface Request<P = Record<string, string>, ResBody = unknown, ReqBody = unknown, Q = Record<string, string | string[] | undefined>> {
    params: P;
    body: ReqBody;
    query: Q;
    headers: Record<string, string | string[] | undefined>;
    method: string;
    path: string;
    ip?: string;
    header(name: string): string | undefined;
    user?: { id: string; roles: string[]; tier?: string };
  }
  export interface Response<ResBody = unknown> {
    status(code: number): this;
    json(body: ResBody): this;
    send(body?: unknown): this;
    sendStatus(code: number): this;
    set(field: string, value: string): this;
    render(view: string, locals?: Record<string, unknown>): void;
    redirect(status: number, url: string): void;
    end(): void;
    locals: Record<string, unknown>;
  }
  export type NextFunction = (err?: unknown) => void;
  export type RequestHandler = (req: Request<any, any, any, any>, res: Response<any>, next: NextFunction) => unknown;
  export type ErrorRequestHandler = (err: unknown, req: Request, res: Response, next: NextFunction) => unknown;

  export interface IRoute {
    get(...handlers: RequestHandler[]): this;
    post(...handlers: RequestHandler[]): this;
    put(...handlers: RequestHandler[]): this;
    patch(...handlers: RequestHandler[]): this;
    delete(...handlers: RequestHandler[]): this;
  }
  export interface Router {
    get(path: string | string[], ...handlers: RequestHandler[]): this;
    post(path: string | string[], ...handlers: RequestHandler[]): this;
    put(path: string | string[], ...handlers: RequestHandler[]): this;
    patch(path: string | string[], ...handlers: RequestHandler[]): this;
    delete(path: string | string[], ...handlers: RequestHandler[]): this;
    all(path: string | string[], ...handlers: RequestHandler[]): this;
    route(path: string): IRoute;
    use(path: string, ...handlers: Array<RequestHandler | ErrorRequestHandler | Router>): this;
    use(...handlers: Array<RequestHandler | ErrorRequestHandler | Router>): this;
  }
  export interface Application extends Router {
    listen(port: number, callback?: () => void): { close(): void };
    set(setting: string, value: unknown): this;
  }
  export interface RouterOptions { mergeParams?: boolean; strict?: boolean }
  export function Router(options?: RouterOptions): Router;
  export function json(options?: { limit?: string }): RequestHandler;
  export function raw(options?: { type?: string }): RequestHandler;
  export default function express(): Application;
}
