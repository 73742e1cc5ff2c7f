import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { copyFixture } from '../../rules/test/helpers';
import { LspTestClient } from './lsp-test-client';

/**
 * Clients other than VS Code's: fewer capabilities, errors where VS Code answers, no file watching
 * (Neovim 0.7). The server must keep working with what the client offers, and never die of a refusal.
 */

function logs(client: LspTestClient, pattern: RegExp): string[] {
  return client.notifications
    .filter((n) => n.method === 'window/logMessage')
    .map((n) => (n.params as { message: string }).message)
    .filter((m) => pattern.test(m));
}

describe('language server: clients that offer less than VS Code', function () {
  this.timeout(60_000);

  it('survives a client that refuses every request of the server (registrations, progress, settings), logs why, and keeps checking', async () => {
    const root = copyFixture('shop');
    const refuse = ['client/registerCapability', 'window/workDoneProgress/create', 'workspace/configuration'];
    const client = await LspTestClient.start(root, { refuse, settings: { debounceMs: 0 } });
    try {
      const status = await client.ready();
      assert.deepEqual([status.errors, status.warnings, status.files], [5, 2, 16]);
      for (const method of refuse) assert.ok(client.requests.some((r) => r.method === method), `the server asked ${method}`);
      assert.equal(logs(client, /registering the file watchers failed: Unhandled method client\/registerCapability/).length, 1);
      assert.equal(logs(client, /window\/workDoneProgress\/create failed/).length, 1);
      // Still serving: a buffer edit (whose settings request is refused too) is checked and published.
      client.open('src/billing/core/discounts.ts', "import { placeOrder } from '@shop/orders';\nexport const d = placeOrder;\n");
      await client.waitFor(() => client.codes('src/billing/core/discounts.ts').includes('cross-domain-import'), 'the edited buffer to be checked');
      assert.equal(client.process.exitCode, null);
      assert.deepEqual(logs(client, /unhandled rejection/), []);
    } finally {
      await client.stop();
    }
  });

  it('registers for configuration changes only with a client that supports registering them', async () => {
    const root = copyFixture('shop');
    const client = await LspTestClient.start(root, { workspaceCapabilities: { configuration: true, didChangeConfiguration: { dynamicRegistration: false } } });
    try {
      await client.ready();
      assert.deepEqual(
        client.requests.filter((r) => r.method === 'client/registerCapability'),
        [],
        'neither the configuration (not supported) nor the file watchers (not offered) are registered',
      );
    } finally {
      await client.stop();
    }
  });

  describe('a client that watches no files (Neovim 0.7)', () => {
    let client: LspTestClient;
    type Status = { files: number };
    const lastFiles = () => (client.notifications.filter((n) => n.method === 'foundations/status').pop()?.params as Status).files;

    beforeEach(async () => {
      client = await LspTestClient.start(copyFixture('shop'), { workspaceCapabilities: { configuration: true }, settings: { debounceMs: 0 } });
      await client.ready();
    });

    afterEach(async () => {
      await client.stop();
    });

    it('checks a new file from its first unsaved buffer, updates the files that import it, and forgets it when closed unsaved', async () => {
      // An import of a file that does not exist yet: nothing to check in it.
      client.open('src/billing/core/discounts.ts', "import { fresh } from '../../catalog/core/fresh';\nexport const d = fresh;\n");
      await client.waitFor(() => client.codes('src/billing/core/discounts.ts').length === 0, 'the bypass of pricing to be gone');
      client.open('src/catalog/core/fresh.ts', "import { createInvoice } from '@shop/billing';\nexport const fresh = createInvoice;\n");
      await client.waitFor(() => client.codes('src/catalog/core/fresh.ts').includes('cross-domain-import'), 'the new buffer to be checked');
      await client.waitFor(() => client.codes('src/billing/core/discounts.ts').includes('public-api-bypass'), 'its importer to be checked again');
      await client.waitFor(() => lastFiles() === 17, 'the new file to be counted');
      client.close('src/catalog/core/fresh.ts');
      await client.waitFor(() => client.diagnostics.get(client.uri('src/catalog/core/fresh.ts'))?.diagnostics.length === 0, 'the unsaved file to be cleared');
      await client.waitFor(() => lastFiles() === 16, 'the unsaved file to be forgotten');
    });

    it('checks a file saved after the scan when it is opened, but never one that discovery would skip', async () => {
      fs.writeFileSync(`${client.root}/src/catalog/.gitignore`, 'core/generated.ts\n');
      const skipped = ['node_modules/left-pad/index.ts', 'src/catalog/core/generated.ts'];
      for (const file of skipped) client.open(file, "import { createInvoice } from '@shop/billing';\n");
      fs.writeFileSync(`${client.root}/src/catalog/core/saved.ts`, "import { createInvoice } from '@shop/billing';\nexport const saved = createInvoice;\n");
      client.open('src/catalog/core/saved.ts', fs.readFileSync(`${client.root}/src/catalog/core/saved.ts`, 'utf8'));
      await client.waitFor(() => client.codes('src/catalog/core/saved.ts').includes('cross-domain-import'), 'the saved file to be checked');
      await client.waitFor(() => lastFiles() === 17, 'the saved file to be counted, and only it');
      for (const file of skipped) assert.equal(client.diagnostics.get(client.uri(file)), undefined, file);
    });
  });
});
