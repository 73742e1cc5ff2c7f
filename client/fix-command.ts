import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type ApplyFixArguments, ComputeFix, FoundationsDebt, expiryProblem } from '../protocol';
import { saveDebtRegister } from './debt-register';

/** Asks what a fix needs (a reason, an expiry, a target file); undefined when the user cancels. */
async function askInput(args: ApplyFixArguments): Promise<{ reason?: string; expiry?: string; file?: string } | undefined> {
  const input = args.input;
  if (input.kind === 'pick-file') {
    const file = await vscode.window.showQuickPick(input.choices, { title: args.title, placeHolder: input.prompt });
    return file ? { file } : undefined;
  }
  const reason = await vscode.window.showInputBox({
    title: args.title,
    prompt: input.prompt,
    validateInput: (value) => (value.trim() ? undefined : 'A reason is required: it is what the next reader needs.'),
  });
  if (!reason) return undefined;
  if (input.kind === 'reason') return { reason };
  const expiry = await vscode.window.showInputBox({
    title: args.title,
    prompt: 'Until when is this accepted? (YYYY-MM-DD, empty for no expiry)',
    validateInput: (value) => (value.trim() ? expiryProblem(value.trim()) : undefined),
  });
  if (expiry === undefined) return undefined;
  return { reason, ...(expiry.trim() ? { expiry: expiry.trim() } : {}) };
}

/** `foundations.applyFix`: the code actions that need the user's input end here. */
export async function applyFix(client: LanguageClient, args: ApplyFixArguments): Promise<void> {
  const answers = await askInput(args);
  if (!answers) return;
  const result = await client.sendRequest(ComputeFix.type, { uri: args.uri, ruleId: args.ruleId, range: args.range, fixId: args.fixId, args: answers });
  if (!result.edit) {
    void vscode.window.showWarningMessage(`Foundations: ${args.title} — ${result.error ?? 'nothing to change'}.`);
    return;
  }
  const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
  if (!(await vscode.workspace.applyEdit(edit, { isRefactoring: true }))) {
    void vscode.window.showWarningMessage(`Foundations: ${args.title} could not be applied (the file changed meanwhile?).`);
    return;
  }
  // An acceptance is saved at once, as "Prune Stale Debt Entries" does; the register is one click away, to see or undo it there.
  const { folders } = await client.sendRequest(FoundationsDebt.type, {});
  const registers = new Set(folders.map((f) => vscode.Uri.parse(f.debtUri).fsPath));
  const written = edit.entries().map(([uri]) => uri).filter((uri) => registers.has(uri.fsPath));
  for (const register of written) await saveDebtRegister(register);
  if (written.length === 0) return;
  const name = path.basename(written[0].fsPath);
  void vscode.window.showInformationMessage(`Foundations: ${args.title} — written to ${name} and saved.`, `Open ${name}`).then((choice) => {
    if (choice) void vscode.window.showTextDocument(written[0]);
  });
}
