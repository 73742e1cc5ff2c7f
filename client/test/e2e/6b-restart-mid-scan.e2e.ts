import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activeExtension, isAlive, note, serverPids, waitFor, waitForDiagnostic, waitForNoDiagnostic, workspaceRoot } from './helpers';

const GENERATED = 'src/catalog/core/generated';
const PARTS = 1500;

/**
 * Issue 8, point 4: the server killed while it is still scanning (not only once it is idle, as in
 * 6-restart) is restarted by the extension after its back-off, and the diagnostics come back.
 */
describe('server lifecycle: killed mid-scan', () => {
  let extensionPath = '';
  let root = '';

  before(async () => {
    extensionPath = (await activeExtension()).extensionPath;
    root = workspaceRoot().fsPath;
    // Enough files that a fresh server is still scanning when it is killed.
    fs.mkdirSync(`${root}/${GENERATED}`, { recursive: true });
    for (let i = 0; i < PARTS; i++) fs.writeFileSync(`${root}/${GENERATED}/part-${i}.ts`, `import { placeOrder } from '@shop/orders';\nexport const part${i} = placeOrder;\n`);
  });

  after(async () => {
    fs.rmSync(`${root}/${GENERATED}`, { recursive: true, force: true });
    await waitForNoDiagnostic(`${GENERATED}/part-${PARTS - 1}.ts`, 'cross-domain-import', 60_000);
    await waitForDiagnostic('src/catalog/core/product.ts', 'cross-domain-import', 4, 60_000);
  });

  it('a server killed (kill -9) during its first scan is restarted, and the diagnostics come back', async () => {
    const before = await waitFor('one running server', () => (serverPids(extensionPath).length === 1 ? serverPids(extensionPath)[0] : undefined));
    // A fresh server, which must scan all the files…
    await vscode.commands.executeCommand('foundations.restartServer');
    const scanning = await waitFor('the new server', () => serverPids(extensionPath).find((p) => p !== before), 30_000, 10);
    // …killed at once, in the middle of that scan.
    process.kill(scanning, 'SIGKILL');
    await waitFor(`the killed server ${scanning} to be gone`, () => !isAlive(scanning));
    const after = await waitFor('a server started by the restart policy', () => serverPids(extensionPath).find((p) => p !== scanning && p !== before), 30_000);
    assert.ok(isAlive(after));
    note(`killed ${scanning} mid-scan, restarted as ${after}`);
    await waitForDiagnostic(`${GENERATED}/part-${PARTS - 1}.ts`, 'cross-domain-import', 1, 90_000);
    await waitForDiagnostic('src/catalog/core/product.ts', 'cross-domain-import', 4, 60_000);
  });
});
