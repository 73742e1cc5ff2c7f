import { type ChildProcess, spawn } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  type ClientCapabilities,
  type Diagnostic,
  type Hover,
  IPCMessageReader,
  IPCMessageWriter,
  type InitializeResult,
  type MarkupContent,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type RequestType,
  ResponseError,
  StreamMessageReader,
  StreamMessageWriter,
  createProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import { SERVER_PROCESS } from '../../protocol';
import { REPO_ROOT } from '../../rules/test/helpers';

export interface TestClientOptions {
  /** Passed as initializationOptions.storagePath (where the server keeps its cache). */
  storagePath?: string;
  settings?: Record<string, unknown>;
  trusted?: boolean;
  /** Start the server as the extension does (dist/start-server.js over Node IPC) with V8's code cache in this folder. */
  codeCache?: string;
  /** The protocol trace asked for at initialize (`$/logTrace` lines are recorded in `notifications`). */
  trace?: 'off' | 'messages' | 'verbose';
  /** The client's `workspace` capabilities, instead of VS Code's (an editor without file watching, say). */
  workspaceCapabilities?: ClientCapabilities['workspace'];
  /** Server→client requests this client answers with an error, as a client without the feature does. */
  refuse?: string[];
  /** Whether this client registers completion providers per document, as VS Code does (Neovim 0.7 does not). */
  completionRegistration?: boolean;
}

/**
 * A minimal LSP client for tests: starts the built server (dist/server.js, or dist/start-server.js as the extension does) as a child process,
 * speaks JSON-RPC over its stdio, answers the server's requests, records what it publishes.
 */
export class LspTestClient {
  readonly diagnostics = new Map<string, { diagnostics: Diagnostic[]; at: number }>();
  readonly notifications: { method: string; params: unknown; at: number }[] = [];
  /** The requests the server sent this client, answered or refused. */
  readonly requests: { method: string; params: unknown }[] = [];
  private readonly waiters = new Set<() => void>();
  private versions = new Map<string, number>();

  /** What the server answered to `initialize`. */
  capabilities: InitializeResult['capabilities'] = {};

  private constructor(
    readonly process: ChildProcess,
    readonly connection: ProtocolConnection,
    readonly root: string,
  ) {}

