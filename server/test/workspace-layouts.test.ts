import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { copyFixture } from '../../rules/test/helpers';
import { LspTestClient } from './lsp-test-client';

/** Workspaces whose folders are not laid out plainly: opened through a symbolic link. */
describe('language server: how the workspace folders are laid out', function () {
  this.timeout(60_000);

  it('opened through a symbolic link (macOS /tmp), publishes and answers under the path the editor opened', async () => {
    const real = copyFixture('shop');
    const link = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'foundations-link-')), 'shop');
    fs.symlinkSync(real, link);
    const client = await LspTestClient.start(link, { settings: { debounceMs: 0 } });
    try {
      await client.ready();
      const discounts = 'src/billing/core/discounts.ts';
      assert.deepEqual(client.codes(discounts), ['public-api-bypass']);
      assert.deepEqual(
        [...client.diagnostics.keys()].filter((uri) => !uri.startsWith(client.uri(''))),
        [],
        'nothing published under the real path',
      );
      assert.match((await client.hover(discounts, 1, 35)) ?? '', /public-api-bypass|public API/);
      const [diagnostic] = client.diagnostics.get(client.uri(discounts))!.diagnostics;
      const actions = await client.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: client.uri(discounts) },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic] },
      });
      assert.ok(actions.length > 0, 'code actions for the finding');
      const text = fs.readFileSync(`${real}/${discounts}`, 'utf8');
      client.open(discounts, text.replace("'../../catalog/core/pricing'", "'@shop/catalog'"));
      await client.waitFor(() => client.codes(discounts).length === 0, 'the buffer edit to clear the finding');
    } finally {
      await client.stop();
    }
  });
});
