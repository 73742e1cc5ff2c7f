import * as assert from 'node:assert/strict';
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
});