  static async start(root: string, options: TestClientOptions = {}): Promise<LspTestClient> {
    // As the extension starts it: Node's IPC channel (VS Code's TransportKind.ipc), its flags and environment.
    const child = options.codeCache
      ? spawn(process.execPath, [...SERVER_PROCESS.execArgv, `${REPO_ROOT}/dist/start-server.js`, '--node-ipc', SERVER_PROCESS.codeCacheFlag, options.codeCache], {
          stdio: ['pipe', 'pipe', 'pipe', 'ipc'],
          env: { ...process.env, ...SERVER_PROCESS.env },
        })
      : spawn(process.execPath, [`${REPO_ROOT}/dist/server.js`, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = options.codeCache
      ? createProtocolConnection(new IPCMessageReader(child), new IPCMessageWriter(child))
      : createProtocolConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new LspTestClient(child, connection, root);
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      client.diagnostics.set(p.uri, { diagnostics: p.diagnostics, at: performance.now() });
      client.wake();
    });
    for (const method of ['foundations/status', 'foundations/changed', 'window/logMessage', '$/progress', '$/logTrace']) {
      connection.onNotification(method, (params: unknown) => {
        client.notifications.push({ method, params, at: performance.now() });
        client.wake();
      });
    }
    const answer =
      <P, R>(method: string, result: (params: P) => R) =>
      (params: P) => {
        client.requests.push({ method, params });
        if (options.refuse?.includes(method)) throw new ResponseError(-32601, `Unhandled method ${method}`);
        return result(params);
      };
    connection.onRequest('workspace/configuration', answer('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ enable: true, ...options.settings }))));
    connection.onRequest('client/registerCapability', answer('client/registerCapability', () => null));
    connection.onRequest('window/workDoneProgress/create', answer('window/workDoneProgress/create', () => null));
    connection.listen();
    const uri = pathToFileURL(root).href;
    const initialized = await connection.sendRequest<InitializeResult>('initialize', {
      processId: process.pid,
      rootUri: uri,
      workspaceFolders: [{ uri, name: 'test' }],
      trace: options.trace ?? 'off',
      initializationOptions: { trusted: options.trusted ?? false, ...(options.storagePath ? { storagePath: options.storagePath } : {}) },
      capabilities: {
        window: { workDoneProgress: true },
        textDocument: {
          publishDiagnostics: { relatedInformation: true },
          ...(options.completionRegistration ? { completion: { dynamicRegistration: true } } : {}),
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor.move', 'refactor.rewrite'] } }, resolveSupport: { properties: ['edit'] }, disabledSupport: true, isPreferredSupport: true, dataSupport: true },
        },
        workspace: options.workspaceCapabilities ?? {
          configuration: true,
          workspaceFolders: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          // As VS Code advertises it.
          workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
        },
      },
    });
    client.capabilities = initialized.capabilities;
    await connection.sendNotification('initialized', {});
    return client;
  }

  uri(relative: string): string {
    return pathToFileURL(`${this.root}/${relative}`).href;
  }

  /** The latest status notification once the server says it is ready. */
  ready(): Promise<{ state: string; errors: number; warnings: number; infos: number; files: number }> {
    type Status = { state: string; errors: number; warnings: number; infos: number; files: number };
    return this.waitFor(() => {
      const statuses = this.notifications.filter((n) => n.method === 'foundations/status').map((n) => n.params as Status);
      const last = statuses[statuses.length - 1];
      return last?.state === 'ready' ? last : undefined;
    }, 'the server to be ready');
  }

  codes(relative: string): string[] {
    return (this.diagnostics.get(this.uri(relative))?.diagnostics ?? []).map((d) => String(d.code));
  }

  /** Resolves when `condition` holds, polling on every message; rejects after `timeoutMs`. */
  waitFor<T>(condition: () => T | undefined | false, what: string, timeoutMs = 15000): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const value = condition();
        if (value) {
          this.waiters.delete(check);
          clearTimeout(timer);
          resolve(value);
        }
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`));
      }, timeoutMs);
      this.waiters.add(check);
      check();
    });
  }

  open(relative: string, text: string, languageId = 'typescript'): void {
    this.versions.set(relative, 1);
    this.texts.set(relative, text);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: this.uri(relative), languageId, version: 1, text } });
  }

  /** Replaces the whole buffer text (a full-document change is valid under incremental sync). */
  change(relative: string, text: string): void {
    this.texts.set(relative, text);
    const version = (this.versions.get(relative) ?? 1) + 1;
    this.versions.set(relative, version);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri: this.uri(relative), version }, contentChanges: [{ text }] });
  }

  /** The text of an open buffer, as this client holds it. */
  readonly texts = new Map<string, string>();

  /** A custom request of protocol/ (FoundationsTree, DomainGraph…), typed by its RequestType. */
  request<P, R>(type: RequestType<P, R, void>, params: P): Promise<R> {
    return this.connection.sendRequest<R>(type.method, params);
  }

  /** The hover at a 0-based position of a file, as markdown, or null. */
  async hover(relative: string, line: number, character: number): Promise<string | null> {
    const hover = await this.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri: this.uri(relative) }, position: { line, character } });
    if (!hover) return null;
    const contents = hover.contents as MarkupContent;
    return contents.value;
  }

  /** How many `foundations/changed` notifications arrived after `since` (a performance.now() time). */
  changesSince(since: number): number {
    return this.notifications.filter((n) => n.method === 'foundations/changed' && n.at > since).length;
  }

  close(relative: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri: this.uri(relative) } });
  }

  version(relative: string): number | undefined {
    return this.versions.get(relative);
  }

  /** Like VS Code's client: shutdown, exit, then a moment for the server to exit on its own before it is killed. */
  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      const exited = new Promise((resolve) => this.process.once('exit', resolve));
      await this.connection.sendNotification('exit');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 2000))]);
    } finally {
      this.connection.dispose();
      if (this.process.exitCode === null && this.process.signalCode === null) this.process.kill();
    }
  }

  private wake(): void {
    for (const w of [...this.waiters]) w();
  }
}
