import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  CloseAction,
  type CloseHandlerResult,
  ErrorAction,
  type ErrorHandler,
  type ErrorHandlerResult,
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { APPLY_FIX_COMMAND, type ApplyFixArguments, FoundationsStatus, InferConfig, type FoundationsInitializationOptions, SERVER_PROCESS, type StatusParams } from '../protocol';
import { applyFix } from './fix-command';
import { RestartBudget } from './restart-budget';
import { StatusItem } from './status-item';
import { type FoundationsViews, registerViews } from './views/views';

/** Restarts allowed within 3 minutes before the client gives up and says so; waits 0.5, 1, 2, 4, 8 s between them. */
const RESTARTS = { maxRestarts: 5, windowMs: 3 * 60 * 1000, baseDelayMs: 500, maxDelayMs: 8000 };
const CONFIG_FILE = 'foundations.json';

let client: LanguageClient | undefined;

/** What activate() returns: the views and the status item, so the end-to-end tests can read them. */
export interface FoundationsApi {
  views: FoundationsViews;
  status: StatusItem;
}

export async function activate(context: vscode.ExtensionContext): Promise<FoundationsApi> {
  const output = vscode.window.createOutputChannel('Foundations', { log: true });
  const status = new StatusItem();
  context.subscriptions.push(output, status);

  const restartBudget = new RestartBudget(RESTARTS);
  const serverModule = context.asAbsolutePath(path.join('dist', 'start-server.js'));
  // V8's compiled code of the server bundle, kept in the extension's storage: a restart skips recompiling it.
  // The client adds `env` to the extension host's own environment.
  const codeCache = [SERVER_PROCESS.codeCacheFlag, path.join(context.globalStorageUri.fsPath, 'code-cache')];
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, args: codeCache, options: { env: SERVER_PROCESS.env, execArgv: [...SERVER_PROCESS.execArgv] } },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'typescript' },
      { scheme: 'file', language: 'typescriptreact' },
      { scheme: 'file', language: 'javascript' },
      { scheme: 'file', language: 'javascriptreact' },
      { scheme: 'file', pattern: `**/${CONFIG_FILE}` },
      { scheme: 'file', pattern: '**/foundations-debt.json' },
    ],
    // Evaluated at every start, so a restart after trust is granted loads what trust allows.
    initializationOptions: (): FoundationsInitializationOptions => ({
      trusted: vscode.workspace.isTrusted,
      // The extension's storage, not the workspace: a restarted server re-parses only what changed.
      storagePath: (context.storageUri ?? context.globalStorageUri).fsPath,
    }),
    outputChannel: output,
    // Until the restart the client stays "running": the totals of the dead server are withdrawn at once.
    errorHandler: restartPolicy(output, restartBudget, (message) => {
      status.restarting(message);
      views.statusChanged(undefined);
    }),
  };
  client = new LanguageClient('foundations', 'Foundations', serverOptions, clientOptions);
  const languageClient = client;
  const views = registerViews(context, languageClient);
  context.subscriptions.push(views);

  context.subscriptions.push(
    languageClient.onNotification(FoundationsStatus.type, (params) => {
      status.update(params);
      views.statusChanged(params);
      void offerConfig(context, languageClient, params);
    }),
    languageClient.onDidChangeState((e) => {
      if (e.newState === State.Stopped) {
        status.stopped();
        // The stopped server's totals are no longer true (its diagnostics are cleared too).
        views.statusChanged(undefined);
      }
      if (e.newState === State.Starting) status.starting();
    }),
    vscode.commands.registerCommand('foundations.restartServer', async () => {
      output.info('Restarting the Foundations server on request.');
      restartBudget.reset();
      await languageClient.restart();
    }),
    vscode.commands.registerCommand('foundations.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('foundations.createConfig', () => createConfig(languageClient)),
    vscode.commands.registerCommand(APPLY_FIX_COMMAND, (args: ApplyFixArguments) => applyFix(languageClient, args)),
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      output.info('Workspace trusted: restarting the server so it may load the dependency-cruiser configuration.');
      await languageClient.restart();
    }),
  );

  status.starting();
  await languageClient.start();
  return { views, status };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** Restart a crashed server a few times, with a back-off, telling the user each time; then stop and say why. */
function restartPolicy(output: vscode.LogOutputChannel, budget: RestartBudget, restarting: (message: string) => void): ErrorHandler {
  return {
    error: (): ErrorHandlerResult => ({ action: ErrorAction.Continue }),
    closed: async (): Promise<CloseHandlerResult> => {
      const decision = budget.onCrash();
      if (!decision.restart) {
        output.error(decision.message);
        return { action: CloseAction.DoNotRestart, message: decision.message };
      }
      output.warn(decision.message);
      restarting(decision.message);
      void vscode.window.showWarningMessage(decision.message, 'Show Output').then((choice) => {
        if (choice) output.show(true);
      });
      await new Promise((resolve) => setTimeout(resolve, decision.delayMs));
      return { action: CloseAction.Restart, handled: true };
    },
  };
}

const asked = new Set<string>();

/** A folder without foundations.json: offer once to create one (the user may silence it). */
async function offerConfig(context: vscode.ExtensionContext, languageClient: LanguageClient, params: StatusParams): Promise<void> {
  for (const folderUri of params.foldersWithoutConfig) {
    const key = `foundations.dontOfferConfig:${folderUri}`;
    if (asked.has(folderUri) || context.workspaceState.get<boolean>(key)) continue;
    asked.add(folderUri);
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(folderUri));
    const choice = await vscode.window.showInformationMessage(
      `${folder?.name ?? 'This folder'} has no ${CONFIG_FILE}. Create one inferred from its folders, so Foundations can check its domain boundaries?`,
      'Create foundations.json',
      "Don't Ask Again",
    );
    if (choice === 'Create foundations.json') await createConfig(languageClient, folderUri);
    else if (choice === "Don't Ask Again") await context.workspaceState.update(key, true);
  }
}

async function createConfig(languageClient: LanguageClient, folderUri?: string): Promise<void> {
  const folder = folderUri
    ? vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(folderUri))
    : (vscode.workspace.workspaceFolders?.length ?? 0) > 1
      ? await vscode.window.showWorkspaceFolderPick({ placeHolder: `Folder to create ${CONFIG_FILE} in` })
      : vscode.workspace.workspaceFolders?.[0];
  if (!folder) return;
  const target = vscode.Uri.joinPath(folder.uri, CONFIG_FILE);
  try {
    await vscode.workspace.fs.stat(target);
    await vscode.window.showTextDocument(target);
    void vscode.window.showInformationMessage(`${CONFIG_FILE} already exists in ${folder.name}.`);
    return;
  } catch {
    // Does not exist yet: create it below.
  }
  const inferred = await languageClient.sendRequest(InferConfig.type, { folderUri: folder.uri.toString() });
  const edit = new vscode.WorkspaceEdit();
  edit.createFile(target, { ignoreIfExists: true, contents: new TextEncoder().encode(inferred.text) });
  if (!(await vscode.workspace.applyEdit(edit))) {
    void vscode.window.showErrorMessage(`Could not create ${CONFIG_FILE} in ${folder.name}.`);
    return;
  }
  await vscode.window.showTextDocument(target);
  const domains = inferred.domains.length > 0 ? ` with ${inferred.domains.length} domains` : '';
  void vscode.window.showInformationMessage(`Created ${CONFIG_FILE}${domains}. ${inferred.advice}`);
}
