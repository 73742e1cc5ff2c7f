import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CompletionRequest,
  type Connection,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type InitializeParams,
  type InitializeResult,
  ProposedFeatures,
  TextDocumentSyncKind,
  TextDocuments,
  type WorkspaceFolder,
  createConnection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { ComputeFix, FoundationsStatus, type FoundationsInitializationOptions, InferConfig } from '../../protocol';
import { type Change, TOOL_VERSION, createNodeHost, inferConfig, isInsideDir, normalizePath } from '../../rules';
import { CodeActions } from './code-actions';
import { CONFIG_COMPLETION_TRIGGERS, CONFIG_DOCUMENT_SELECTOR, configCompletion } from './config-completion';
import { type AnalysisClient, FolderAnalysis } from './folder-analysis';
import { hoverAt } from './hover';
import { registerViewRequests } from './view-requests';
import { SettingsCache } from './settings';

/** File events arriving within this window are applied as one batch (a branch switch is one re-scan). */
const FILE_EVENT_BATCH_MS = 100;

function uriToFile(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return normalizePath(fileURLToPath(uri));
  } catch {
    return undefined;
  }
}

/** Binds the LSP handlers to the folder analyses; no analysis logic lives here. */
export interface StartOptions {
  /** Called once, when every folder's first scan is done. */
  onReady?: () => void;
}

