import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, closeAllEditors, codeOf, fileUri, foundationsDiagnostics, note, openEditor, waitFor, waitForDiagnostic } from './helpers';

const CONFIG = 'foundations.json';

function configDiagnostics(): vscode.Diagnostic[] {
  return foundationsDiagnostics(fileUri(CONFIG)).filter((d) => codeOf(d) === 'config');
}

/** Replaces the first `search` on the line containing `lineMarker`; returns that line (0-based). */
async function replaceOnLine(editor: vscode.TextEditor, lineMarker: string, search: string, replacement: string): Promise<number> {
  const doc = editor.document;
  for (let i = 0; i < doc.lineCount; i++) {
    const text = doc.lineAt(i).text;
    const col = text.indexOf(search);
    if (text.includes(lineMarker) && col >= 0) {
      assert.ok(await editor.edit((b) => b.replace(new vscode.Range(i, col, i, col + search.length), replacement)));
      return i;
    }
  }
  throw new Error(`no line with ${lineMarker} and ${search} in ${doc.uri.fsPath}`);
}

describe('foundations.json', () => {
  before(async () => {
    await activeExtension();
    await waitForDiagnostic('src/catalog/core/product.ts', 'cross-domain-import', 4, 60_000);
  });
  afterEach(async () => {
    await closeAllEditors();
    await waitFor('the config diagnostics to clear once foundations.json is back to its saved text', () => configDiagnostics().length === 0);
  });

  it('an unknown domain in dependsOn is a config diagnostic at the offending key, while typing', async () => {
    const editor = await openEditor(CONFIG);
    const line = await replaceOnLine(editor, '"orders"', '"shared"]', '"shared", "nowhere"]');
    const d = await waitFor('a config diagnostic on the orders line', () => configDiagnostics().find((x) => x.range.start.line === line), 30_000).catch((err) => {
      throw new Error(`${(err as Error).message}; config diagnostics: ${JSON.stringify(configDiagnostics().map((x) => [x.range.start.line, x.message]))}`);
    });
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
    assert.match(d.message, /nowhere/);
    note(`config: ${d.message}`);
    assert.ok(editor.document.isDirty, 'not saved');
  });

  it('unparsable JSON is a config diagnostic, not a crash: the last good configuration stays in force', async () => {
    const editor = await openEditor(CONFIG);
    await replaceOnLine(editor, '"layer-violation"', '"error"', '"error",,, }');
    await waitFor('a config diagnostic for the syntax error', () => configDiagnostics().length > 0);
    // The findings computed with the last good configuration are still there.
    await waitForDiagnostic('src/catalog/core/product.ts', 'cross-domain-import', 4, 1_000);
    await waitForDiagnostic('src/billing/ui/InvoiceView.tsx', 'layer-violation', 3, 1_000);
  });

  it('a bad severity is reported by the server and by the JSON schema (jsonValidation)', async () => {
    const editor = await openEditor(CONFIG);
    const line = await replaceOnLine(editor, '"layer-violation"', '"error"', '"fatal"');
    await waitFor('a config diagnostic on the bad severity', () => configDiagnostics().find((x) => x.range.start.line === line));
    // The JSON language service validates against the schema the extension maps to foundations.json.
    const uri = fileUri(CONFIG);
    const schema = await waitFor('a JSON schema diagnostic on the bad severity', () =>
      vscode.languages.getDiagnostics(uri).find((x) => x.source !== 'foundations' && x.range.start.line === line),
    30_000).catch((err) => {
      throw new Error(`${(err as Error).message}; all diagnostics: ${JSON.stringify(vscode.languages.getDiagnostics(uri).map((x) => [x.source, x.range.start.line, x.message]))}`);
    });
    note(`schema: ${schema.source}: ${schema.message}`);
  });

  it('completes the declared domain names inside a domain\'s dependsOn', async () => {
    const editor = await openEditor(CONFIG);
    const line = await replaceOnLine(editor, '"catalog"', '"dependsOn": ["shared"]', '"dependsOn": ["shared", ""]');
    const position = new vscode.Position(line, editor.document.lineAt(line).text.indexOf('""') + 1);
    const labels = await waitFor('domain names among the completions', async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
      const names = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
      return names.includes('orders') ? names : undefined;
    });
    assert.ok(labels.includes('billing'));
    assert.ok(!labels.includes('catalog'), 'not the domain itself');
    assert.ok(!labels.includes('shared'), 'not one it lists already');
  });
});
