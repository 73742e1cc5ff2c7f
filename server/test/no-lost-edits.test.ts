import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import type { CodeAction, Diagnostic, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../rules';
import { REPO_ROOT, copyFixture } from '../../rules/test/helpers';
import { LspTestClient } from './lsp-test-client';

/**
 * Issue 8, point 5: a fix is one workspace edit against the document versions it was computed
 * for. The buffers here run ahead of the analysis (a long debounce), and change again between
 * the code action and its resolve: the edit must match the text of the version it names, or be
 * refused — never land on other text.
 */

const FILE = 'src/billing/core/discounts.ts';
const API = 'src/catalog/index.ts';

describe('hardening: no lost edits (fixes against document versions, with concurrent edits)', function () {
  this.timeout(60_000);
  let root: string;
  let client: LspTestClient;
  /** Every text each buffer had, by version: what an edit naming a version must apply to. */
  const history = new Map<string, Map<number, string>>();

  beforeEach(async () => {
    root = copyFixture('shop');
    history.clear();
    // A debounce far longer than the test's steps: without a catch-up, the server would compute fixes on old text.
    client = await LspTestClient.start(root, { settings: { debounceMs: 3000 } });
    await client.ready();
    for (const rel of [FILE, API]) open(rel, fs.readFileSync(`${root}/${rel}`, 'utf8'));
  });

  afterEach(async () => {
    await client.stop();
  });

  function open(rel: string, text: string): void {
    client.open(rel, text);
    history.set(rel, new Map([[1, text]]));
  }

  function change(rel: string, text: string): void {
    client.change(rel, text);
    history.get(rel)!.set(client.version(rel)!, text);
  }

  async function preferredFix(): Promise<CodeAction> {
    const diagnostic: Diagnostic = client.diagnostics.get(client.uri(FILE))!.diagnostics.find((d) => d.code === 'public-api-bypass')!;
    const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: client.uri(FILE) }, range: diagnostic.range, context: { diagnostics: [diagnostic] } });
    const fix = actions.find((a) => a.isPreferred && a.data !== undefined);
    assert.ok(fix, 'the public-API fix is offered, to be resolved');
    return fix;
  }

  /** The edit applied to the text of the version it names; each buffer's edit must name a version. */
  function applied(action: CodeAction): Map<string, string> {
    const result = new Map<string, string>();
    for (const change of action.edit!.documentChanges as TextDocumentEdit[]) {
      const rel = change.textDocument.uri.slice(client.uri('').length);
      assert.ok(history.has(rel), `${rel} is an open buffer`);
      const version = change.textDocument.version;
      assert.equal(typeof version, 'number', `${rel}: the edit names the version it was computed for`);
      const text = history.get(rel)!.get(version!);
      assert.ok(text !== undefined, `${rel}: version ${version} is one the buffer had`);
      result.set(rel, applyEdits(text, change.edits as TextEdit[]));
    }
    return result;
  }

  it('an edit elsewhere in the file: the fix is computed on the new text, with its version', async () => {
    const fix = await preferredFix();
    const text = client.texts.get(FILE)!;
    change(FILE, `${text}\nexport const added = 1; // typed after the code action was shown\n`);
    const api = client.texts.get(API)!;
    change(API, `// a line typed in the public API meanwhile\n${api}`);
    const resolved = await client.connection.sendRequest<CodeAction>('codeAction/resolve', fix);
    const versions = Object.fromEntries((resolved.edit!.documentChanges as TextDocumentEdit[]).map((c) => [c.textDocument.uri.slice(client.uri('').length), c.textDocument.version]));
    assert.deepEqual(versions, { [FILE]: client.version(FILE), [API]: client.version(API) }, 'the versions the buffers have now');
    const after = applied(resolved);
    assert.match(after.get(FILE)!, /from '@shop\/catalog';/);
    assert.match(after.get(FILE)!, /export const added = 1; \/\/ typed after the code action was shown/, 'the new line is kept');
    assert.match(after.get(API)!, /^\/\/ a line typed in the public API meanwhile\n/, 'the new line of the other file is kept');
    assert.match(after.get(API)!, /internalMargin/, 'and the export is added');
  });

  it('an edit that moves the finding: the fix is refused, not applied to the wrong line', async () => {
    const fix = await preferredFix();
    change(FILE, `// a new first line\n${client.texts.get(FILE)!}`);
    const resolved = await client.connection.sendRequest<CodeAction>('codeAction/resolve', fix);
    assert.equal(resolved.edit, undefined, 'no edit: the finding it was offered for is no longer where it was');
    // Asked again, the fix is offered for the finding where it is now, and is right.
    await client.waitFor(() => client.diagnostics.get(client.uri(FILE))!.diagnostics.some((d) => d.code === 'public-api-bypass' && d.range.start.line === 2), 'the moved finding', 10_000);
    const again = await client.connection.sendRequest<CodeAction>('codeAction/resolve', await preferredFix());
    const after = applied(again).get(FILE)!;
    assert.match(after, /^\/\/ a new first line\n\/\/ Reaches into catalog's internals[^\n]*\nimport \{ internalMargin \} from '@shop\/catalog';/);
  });

  it('the input-needing fix (foundations/computeFix) also sees the latest text', async () => {
    const diagnostic = client.diagnostics.get(client.uri(FILE))!.diagnostics.find((d) => d.code === 'public-api-bypass')!;
    change(FILE, `${client.texts.get(FILE)!}// typed while the reason was asked\n`);
    const result = await client.connection.sendRequest<{ edit?: CodeAction['edit']; error?: string }>('foundations/computeFix', { uri: client.uri(FILE), ruleId: 'public-api-bypass', range: diagnostic.range, fixId: 'suppress-line', args: { reason: 'until catalog exports it' } });
    assert.equal(result.error, undefined);
    const after = applied({ title: 'suppress', edit: result.edit }).get(FILE)!;
    assert.match(after, /foundations-ignore public-api-bypass/);
    assert.match(after, /\/\/ typed while the reason was asked\n$/);
  });

  it('under a stream of concurrent edits, every resolved edit matches the text of its version, and no line is lost', async () => {
    let resolvedCount = 0;
    let refused = 0;
    let stale = 0;
    for (let round = 0; round < 40; round++) {
      const fix = await preferredFix().catch(() => undefined);
      if (!fix) break;
      // Lines typed above or below, in both files, while the resolve is on its way.
      const marker = `// marker ${round}`;
      const lines = client.texts.get(FILE)!.split('\n');
      const at = round % 3 === 0 ? 0 : lines.length;
      lines.splice(at, 0, marker);
      const pending = client.connection.sendRequest<CodeAction>('codeAction/resolve', fix);
      change(FILE, lines.join('\n'));
      change(API, `${client.texts.get(API)!}${marker}\n`);
      const resolved = await pending;
      if (!resolved.edit) {
        refused++;
        continue;
      }
      resolvedCount++;
      const after = applied(resolved);
      for (const [rel, text] of after) {
        const versionText = history.get(rel)!.get((resolved.edit!.documentChanges as TextDocumentEdit[]).find((c) => c.textDocument.uri.endsWith(rel))!.textDocument.version!)!;
        // Every line the buffer had at that version is still there (the fix only adds or rewrites the import/export).
        const kept = text.split('\n');
        for (const line of versionText.split('\n')) {
          if (line.includes('catalog/core/pricing') || line.includes("from './core/pricing'")) continue;
          assert.ok(kept.includes(line), `${rel}: the line "${line}" survives the fix`);
        }
      }
      // What an editor does: apply only when the versions still match, else refuse.
      const current = (resolved.edit!.documentChanges as TextDocumentEdit[]).every((c) => c.textDocument.version === client.version(c.textDocument.uri.slice(client.uri('').length)));
      if (!current) stale++;
    }
    console.log(`      ${resolvedCount} fixes resolved during concurrent edits (every one against the text of its version), ${refused} refused; ${stale} would be refused by the editor as the buffer moved on`);
    assert.ok(resolvedCount > 0);
  });
});

describe('hardening: no lost edits (foundations fix on a file with a byte order mark and CRLF line ends)', () => {
  it('fixes at the right place, and keeps the mark and the line ends', () => {
    const root = copyFixture('shop');
    const file = `${root}/${FILE}`;
    const original = fs.readFileSync(file, 'utf8').replace(/\n/g, '\r\n');
    fs.writeFileSync(file, `\ufeff${original}`);
    const r = spawnSync(process.execPath, [`${REPO_ROOT}/bin/foundations.js`, 'fix', root, '--rule', 'public-api-bypass'], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stdout + r.stderr);
    const after = fs.readFileSync(file, 'utf8');
    assert.ok(after.startsWith('\ufeff// Reaches into'), 'the byte order mark is kept, and nothing before the first line');
    assert.equal(after, `\ufeff${original.replace("'../../catalog/core/pricing'", "'@shop/catalog'")}`, 'only the specifier changed; every line and line end is kept');
  });
});
