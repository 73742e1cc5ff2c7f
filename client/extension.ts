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
import { APPLY_FIX_COMMAND, type ApplyFixArguments, FoundationsStatus, InferConfig, type FoundationsInitializationOptions, type StatusParams } from '../protocol';
import { applyFix } from './fix-command';
import { StatusItem } from './status-item';

/** Restarts allowed within RESTART_WINDOW_MS before the client gives up and says so. */
const MAX_RESTARTS = 5;
const RESTART_WINDOW_MS = 3 * 60 * 1000;
const CONFIG_FILE = 'foundations.json';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Foundations', { log: true });
  const status = new StatusItem();
  context.subscriptions.push(output, status);

  const serverModule = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'typescript' },
      { scheme: 'file', language: 'typescriptreact' },
      { scheme: 'file', language: 'javascript' },
      { scheme: 'file', language: 'javascriptreact' },
      { scheme: 'file', pattern: `**/${CONFIG_FILE}` },
    ],
    // Evaluated at every start, so a restart after trust is granted loads what trust allows.
    initializationOptions: (): FoundationsInitializationOptions => ({ trusted: vscode.workspace.isTrusted }),
    outputChannel: output,
    errorHandler: restartPolicy(output),
  };
  client = new LanguageClient('foundations', 'Foundations', serverOptions, clientOptions);
  const languageClient = client;

  context.subscriptions.push(
    languageClient.onNotification(FoundationsStatus.type, (params) => {
      status.update(params);
      void offerConfig(context, languageClient, params);
    }),
    languageClient.onDidChangeState((e) => {
      if (e.newState === State.Stopped) status.stopped();
      if (e.newState === State.Starting) status.starting();
    }),
    vscode.commands.registerCommand('foundations.restartServer', async () => {
      output.info('Restarting the Foundations server on request.');
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
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** Restart a crashed server a few times, telling the user each time; then stop and say why. */
function restartPolicy(output: vscode.LogOutputChannel): ErrorHandler {
  const restarts: number[] = [];
  return {
    error: (): ErrorHandlerResult => ({ action: ErrorAction.Continue }),
    closed: (): CloseHandlerResult => {
      const now = Date.now();
      while (restarts.length > 0 && now - restarts[0] > RESTART_WINDOW_MS) restarts.shift();
      if (restarts.length >= MAX_RESTARTS) {
        const message = `The Foundations server stopped ${MAX_RESTARTS} times in ${RESTART_WINDOW_MS / 60000} minutes and will not be restarted. See the output for details; run "Foundations: Restart Server" to try again.`;
        output.error(message);
        return { action: CloseAction.DoNotRestart, message };
      }
      restarts.push(now);
      const message = `The Foundations server stopped unexpectedly and was restarted (${restarts.length} of ${MAX_RESTARTS}).`;
      output.warn(message);
      void vscode.window.showWarningMessage(message, 'Show Output').then((choice) => {
        if (choice) output.show(true);
      });
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
  void vscode.window.showInformationMessage(
    inferred.domains.length > 0
      ? `Created ${CONFIG_FILE} with ${inferred.domains.length} domains. Their dependsOn lists what they import today: tighten it.`
      : `Created ${CONFIG_FILE}, but found no module folders (src/<domain>/…): declare your domains in it.`,
  );
}
