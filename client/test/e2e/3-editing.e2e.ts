import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, fileUri, openEditor, waitFor, waitForDiagnostic, waitForNoDiagnostic } from './helpers';

const INVOICE = 'src/billing/core/invoice.ts';
const PRODUCT = 'src/catalog/core/product.ts';
/** billing does not declare orders in dependsOn. */
const UNDECLARED = "import { placeOrder } from '@shop/orders';\n";

describe('editing buffers (never saved)', () => {
  before(async () => {
    await activeExtension();
    await waitForDiagnostic(PRODUCT, 'cross-domain-import', 4, 60_000);
  });
  afterEach(closeAllEditors);

  it('an import of an undeclared domain adds cross-domain-import; deleting the line removes it', async () => {
    const onDisk = fs.readFileSync(fileUri(INVOICE).fsPath, 'utf8');
    const editor = await openEditor(INVOICE);
    assert.ok(await editor.edit((b) => b.insert(new vscode.Position(0, 0), UNDECLARED)), 'edit applied');
    const d = await waitForDiagnostic(INVOICE, 'cross-domain-import', 1);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /orders/);
    assert.ok(editor.document.isDirty, 'the buffer is not saved');
    assert.equal(fs.readFileSync(fileUri(INVOICE).fsPath, 'utf8'), onDisk, 'the file on disk is untouched');

    assert.ok(await editor.edit((b) => b.delete(new vscode.Range(0, 0, 1, 0))), 'delete applied');
    await waitForNoDiagnostic(INVOICE, 'cross-domain-import');
    assert.equal(editor.document.getText(), onDisk);
  });

  it('undo restores the text and the findings', async () => {
    const editor = await openEditor(INVOICE);
    const original = editor.document.getText();
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), UNDECLARED));
    await waitForDiagnostic(INVOICE, 'cross-domain-import', 1);
    await vscode.commands.executeCommand('undo');
    await waitFor('undo to restore invoice.ts', () => editor.document.getText() === original);
    await waitForNoDiagnostic(INVOICE, 'cross-domain-import');
    assert.equal(editor.document.isDirty, false, 'undo back to the saved text leaves the buffer clean');
  });

  it('removing the violating import clears its findings; undo brings them back', async () => {
    const editor = await openEditor(PRODUCT);
    const line = editor.document.lineAt(3);
    assert.match(line.text, /@shop\/orders/, 'line 4 of product.ts imports orders');
    await editor.edit((b) => b.delete(line.rangeIncludingLineBreak));
    await waitForNoDiagnostic(PRODUCT, 'cross-domain-import');
    await vscode.commands.executeCommand('undo');
    const back = await waitForDiagnostic(PRODUCT, 'cross-domain-import', 4);
    assert.equal(back.range.start.character, 30);
    await waitForDiagnostic(PRODUCT, 'domain-cycle', 4);
  });
});
