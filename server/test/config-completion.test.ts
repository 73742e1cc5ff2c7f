import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import type { CompletionItem, TextEdit } from 'vscode-languageserver-protocol';
import { copyFixture } from '../../rules/test/helpers';
import { LspTestClient } from './lsp-test-client';

const CONFIG = 'foundations.json';

describe('language server: completion of domain names in foundations.json', function () {
  this.timeout(60_000);
  let client: LspTestClient;
  let config: string;

  afterEach(async () => {
    await client?.stop();
  });

  /** Opens foundations.json with `text`, where `|` marks the cursor, and asks for completion there. */
  async function completeAt(text: string): Promise<CompletionItem[] | null> {
    const at = text.indexOf('|');
    const buffer = text.slice(0, at) + text.slice(at + 1);
    const lines = buffer.slice(0, at).split('\n');
    if (client.texts.has(CONFIG)) client.change(CONFIG, buffer);
    else client.open(CONFIG, buffer, 'json');
    return client.connection.sendRequest<CompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri: client.uri(CONFIG) },
      position: { line: lines.length - 1, character: lines[lines.length - 1].length },
    });
  }

  const edits = (items: CompletionItem[] | null) => (items ?? []).map((i) => `${i.label} ${JSON.stringify((i.textEdit as TextEdit).newText)}`);
  /** billing's dependsOn, written as `list`. */
  const billingDependsOn = (list: string) => config.replace('"dependsOn": ["catalog", "shared"]', `"dependsOn": ${list}`);

  describe('in a client without per-document registration (Neovim 0.7)', () => {
    beforeEach(async () => {
      const root = copyFixture('shop');
      config = fs.readFileSync(`${root}/${CONFIG}`, 'utf8');
      client = await LspTestClient.start(root, { settings: { debounceMs: 0 } });
      await client.ready();
    });

    it('offers, in a domain’s dependsOn, the other declared domains it does not list yet', async () => {
      assert.deepEqual(edits(await completeAt(billingDependsOn('["catalog", |]'))), ['orders "\\"orders\\""', 'shared "\\"shared\\""']);
      const all = await completeAt(billingDependsOn('[|]'));
      assert.deepEqual(all!.map((i) => `${i.label} ${i.detail}`), ['catalog src/catalog', 'orders src/orders', 'shared src/shared'], 'with each domain’s folder');
    });

    it('replaces the string being typed, and adds the comma a new value needs', async () => {
      const typed = await completeAt(billingDependsOn('["catalog", "sh|"]'));
      const line = billingDependsOn('["catalog", "sh"]').split('\n').findIndex((l) => l.includes('"sh"'));
      const column = billingDependsOn('["catalog", "sh"]').split('\n')[line].indexOf('"sh"');
      assert.deepEqual(
        typed!.map((i) => [i.label, i.filterText, i.textEdit]),
        ['orders', 'shared'].map((name) => [name, `"${name}"`, { newText: `"${name}"`, range: { start: { line, character: column }, end: { line, character: column + 4 } } }]),
      );
      assert.deepEqual(edits(await completeAt(billingDependsOn('["catalog" |]'))), ['orders ", \\"orders\\""', 'shared ", \\"shared\\""']);
      assert.deepEqual(edits(await completeAt(billingDependsOn('[| "catalog"]'))), ['orders "\\"orders\\", "', 'shared "\\"shared\\", "']);
    });

    it('reads the domains from the buffer as typed, and completes nothing outside dependsOn or in other files', async () => {
      const declared = billingDependsOn('["catalog", "shared", |]').replace('"domains": {', '"domains": {\n    "reports": { "path": "src/reports" },');
      assert.deepEqual(edits(await completeAt(declared)), ['reports "\\"reports\\""', 'orders "\\"orders\\""']);
      assert.deepEqual(edits(await completeAt(config.replace('"owners": ["@catalog-team"]', '"owners": [|]'))), []);
      client.open('src/catalog/core/product.ts', 'import { x } from "|";');
      assert.equal(await client.connection.sendRequest('textDocument/completion', { textDocument: { uri: client.uri('src/catalog/core/product.ts') }, position: { line: 0, character: 19 } }), null);
    });
  });

  it('is registered for foundations.json only where the client registers per document (VS Code), so TypeScript completion is not asked', async () => {
    const root = copyFixture('shop');
    config = fs.readFileSync(`${root}/${CONFIG}`, 'utf8');
    client = await LspTestClient.start(root, { settings: { debounceMs: 0 }, completionRegistration: true });
    await client.ready();
    assert.equal(client.capabilities.completionProvider, undefined, 'no provider for every document');
    const registrations = client.requests
      .filter((r) => r.method === 'client/registerCapability')
      .flatMap((r) => (r.params as { registrations: { method: string; registerOptions: unknown }[] }).registrations)
      .filter((r) => r.method === 'textDocument/completion');
    assert.deepEqual(
      registrations.map((r) => r.registerOptions),
      [{ documentSelector: [{ scheme: 'file', pattern: `**/${CONFIG}` }], triggerCharacters: ['"'] }],
    );
    assert.deepEqual(edits(await completeAt(billingDependsOn('["catalog", |]'))), ['orders "\\"orders\\""', 'shared "\\"shared\\""']);
  });
});
