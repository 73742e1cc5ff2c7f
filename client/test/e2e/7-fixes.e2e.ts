/**
 * Quick fixes and the view container in the real editor (written before the features existed,
 * enabled as they landed).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, codeOf, fileUri, openEditor, waitFor, waitForDiagnostic, waitForNoDiagnostic } from './helpers';

/** Finds this extension's quick fix for `code` on `relative`, applies it, and returns the editor. */
async function applyQuickFix(relative: string, code: string, line1: number, title?: RegExp): Promise<{ editor: vscode.TextEditor; original: string }> {
  const editor = await openEditor(relative);
  const original = editor.document.getText();
  const d = await waitForDiagnostic(relative, code, line1);
  const actions = await waitFor(`a quick fix for ${code}`, async () => {
    const all = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
      'vscode.executeCodeActionProvider',
      fileUri(relative),
      d.range,
      vscode.CodeActionKind.QuickFix.value,
      // Edits are computed on resolve: ask VS Code to resolve them.
      10,
    );
    const seen = (all ?? []).map((a) => `${a.title} [${'kind' in a ? a.kind?.value : 'command'}; ${'diagnostics' in a ? (a.diagnostics ?? []).map((x) => codeOf(x)).join(',') : ''}]`).join(' | ');
    const ours = (all ?? []).filter(
      // executeCodeActionProvider does not carry the actions' diagnostics back: tell ours by title.
      (a): a is vscode.CodeAction => 'kind' in a && (title ? title.test(a.title) : !!a.diagnostics?.some((x) => codeOf(x) === code)),
    );
    if (ours.length === 0) throw new Error(`offered: ${seen || 'nothing'}`);
    return ours;
  });
  const fix = actions.find((a) => a.isPreferred && !a.disabled) ?? actions.filter((a) => !a.disabled)[0];
  if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), `applied "${fix.title}"`);
  if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
  return { editor, original };
}

describe('quick fixes and the view container', () => {
  before(async () => {
    await activeExtension();
  });
  afterEach(closeAllEditors);

  it('quick fix "import through the public API" clears public-api-bypass; undo restores the text', async () => {
    const { editor, original } = await applyQuickFix('src/billing/core/discounts.ts', 'public-api-bypass', 2, /the public API of "catalog"/);
    await waitForNoDiagnostic('src/billing/core/discounts.ts', 'public-api-bypass');
    await vscode.window.showTextDocument(editor.document);
    await vscode.commands.executeCommand('undo');
    await waitFor('undo to restore discounts.ts', () => editor.document.getText() === original);
    await waitForDiagnostic('src/billing/core/discounts.ts', 'public-api-bypass', 2);
  });

  it('move the SDK code to an adapter (a quick fix, where the Problems panel looks) clears third-party-outside-adapter', async () => {
    await applyQuickFix('src/billing/core/charge.ts', 'third-party-outside-adapter', 2, /Move the code that uses "stripe"/);
    await waitForNoDiagnostic('src/billing/core/charge.ts', 'third-party-outside-adapter');
  });

  // The view container landed (its trees are tested in views.e2e.ts).
  it('the Foundations view container is contributed and opens', async () => {
    const ext = await activeExtension();
    const containers = (ext.packageJSON as { contributes?: { viewsContainers?: { activitybar?: { id: string }[] } } }).contributes?.viewsContainers?.activitybar ?? [];
    assert.ok(containers.length > 0, 'an activity bar view container');
    await vscode.commands.executeCommand(`workbench.view.extension.${containers[0].id}`);
  });
});
