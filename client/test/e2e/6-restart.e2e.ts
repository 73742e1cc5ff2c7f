import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { FoundationsApi } from '../../extension';
import { activeExtension, codeCacheDirOf, fileUri, isAlive, note, serverPids, waitFor, waitForDiagnostic } from './helpers';

const PRODUCT = 'src/catalog/core/product.ts';

/** Resolves once `uri`'s diagnostics have changed at least once after this call. */
function diagnosticsChangeOf(uri: vscode.Uri): { changed: () => boolean; dispose: () => void } {
  let changed = false;
  const sub = vscode.languages.onDidChangeDiagnostics((e) => {
    if (e.uris.some((u) => u.toString() === uri.toString())) changed = true;
  });
  return { changed: () => changed, dispose: () => sub.dispose() };
}

describe('server lifecycle', () => {
  let extensionPath = '';
  let api: FoundationsApi;
  before(async () => {
    const ext = await activeExtension();
    extensionPath = ext.extensionPath;
    api = ext.exports as FoundationsApi;
    await waitForDiagnostic(PRODUCT, 'cross-domain-import', 4, 60_000);
  });

  async function onlyServer(): Promise<number> {
    const pids = await waitFor('one running server', () => (serverPids(extensionPath).length === 1 ? serverPids(extensionPath) : undefined));
    return pids[0];
  }

  it('"Foundations: Restart Server" starts a new server and the diagnostics come back', async () => {
    const before = await onlyServer();
    const watch = diagnosticsChangeOf(fileUri(PRODUCT));
    try {
      await vscode.commands.executeCommand('foundations.restartServer');
      const after = await onlyServer();
      assert.notEqual(after, before, 'a new server process');
      note(`server ${before} → ${after}`);
      await waitFor(`the old server ${before} to exit`, () => !isAlive(before));
      await waitFor('the diagnostics of product.ts to be republished', watch.changed);
      await waitForDiagnostic(PRODUCT, 'cross-domain-import', 4, 60_000);
      // The first server left V8's code cache in the extension's storage; the new one starts from it.
      const dir = codeCacheDirOf(after);
      if (dir) {
        assert.match(dir, /globalStorage/, 'the code cache lives in the extension storage, not the workspace');
        const cache = await waitFor('a code cache file', () => fs.existsSync(dir) && fs.readdirSync(dir).find((n) => n.endsWith('.code-cache')));
        note(`code cache: ${path.join(dir, cache)} (${fs.statSync(path.join(dir, cache)).size} bytes)`);
      }
    } finally {
      watch.dispose();
    }
  });

  it('a killed server (kill -9) says "restarting" during the back-off, is restarted, and the diagnostics come back', async () => {
    const before = await onlyServer();
    const watch = diagnosticsChangeOf(fileUri(PRODUCT));
    // The back-off is half a second: the status item is sampled throughout, not polled after the fact.
    const shown: string[] = [];
    let badgeWhileRestarting: vscode.ViewBadge | undefined | 'not seen' = 'not seen';
    const sampler = setInterval(() => {
      if (shown[shown.length - 1] !== api.status.text) shown.push(api.status.text);
      if (/restarting/.test(api.status.text) && badgeWhileRestarting === 'not seen') badgeWhileRestarting = api.views.foundationsView.badge;
    }, 10);
    try {
      await waitFor('the badge to count the findings before', () => api.views.foundationsView.badge);
      process.kill(before, 'SIGKILL');
      await waitFor(`the killed server ${before} to be gone`, () => !isAlive(before));
      const after = await waitFor('a new server process', () => serverPids(extensionPath).find((p) => p !== before), 30_000);
      assert.ok(isAlive(after));
      note(`killed ${before}, restarted as ${after}`);
      await waitFor('the diagnostics of product.ts to be republished', watch.changed, 60_000);
      await waitForDiagnostic(PRODUCT, 'cross-domain-import', 4, 60_000);
      await waitForDiagnostic('src/billing/ui/InvoiceView.tsx', 'layer-violation', 3, 60_000);
      await waitFor('the totals back in the status item', () => /Foundations \$\(error\) \d+/.test(api.status.text));
      note(`status item: ${shown.join(' → ')}`);
      assert.ok(shown.some((text) => /restarting/.test(text)), `the status item said "restarting"; it showed ${shown.join(' → ')}`);
      assert.equal(badgeWhileRestarting, undefined, 'the dead server’s totals are not on the badge while it restarts');
    } finally {
      clearInterval(sampler);
      watch.dispose();
    }
  });
});
