// Shared plumbing of the end-to-end scripts: paths, a throw-away workspace, code-server and
// chromium (playwright-core) from the cache that scripts/e2e/install-tools.sh fills.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = process.env.FOUNDATIONS_E2E_CACHE || path.join(os.homedir(), '.cache', 'foundations-e2e');
export const CODE_SERVER = path.join(CACHE, 'code-server', 'node_modules', '.bin', 'code-server');
export const ARTIFACTS = path.join(REPO, '.e2e', 'artifacts');
export const SHOP = path.join(REPO, 'test-fixtures', 'shop');
const CHROMIUM = process.env.FOUNDATIONS_E2E_CHROMIUM || '/usr/bin/chromium';

export function log(...args) {
  console.log(`[${new Date().toISOString().slice(11, 23)}]`, ...args);
}

export function requireTools() {
  const missing = [CODE_SERVER, CHROMIUM, path.join(CACHE, 'playwright', 'node_modules', 'playwright-core')].filter((p) => !fs.existsSync(p));
  if (missing.length) throw new Error(`missing ${missing.join(', ')}: run bash scripts/e2e/install-tools.sh`);
}

export function requireFiles(...relative) {
  const missing = relative.filter((r) => !fs.existsSync(path.join(REPO, r)));
  if (missing.length) throw new Error(`missing ${missing.join(', ')}: run npm run build (and npm run package for the .vsix)`);
}

/** A fresh temp folder, removed by `cleanup()` (kept when FOUNDATIONS_E2E_KEEP=1). */
export function tempRoot(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), `foundations-${prefix}-`));
}

export function cleanup(dir) {
  if (process.env.FOUNDATIONS_E2E_KEEP === '1') log(`kept ${dir}`);
  else fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
}

/**
 * Copies the example workspace (never touched in place) into `parent/<name>`. The fixture's
 * `$schema` is a path relative to the repository, which the copy lacks: it is dropped, so the
 * schema comes from the extension's `jsonValidation` mapping, as in a user's project.
 */
export function copyWorkspace(parent, source = SHOP, name = path.basename(source)) {
  const target = path.join(parent, name);
  fs.cpSync(source, target, { recursive: true });
  const config = path.join(target, 'foundations.json');
  if (fs.existsSync(config)) {
    const text = fs.readFileSync(config, 'utf8');
    fs.writeFileSync(config, text.replace(/^\s*"\$schema":\s*"\.\.\/[^"]*",?\s*\n/m, ''));
  }
  return target;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

export async function waitUntil(what, probe, timeoutMs = 30_000, intervalMs = 100) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (${lastError.message})` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** HOME, XDG and code-server folders of one isolated run, under `root`. */
export function isolatedProfile(root) {
  const p = {
    home: path.join(root, 'home'),
    userData: path.join(root, 'user-data'),
    extensions: path.join(root, 'extensions'),
    config: path.join(root, 'code-server.yaml'),
  };
  for (const d of [p.home, p.userData, p.extensions, path.join(p.userData, 'User')]) fs.mkdirSync(d, { recursive: true });
  fs.writeFileSync(p.config, 'auth: none\ncert: false\n');
  // Quiet, deterministic workbench: no welcome page, no trust prompt, no update or telemetry.
  fs.writeFileSync(
    path.join(p.userData, 'User', 'settings.json'),
    JSON.stringify(
      {
        'workbench.startupEditor': 'none',
        'workbench.tips.enabled': false,
        'workbench.enableExperiments': false,
        'security.workspace.trust.enabled': false,
        'telemetry.telemetryLevel': 'off',
        'update.mode': 'none',
        'extensions.autoCheckUpdates': false,
        'extensions.autoUpdate': false,
        'extensions.ignoreRecommendations': true,
        'typescript.disableAutomaticTypeAcquisition': true,
        'git.enabled': false,
        'chat.disableAIFeatures': true,
        'window.restoreWindows': 'none',
        'files.hotExit': 'off',
      },
      null,
      2,
    ),
  );
  return p;
}

export function profileEnv(profile, extra = {}) {
  const env = { ...process.env, ...extra };
  env.HOME = profile.home;
  env.XDG_CONFIG_HOME = path.join(profile.home, '.config');
  env.XDG_DATA_HOME = path.join(profile.home, '.local', 'share');
  env.XDG_CACHE_HOME = path.join(profile.home, '.cache');
  env.XDG_STATE_HOME = path.join(profile.home, '.local', 'state');
  // The extension host inherits this environment: keep the editor's own variables out of it.
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_') || k === 'ELECTRON_RUN_AS_NODE') delete env[k];
  return env;
}

/** `code-server --install-extension <vsix>` into the profile's extensions folder. */
export function installExtension(profile, vsix) {
  const r = spawnSync(
    CODE_SERVER,
    ['--user-data-dir', profile.userData, '--extensions-dir', profile.extensions, '--install-extension', vsix, '--force'],
    { env: profileEnv(profile), encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0) throw new Error(`code-server --install-extension failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout.trim();
}

/**
 * Starts code-server in its own process group on a free loopback port and waits for /healthz.
 * `stop()` kills the whole group (code-server forks extension hosts and language servers).
 */
export async function startCodeServer(profile, { env = {}, logFile, port } = {}) {
  port ??= await freePort();
  const out = fs.openSync(logFile ?? path.join(profile.home, 'code-server.log'), 'a');
  const child = spawn(
    CODE_SERVER,
    [
      '--config', profile.config,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--user-data-dir', profile.userData,
      '--extensions-dir', profile.extensions,
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
    ],
    { env: profileEnv(profile, env), detached: true, stdio: ['ignore', out, out] },
  );
  fs.closeSync(out);
  let exited = null;
  child.on('exit', (code, signal) => (exited = { code, signal }));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (exited) return;
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      return;
    }
    const deadline = Date.now() + 5_000;
    while (!exited && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  try {
    await waitUntil('code-server /healthz', async () => {
      if (exited) throw new Error(`code-server exited early (${JSON.stringify(exited)}); see ${logFile}`);
      const r = await fetch(`${url}/healthz`);
      return r.ok;
    }, 60_000, 200);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, port, pid: child.pid, stop };
}

/** vscode-remote URI of a path on this machine, as the code-server workbench names it. */
export function remoteUri(port, absPath) {
  return `vscode-remote://127.0.0.1:${port}${absPath.split(path.sep).map(encodeURIComponent).join('/')}`;
}

export function workbenchUrl(port, folder, payload = []) {
  const q = new URLSearchParams({ folder });
  if (payload.length) q.set('payload', JSON.stringify(payload));
  return `http://127.0.0.1:${port}/?${q}`;
}

/** playwright-core from the cache, driving Debian's chromium (never `playwright install`). */
export async function launchChromium(root) {
  const require = createRequire(path.join(CACHE, 'playwright', 'package.json'));
  const { chromium } = require('playwright-core');
  const context = await chromium.launchPersistentContext(path.join(root, 'chromium-profile'), {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1400, height: 900 },
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--disable-features=LocalNetworkAccessChecks',
    ],
  });
  return context;
}

