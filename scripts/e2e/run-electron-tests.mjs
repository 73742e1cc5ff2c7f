#!/usr/bin/env node
// The same extension-host suite in VS Code desktop (Electron), for machines that can download
// VS Code (not these machines, not CI here: use run-extension-tests.mjs, code-server, instead).
//   npm install --no-save @vscode/test-electron     (not a dependency of the project)
//   npm run build && node scripts/e2e/run-electron-tests.mjs [--version 1.100.3]
// On a Linux box without a display: xvfb-run -a node scripts/e2e/run-electron-tests.mjs
// The status-bar test skips itself there (only the code-server runner can read the DOM).
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { REPO, cleanup, copyWorkspace, requireFiles, tempRoot } from './lib.mjs';

const require = createRequire(path.join(REPO, 'package.json'));
let testElectron;
try {
  testElectron = require('@vscode/test-electron');
} catch {
  console.error('run-electron-tests: @vscode/test-electron is not installed: npm install --no-save @vscode/test-electron');
  process.exit(2);
}
requireFiles('dist/client.js', 'dist/server.js', 'out/client/test/e2e/index.js');
const versionArg = process.argv.indexOf('--version');
const version = versionArg > 0 ? process.argv[versionArg + 1] : '1.100.3';
const root = tempRoot('electron-tests');
const workspace = copyWorkspace(root);
let code = 1;
try {
  await testElectron.runTests({
    version,
    extensionDevelopmentPath: REPO,
    extensionTestsPath: path.join(REPO, 'out', 'client', 'test', 'e2e', 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', path.join(root, 'user-data'), '--skip-welcome', '--skip-release-notes'],
    extensionTestsEnv: { FOUNDATIONS_E2E_GREP: process.env.FOUNDATIONS_E2E_GREP ?? '' },
  });
  code = 0;
} catch (err) {
  console.error(`run-electron-tests: ${err.message ?? err}`);
} finally {
  cleanup(root);
}
process.exitCode = code;
