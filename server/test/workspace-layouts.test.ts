import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { FoundationsDomains, FoundationsFindings, FoundationsTree } from '../../protocol';
import { copyFixture } from '../../rules/test/helpers';
import { LspTestClient } from './lsp-test-client';

/** Workspace folders not laid out plainly: opened through a symbolic link, or one inside another. */
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

  it('with a folder nested in another, each file is published and counted by its innermost folder only', async () => {
    const root = copyFixture('shop');
    // The billing package checked on its own too, with its own layers as domains.
    fs.writeFileSync(
      `${root}/src/billing/foundations.json`,
      JSON.stringify({ domains: { core: { path: 'core', publicApi: '*' }, ui: { path: 'ui', dependsOn: ['core'] }, data: { path: 'data', publicApi: '*' }, adapters: { path: 'adapters', publicApi: '*' } } }),
    );
    const client = await LspTestClient.start(root, { settings: { debounceMs: 0 } });
    type Status = { state: string; errors: number; warnings: number; files: number };
    const lastStatus = () => client.notifications.filter((n) => n.method === 'foundations/status').pop()?.params as Status;
    /** What the editor shows: the status must count exactly that. */
    const shown = () => {
      const all = [...client.diagnostics.values()].flatMap((d) => d.diagnostics);
      return { errors: all.filter((d) => d.severity === 1).length, warnings: all.filter((d) => d.severity === 2).length };
    };
    const countsShown = () => {
      const status = lastStatus();
      return status.state === 'ready' && status.files === 16 && status.errors === shown().errors && status.warnings === shown().warnings;
    };
    const setNested = (change: 'added' | 'removed') =>
      client.connection.sendNotification('workspace/didChangeWorkspaceFolders', {
        event: { added: [], removed: [], [change]: [{ uri: client.uri('src/billing'), name: 'billing' }] },
      });
    /** The views list and count what the editor shows, each file in the folder that owns it. */
    const assertViewsCountWhatIsShown = async () => {
      const outerUri = pathToFileURL(root).href;
      const tree = await client.request(FoundationsTree.type, {});
      assert.deepEqual([tree.totals.errors, tree.totals.warnings], [shown().errors, shown().warnings], 'the badge totals');
      const listed = tree.folders.flatMap((f) => f.foundations).reduce((n, f) => n + f.counts.errors + f.counts.warnings, 0);
      assert.equal(listed, shown().errors + shown().warnings, "the folders' trees");
      const outer = tree.folders.find((f) => f.folderUri === outerUri)!;
      const layers = outer.foundations.flatMap((f) => f.checks).find((c) => c.id === 'layer-violation')!;
      assert.deepEqual([layers.status, layers.counts.errors], ['pass', 0], "InvoiceView's layer finding is in the nested folder, which has none");
      const bypass = await client.request(FoundationsFindings.type, { folderUri: outerUri, ruleId: 'public-api-bypass' });
      assert.deepEqual(bypass.findings, [], 'the outer folder lists nothing of the nested folder’s files');
      const { folders } = await client.request(FoundationsDomains.type, {});
      const billing = folders.find((f) => f.folderUri === outerUri)!.domains.find((d) => d.name === 'billing')!;
      assert.deepEqual(billing.counts, { errors: 0, warnings: 0, infos: 0 }, "the outer billing domain's files are the nested folder's");
    };
    try {
      await client.ready();
      assert.deepEqual(client.codes('src/billing/core/discounts.ts'), ['public-api-bypass']);
      assert.deepEqual(client.codes('src/billing/ui/InvoiceView.tsx'), ['layer-violation']);
      await client.waitFor(countsShown, 'the status to count what is shown');

      await setNested('added');
      // The inner folder's findings, never overwritten by the outer's: pricing is outside billing, so no bypass.
      await client.waitFor(() => client.codes('src/billing/ui/InvoiceView.tsx').join() === 'cross-domain-import', "the nested folder's finding");
      await client.waitFor(() => client.codes('src/billing/core/discounts.ts').length === 0, "the outer folder's finding to be cleared");
      // An edit in each: the nested folder checks the one in it, the outer folder the other, and publishes only that.
      const since = performance.now();
      for (const file of ['src/billing/core/discounts.ts', 'src/catalog/core/product.ts']) client.open(file, fs.readFileSync(`${root}/${file}`, 'utf8'));
      await client.waitFor(() => (client.diagnostics.get(client.uri('src/catalog/core/product.ts'))?.at ?? 0) > since, 'the outer folder to re-check its edit');
      assert.deepEqual(client.codes('src/billing/core/discounts.ts'), []);
      assert.equal(client.codes('src/billing/ui/InvoiceView.tsx').join(), 'cross-domain-import');
      await client.waitFor(countsShown, 'the status to count each file once, as shown');
      await assertViewsCountWhatIsShown();

      await setNested('removed');
      await client.waitFor(() => client.codes('src/billing/core/discounts.ts').join() === 'public-api-bypass', "the outer folder's finding back");
      await client.waitFor(() => client.codes('src/billing/ui/InvoiceView.tsx').join() === 'layer-violation', "the outer folder's layer finding back");
      await client.waitFor(countsShown, 'the status to count the outer folder alone again');
    } finally {
      await client.stop();
    }
  });
});
