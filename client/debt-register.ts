import * as vscode from 'vscode';

/**
 * Saves the debt register after an edit of it: the CLI and CI read the file, not the editor's
 * buffer, so an acceptance or a prune left unsaved would not count there. The edit stays undoable.
 */
export async function saveDebtRegister(uri: vscode.Uri): Promise<void> {
  const document = await vscode.workspace.openTextDocument(uri);
  await document.save();
}
