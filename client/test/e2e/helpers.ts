/** Shared helpers of the extension-host e2e suite: polling, diagnostics, the server process. */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'foundations-dev.foundations';
export const SOURCE = 'foundations';

export type Truthy<T> = Exclude<T, false | 0 | '' | null | undefined>;

/** Polls `probe` until it returns something truthy; fails with `what` and the last value seen. */
export async function waitFor<T>(what: string, probe: () => T | Promise<T>, timeoutMs = 30_000, intervalMs = 100): Promise<Truthy<T>> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await probe();
      if (value) return value as Truthy<T>;
      last = value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) {
      const detail = lastError ? `last error: ${String((lastError as Error).message ?? lastError)}` : `last value: ${JSON.stringify(last)}`;
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${detail})`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the suite must be started with the example workspace (a copy of test-fixtures/shop) open');
  return folder.uri;
}

export function fileUri(relative: string): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), ...relative.split('/'));
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  const c = d.code;
  if (c === undefined) return undefined;
  return typeof c === 'object' ? String(c.value) : String(c);
}

/** This extension's diagnostics on one file. */
export function foundationsDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

export function describeDiagnostics(ds: readonly vscode.Diagnostic[]): string {
  return ds.map((d) => `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1}`).join(', ') || '(none)';
}

/** Waits for a diagnostic of this extension with `code` on `relative`, optionally at a 1-based line. */
export async function waitForDiagnostic(relative: string, code: string, line1?: number, timeoutMs = 30_000): Promise<vscode.Diagnostic> {
  const uri = fileUri(relative);
  try {
    return await waitFor(`${code} on ${relative}${line1 ? `:${line1}` : ''}`, () =>
      foundationsDiagnostics(uri).find((d) => codeOf(d) === code && (line1 === undefined || d.range.start.line === line1 - 1)),
    timeoutMs);
  } catch (err) {
    throw new Error(`${(err as Error).message}; diagnostics there now: ${describeDiagnostics(foundationsDiagnostics(uri))}`);
  }
}

export async function waitForNoDiagnostic(relative: string, code: string, timeoutMs = 30_000): Promise<void> {
  const uri = fileUri(relative);
  await waitFor(`no ${code} on ${relative} (now: ${describeDiagnostics(foundationsDiagnostics(uri))})`, () =>
    !foundationsDiagnostics(uri).some((d) => codeOf(d) === code),
  timeoutMs);
}

export async function activeExtension(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(ext, `extension ${EXTENSION_ID} is not installed in this extension host`);
  await waitFor(`${EXTENSION_ID} to activate by itself`, () => ext.isActive, 60_000);
  return ext;
}

/**
 * Pids of the language servers this extension host started: children of this process whose
 * command line runs the extension's dist/start-server.js (other windows' servers are not ours).
 */
export function serverPids(extensionPath: string): number[] {
  const serverJs = path.join(extensionPath, 'dist', 'start-server.js');
  return processes().filter((p) => p.ppid === process.pid && p.args.includes(serverJs)).map((p) => p.pid);
}

/** The folder a server was told to keep V8's code cache in (`--code-cache`), read from its command line (Linux). */
export function codeCacheDirOf(pid: number): string | undefined {
  if (!fs.existsSync(`/proc/${pid}/cmdline`)) return undefined;
  const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  const at = args.indexOf('--code-cache');
  return at >= 0 ? args[at + 1] : undefined;
}

/** Every process with its parent and command line: /proc on Linux, `ps` elsewhere. */
function processes(): { pid: number; ppid: number; args: string }[] {
  if (fs.existsSync('/proc/self/stat')) {
    const list: { pid: number; ppid: number; args: string }[] = [];
    for (const entry of fs.readdirSync('/proc').filter((e) => /^\d+$/.test(e))) {
      try {
        const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
        // "pid (comm) state ppid …": comm may hold spaces and parentheses, so split after the last ')'.
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        const args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
        list.push({ pid: Number(entry), ppid, args });
      } catch {
        // the process ended while we looked
      }
    }
    return list;
  }
  return execFileSync('ps', ['-eo', 'pid=,ppid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => !!m)
    .map((m) => ({ pid: Number(m[1]), ppid: Number(m[2]), args: m[3] }));
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * The runner (scripts/e2e/run-extension-tests.mjs) can read the workbench's DOM, which the
 * extension API cannot (e.g. the status bar). It answers requests written into the folder named
 * by FOUNDATIONS_E2E_BRIDGE. Undefined when there is no such runner (e.g. @vscode/test-electron).
 */
export function bridgeAvailable(): boolean {
  return !!process.env.FOUNDATIONS_E2E_BRIDGE;
}

let bridgeSeq = 0;
export async function askRunner<T>(request: Record<string, unknown>, timeoutMs = 15_000): Promise<T> {
  const dir = process.env.FOUNDATIONS_E2E_BRIDGE;
  assert.ok(dir, 'no e2e runner bridge');
  const id = `${process.pid}-${++bridgeSeq}`;
  const answer = path.join(dir, `${id}.response.json`);
  fs.writeFileSync(path.join(dir, `${id}.request.json.tmp`), JSON.stringify(request));
  fs.renameSync(path.join(dir, `${id}.request.json.tmp`), path.join(dir, `${id}.request.json`));
  const text = await waitFor(`the runner to answer ${JSON.stringify(request)}`, () => fs.existsSync(answer) && fs.readFileSync(answer, 'utf8'), timeoutMs);
  return JSON.parse(text) as T;
}

/** Opens a document in an editor; `preview: false` so several stay open. */
export async function openEditor(relative: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fileUri(relative));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/** Reverts and closes every editor, so each test starts from the files on disk. */
export async function closeAllEditors(): Promise<void> {
  for (const doc of vscode.workspace.textDocuments) {
    if (doc.isDirty && doc.uri.scheme === 'file') {
      await vscode.window.showTextDocument(doc);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
  }
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** A line in the suite's report (and the extension host's console), under the current test. */
export function note(message: string): void {
  const line = `       · ${message}`;
  console.log(line);
  if (process.env.FOUNDATIONS_E2E_REPORT) fs.appendFileSync(process.env.FOUNDATIONS_E2E_REPORT, line + '\n');
}