/** Saves a screenshot (and optional text files) of a failed run under .e2e/artifacts/. */
export async function saveArtifacts(name, page, files = {}) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const saved = [];
  if (page) {
    const shot = path.join(ARTIFACTS, `${name}-${stamp}.png`);
    try {
      await page.screenshot({ path: shot, timeout: 10_000 });
      saved.push(shot);
    } catch (err) {
      log(`screenshot failed: ${err.message}`);
    }
  }
  for (const [suffix, source] of Object.entries(files)) {
    if (!source || !fs.existsSync(source)) continue;
    const target = path.join(ARTIFACTS, `${name}-${stamp}-${suffix}`);
    fs.cpSync(source, target, { recursive: true });
    saved.push(target);
  }
  if (saved.length) log(`artifacts: ${saved.map((s) => path.relative(REPO, s)).join(', ')}`);
}

/**
 * Starts `node dist/server.js --stdio`, sends `initialize`, returns the server's capabilities and
 * stops it. Lets the scripts switch on the parts of the tests whose feature the server now has.
 */
export async function serverCapabilities(root) {
  const child = spawn(process.execPath, [path.join(REPO, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
  try {
    let buf = Buffer.alloc(0);
    const result = new Promise((resolve, reject) => {
      child.on('exit', (code) => reject(new Error(`server exited (${code}) before answering initialize`)));
      child.stdout.on('data', (chunk) => {
        buf = Buffer.concat([buf, chunk]);
        for (;;) {
          const header = buf.indexOf('\r\n\r\n');
          if (header < 0) return;
          const len = Number(/Content-Length: (\d+)/i.exec(buf.subarray(0, header).toString())?.[1]);
          if (buf.length < header + 4 + len) return;
          const msg = JSON.parse(buf.subarray(header + 4, header + 4 + len).toString());
          buf = buf.subarray(header + 4 + len);
          if (msg.id === 1) resolve(msg.result?.capabilities ?? {});
        }
      });
    });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: process.pid, rootUri: null, capabilities: {}, workspaceFolders: root ? [{ uri: `file://${root}`, name: 'ws' }] : null } });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    return await Promise.race([result, new Promise((_, reject) => setTimeout(() => reject(new Error('initialize timed out')), 15_000))]);
  } finally {
    child.kill('SIGKILL');
  }
}