export function startServer(connection: Connection = createConnection(ProposedFeatures.all), { onReady }: StartOptions = {}): void {
  const documents = new TextDocuments(TextDocument);
  const folders = new Map<string, FolderAnalysis>();
  let trusted = false;
  let storagePath: string | undefined;
  let canRegisterWatchers = false;
  let canRegisterConfiguration = false;
  let canRegisterCompletion = false;
  let canAskConfiguration = false;
  let canShowProgress = false;
  let pendingFileEvents: Change[] = [];
  let fileEventTimer: NodeJS.Timeout | undefined;
  let statusTimer: NodeJS.Timeout | undefined;

  /**
   * A client may answer any request of ours with an error (MethodNotFound is a normal answer from
   * one without a feature): logged, never left to reject unhandled, which would end the server.
   */
  const logFailure = (what: string) => (err: unknown) => connection.console.warn(`${what} failed: ${(err as Error).message ?? String(err)}`);

  const settings = new SettingsCache((folderUri) =>
    canAskConfiguration ? connection.workspace.getConfiguration({ scopeUri: folderUri, section: 'foundations' }) : Promise.resolve({}),
  );

  const client: AnalysisClient = {
    publish: (file, diagnostics) => void connection.sendDiagnostics({ uri: pathToFileURL(file).href, diagnostics }),
    beginProgress: async (title) => {
      const none = { report: () => undefined, done: () => undefined };
      if (!canShowProgress) return none;
      const progress = await connection.window.createWorkDoneProgress().catch(logFailure('window/workDoneProgress/create'));
      if (!progress) return none;
      progress.begin(title, 0, undefined, false);
      return { report: (pct, message) => progress.report(pct, message), done: () => progress.done() };
    },
    log: (level, message) => {
      if (level === 'error') connection.console.error(message);
      else if (level === 'warn') connection.console.warn(message);
      else connection.console.info(message);
    },
    trace: (message) => connection.tracer.log(message),
    // A scan leaves ~100 MB of dead syntax trees at 7,000 files, which V8 would keep until its memory
    // reducer runs after half a minute of idle: collected at once (~50 ms) when Node exposes `gc`
    // (SERVER_PROCESS.execArgv, as the extension starts the server).
    releaseScanGarbage: () => (globalThis as { gc?: () => void }).gc?.(),
    foldersInside: (root) => [...folders.keys()].filter((other) => isInsideDir(other, root)),
    // Coalesced: a burst of updates sends one status notification. A new state (scanning, ready)
    // goes out at once: the editor waits on it, and the work queued after a scan must not delay it.
    statusChanged: (stateChanged) => {
      if (stateChanged) {
        clearTimeout(statusTimer);
        statusTimer = undefined;
        return sendStatus();
      }
      if (statusTimer) return;
      statusTimer = setTimeout(() => {
        statusTimer = undefined;
        sendStatus();
      }, 50);
    },
  };

  function sendStatus(): void {
    const all = [...folders.values()];
    const totals = all.reduce(
      (acc, f) => {
        const c = f.counts();
        return { errors: acc.errors + c.errors, warnings: acc.warnings + c.warnings, infos: acc.infos + c.infos, files: acc.files + c.files };
      },
      { errors: 0, warnings: 0, infos: 0, files: 0 },
    );
    const state = all.some((f) => f.state === 'error') ? 'error' : all.some((f) => f.state === 'scanning' || f.state === 'starting') ? 'scanning' : 'ready';
    const notices = [...new Set(all.map((f) => f.notice).filter((n): n is string => !!n))];
    if (state === 'ready' && all.length > 0) {
      onReady?.();
      onReady = undefined;
    }
    void connection.sendNotification(FoundationsStatus.type, {
      state,
      ...totals,
      configErrors: all.filter((f) => f.engine && f.engine.configDiagnostics.some((d) => d.severity === 'error')).length,
      foldersWithoutConfig: all.filter((f) => f.engine && !f.engine.configFile).map((f) => pathToFileURL(f.root).href),
      notices,
    });
    views.notifyIfChanged();
  }

  function folderOf(file: string): FolderAnalysis | undefined {
    let best: FolderAnalysis | undefined;
    for (const f of folders.values()) if (f.contains(file) && (!best || f.root.length > best.root.length)) best = f;
    return best;
  }

  const codeActions = new CodeActions({
    sessionFor: (file) => folderOf(file)?.engine,
    syncBuffers: (file) => folderOf(file)?.flush(),
    uriToFile,
    documents,
    log: (message) => connection.console.warn(message),
  });

  const views = registerViewRequests(connection, { folders: () => [...folders.values()], uriToFile });

  /** The folders a folder at `root` is nested in: a file belongs to its innermost folder only. */
  function foldersAround(root: string): FolderAnalysis[] {
    return [...folders.values()].filter((f) => isInsideDir(root, f.root));
  }

  function addFolder(folder: WorkspaceFolder): void {
    const root = uriToFile(folder.uri);
    if (!root || folders.has(root)) return;
    const cacheFile = storagePath ? `${storagePath}/facts-${createHash('sha1').update(root).digest('hex').slice(0, 16)}.bin` : undefined;
    const analysis = new FolderAnalysis(root, createNodeHost({ trusted }), client, () => settings.get(folder.uri), cacheFile);
    folders.set(root, analysis);
    foldersAround(root).forEach((outer) => outer.nestedFoldersChanged());
    const open = documents
      .all()
      .map((d) => ({ file: uriToFile(d.uri), text: d.getText() }))
      .filter((d): d is { file: string; text: string } => !!d.file && analysis.contains(d.file));
    void analysis.start(open);
  }

  function removeFolder(folder: WorkspaceFolder): void {
    const root = uriToFile(folder.uri);
    const analysis = root && folders.get(root);
    if (!analysis) return;
    analysis.dispose();
    folders.delete(root);
    foldersAround(root).forEach((outer) => outer.nestedFoldersChanged());
  }

  function restartAll(): void {
    const roots = [...folders.keys()];
    for (const root of roots) removeFolder({ uri: pathToFileURL(root).href, name: root });
    for (const root of roots) addFolder({ uri: pathToFileURL(root).href, name: root });
  }

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const options = (params.initializationOptions ?? {}) as Partial<FoundationsInitializationOptions>;
    // Clients that say nothing about trust (any editor but VS Code) get the safe default.
    trusted = options.trusted === true;
    // Only an absolute folder the editor gave us: the cache is never written into a workspace by accident.
    storagePath = typeof options.storagePath === 'string' && path.isAbsolute(options.storagePath) ? options.storagePath : undefined;
    canRegisterWatchers = !!params.capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
    canRegisterConfiguration = !!params.capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    canRegisterCompletion = !!params.capabilities.textDocument?.completion?.dynamicRegistration;
    canAskConfiguration = !!params.capabilities.workspace?.configuration;
    canShowProgress = !!params.capabilities.window?.workDoneProgress;
    codeActions.configure(params.capabilities);
    const initialFolders = params.workspaceFolders ?? (params.rootUri ? [{ uri: params.rootUri, name: 'root' }] : []);
    connection.onInitialized(() => {
      if (canRegisterWatchers) {
        connection.client
          .register(DidChangeWatchedFilesNotification.type, {
            watchers: [
              { globPattern: '**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}' },
              { globPattern: '**/{foundations.json,tsconfig*.json,jsconfig.json,package.json,pnpm-workspace.yaml,.gitignore,.dependency-cruiser*}' },
              // What the debt register and the project checks read (CI, .env, migrations, docs, deploys).
              { globPattern: '**/{*debt*.json,*.md,*.yml,*.yaml,*.sql,.env*,Jenkinsfile,Dockerfile,Procfile,*.toml}' },
            ],
          })
          .catch(logFailure('registering the file watchers'));
      }
      if (canRegisterConfiguration) {
        connection.client.register(DidChangeConfigurationNotification.type, { section: 'foundations' }).catch(logFailure('registering for configuration changes'));
      }
      if (canRegisterCompletion) {
        connection.client
          .register(CompletionRequest.type, { documentSelector: CONFIG_DOCUMENT_SELECTOR, triggerCharacters: CONFIG_COMPLETION_TRIGGERS })
          .catch(logFailure('registering the completion of foundations.json'));
      }
      if (params.capabilities.workspace?.workspaceFolders) {
        connection.workspace.onDidChangeWorkspaceFolders((e) => {
          e.removed.forEach(removeFolder);
          e.added.forEach(addFolder);
        });
      }
      initialFolders.forEach(addFolder);
    });
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        codeActionProvider: { codeActionKinds: ['quickfix', 'refactor.move', 'refactor.rewrite'], resolveProvider: true },
        hoverProvider: true,
        // Registered for foundations.json only where the client can (above); elsewhere asked for every document and answered there only.
        ...(canRegisterCompletion ? {} : { completionProvider: { triggerCharacters: CONFIG_COMPLETION_TRIGGERS } }),
      },
      serverInfo: { name: 'foundations', version: TOOL_VERSION },
    };
  });

  documents.onDidChangeContent((e) => {
    const file = uriToFile(e.document.uri);
    if (file) void folderOf(file)?.bufferChanged(file, e.document.getText());
  });

  documents.onDidSave((e) => {
    const file = uriToFile(e.document.uri);
    if (file) folderOf(file)?.saved();
  });

  documents.onDidClose((e) => {
    const file = uriToFile(e.document.uri);
    if (file) folderOf(file)?.bufferClosed(file);
  });

  connection.onDidChangeWatchedFiles((params) => {
    for (const change of params.changes) {
      const file = uriToFile(change.uri);
      if (!file) continue;
      const event = change.type === FileChangeType.Created ? 'created' : change.type === FileChangeType.Deleted ? 'deleted' : 'changed';
      // An open buffer is the truth for its file; the save that follows an edit changes nothing.
      if (event === 'changed' && documents.get(change.uri)) continue;
      pendingFileEvents.push({ type: 'disk', file, event });
    }
    clearTimeout(fileEventTimer);
    fileEventTimer = setTimeout(() => {
      const batch = pendingFileEvents;
      pendingFileEvents = [];
      const byFolder = new Map<FolderAnalysis, Change[]>();
      for (const change of batch) {
        const folder = folderOf(change.file);
        if (folder) byFolder.set(folder, [...(byFolder.get(folder) ?? []), change]);
      }
      for (const [folder, changes] of byFolder) folder.diskChanged(changes);
    }, FILE_EVENT_BATCH_MS);
  });

  connection.onDidChangeConfiguration(() => {
    settings.clear();
    restartAll();
  });

  connection.onRequest(InferConfig.type, async (params) => {
    const root = uriToFile(params.folderUri);
    if (!root) throw new Error(`not a file folder: ${params.folderUri}`);
    return inferConfig(createNodeHost({ trusted: false }), root);
  });

  connection.onCompletion((params) => configCompletion({ document: (uri) => documents.get(uri) }, params));
  connection.onHover((params) => hoverAt({ sessionFor: (file) => folderOf(file)?.engine, uriToFile }, params));
  connection.onCodeAction((params) => codeActions.actions(params));
  connection.onCodeActionResolve((action) => codeActions.resolve(action));
  connection.onRequest(ComputeFix.type, (params) => codeActions.compute(params));

  connection.onShutdown(() => {
    for (const folder of folders.values()) folder.dispose();
  });

  // The last resort: a promise a handler forgot to catch is logged, not the end of the server.
  process.on('unhandledRejection', (reason) => connection.console.error(`unhandled rejection: ${(reason as Error)?.stack ?? String(reason)}`));

  documents.listen(connection);
  connection.listen();
}
