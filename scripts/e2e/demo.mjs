#!/usr/bin/env node
// npm run demo: build, package, install foundations.vsix into a local code-server (VS Code
// 1.100.3 in the browser) with a temp copy of the example workspace, print the URL, and keep
// running until Ctrl+C. Nothing is installed into your own VS Code or HOME.
//   FOUNDATIONS_DEMO_PORT=8080       port (default: 8080 when free, else a free one)
//   FOUNDATIONS_DEMO_SKIP_BUILD=1    reuse the existing foundations.vsix
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import {
  REPO, cleanup, copyWorkspace, freePort, installExtension, isolatedProfile, log, requireFiles, requireTools,
  startCodeServer, tempRoot, workbenchUrl,
} from './lib.mjs';
import * as net from 'node:net';

function run(cmd, args) {
  log(`$ ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { cwd: REPO, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`demo: ${cmd} ${args.join(' ')} failed (${r.status ?? r.signal})`);
    process.exit(1);
  }
}

function portFree(port) {
  return new Promise((resolve) => {
    const s = net.createServer().once('error', () => resolve(false)).listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
  });
}

run('bash', [path.join(REPO, 'scripts/e2e/install-tools.sh')]);
if (process.env.FOUNDATIONS_DEMO_SKIP_BUILD !== '1') run('npm', ['run', 'package']);
requireTools();
requireFiles('foundations.vsix');

const root = tempRoot('demo');
const profile = isolatedProfile(root);
const workspace = copyWorkspace(root);
installExtension(profile, path.join(REPO, 'foundations.vsix'));
const wanted = Number(process.env.FOUNDATIONS_DEMO_PORT || 8080);
const port = (await portFree(wanted)) ? wanted : await freePort();
let server;
try {
  server = await startCodeServer(profile, { port, logFile: path.join(root, 'code-server.log') });
} catch (err) {
  console.error(`demo: ${err.message}`);
  cleanup(root);
  process.exit(1);
}
const url = workbenchUrl(port, workspace, [['openFile', `vscode-remote://127.0.0.1:${port}${path.join(workspace, 'src/catalog/core/product.ts')}`]]);
console.log(`
  Foundations demo is running (code-server ${port}, VS Code 1.100.3 in the browser).

  Open:  ${url}

  (plain: http://127.0.0.1:${port}/?folder=${workspace})
  Workspace: ${workspace}  (a throw-away copy of test-fixtures/shop: edit freely)
  Try: the squiggle on line 4 of src/catalog/core/product.ts, the Problems panel (Ctrl+Shift+M),
  the status bar item, and typing  import { placeOrder } from '@shop/orders';  into
  src/billing/core/invoice.ts. On a remote machine, forward the port: ssh -L ${port}:127.0.0.1:${port} <host>

  Ctrl+C to stop.
`);

let stopping = false;
async function stop(signal) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping code-server`);
  await server.stop();
  cleanup(root);
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
setInterval(() => undefined, 1 << 30);
