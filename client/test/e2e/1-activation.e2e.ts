import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, activeExtension, serverPids, waitFor } from './helpers';

describe('activation', () => {
  it('activates by itself on the example workspace (workspaceContains:**/foundations.json)', async () => {
    const ext = await activeExtension();
    assert.equal(ext.id.toLowerCase(), EXTENSION_ID);
  });

  it('contributes its commands', async () => {
    const commands = await vscode.commands.getCommands(true);
    for (const id of ['foundations.restartServer', 'foundations.showOutput', 'foundations.createConfig']) {
      assert.ok(commands.includes(id), `command ${id} is registered`);
    }
  });

  it('starts the language server as a child of the extension host', async () => {
    const ext = await activeExtension();
    const pids = await waitFor('a dist/start-server.js child process', () => serverPids(ext.extensionPath).length > 0 && serverPids(ext.extensionPath));
    assert.equal(pids.length, 1, `one server for one window, found ${pids.join(', ')}`);
  });

  it('the Show Output command runs', async () => {
    await activeExtension();
    await vscode.commands.executeCommand('foundations.showOutput');
  });
});
