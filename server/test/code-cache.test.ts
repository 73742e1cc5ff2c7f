import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';
import { REPO_ROOT, copyFixture } from '../../rules/test/helpers';
import { WRAPPER } from '../bundle-loader';
import { LspTestClient } from './lsp-test-client';

/** The code cache file in a folder, once the server has written it. */
async function cacheFileIn(dir: string, timeoutMs = 15000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const name = fs.existsSync(dir) ? fs.readdirSync(dir).find((n) => n.endsWith('.code-cache')) : undefined;
    if (name) return path.join(dir, name);
    if (Date.now() > deadline) throw new Error(`no code cache written in ${dir}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Starts the server as the extension does, waits for its first scan, and returns its findings' rule ids by file. */
async function findingsThrough(root: string, codeCache: string, stayMs = 0): Promise<Map<string, string[]>> {
  const client = await LspTestClient.start(root, { codeCache });
  try {
    await client.ready();
    await new Promise((r) => setTimeout(r, stayMs));
    return new Map([...client.diagnostics].map(([uri, d]) => [uri, d.diagnostics.map((x) => String(x.code)).sort()]));
  } finally {
    await client.stop();
  }
}

describe('server start with a code cache (dist/start-server.js, as the extension starts it)', function () {
  this.timeout(60000);
  let root: string;
  let storage: string;

  beforeEach(() => {
    root = copyFixture('shop');
    storage = fs.mkdtempSync(path.join(os.tmpdir(), 'foundations-code-cache-'));
  });

  afterEach(() => fs.rmSync(storage, { recursive: true, force: true }));

  it('writes the cache after the first scan, and a start that uses it reports the same findings', async () => {
    const dir = path.join(storage, 'code-cache');
    const first = await findingsThrough(root, dir, 1500);
    const file = await cacheFileIn(dir);
    const written = fs.statSync(file).mtimeMs;
    assert.ok(fs.statSync(file).size > 100_000, 'the cache holds the compiled bundle');
    assert.ok(first.get(`file://${root}/src/catalog/core/product.ts`)?.includes('cross-domain-import'));

    const second = await findingsThrough(root, dir, 1500);
    assert.deepEqual(second, first);
    assert.equal(fs.statSync(file).mtimeMs, written, 'an accepted cache is not written again');
  });

  it('starts from a corrupt cache as from none, and replaces it', async () => {
    const dir = path.join(storage, 'code-cache');
    const expected = await findingsThrough(root, dir, 1500);
    const file = await cacheFileIn(dir);
    fs.writeFileSync(file, 'not a code cache');
    const stale = path.join(dir, 'server-0000000000000000.code-cache');
    fs.writeFileSync(stale, 'the cache of an older bundle');

    assert.deepEqual(await findingsThrough(root, dir, 1500), expected);
    assert.ok(fs.statSync(file).size > 100_000, 'the corrupt cache was replaced');
    assert.ok(!fs.existsSync(stale), "another bundle's cache is removed");
  });

  it('runs without one when its folder cannot be created', async () => {
    const blocker = path.join(storage, 'a-file');
    fs.writeFileSync(blocker, '');
    const findings = await findingsThrough(root, path.join(blocker, 'code-cache'), 1500);
    assert.ok(findings.get(`file://${root}/src/catalog/core/product.ts`)?.includes('cross-domain-import'));
    assert.equal(fs.readFileSync(blocker, 'utf8'), '', 'nothing was written over the file in the way');
  });
});

describe('CLI start with the code cache the build primes (dist/start-cli.js)', function () {
  this.timeout(60000);

  it('the build leaves next to the bundle one cache, which V8 accepts for it', () => {
    const caches = fs.readdirSync(`${REPO_ROOT}/dist`).filter((n) => n.endsWith('.code-cache'));
    assert.equal(caches.length, 1, `one cache in dist/: ${caches.join(', ')}`);
    const source = fs.readFileSync(`${REPO_ROOT}/dist/server.js`, 'utf8');
    // In the wrapper the loader compiles the bundle in: in another one, V8 would refuse the cache.
    const script = new vm.Script(WRAPPER[0] + source + WRAPPER[1], { filename: `${REPO_ROOT}/dist/server.js`, cachedData: fs.readFileSync(`${REPO_ROOT}/dist/${caches[0]}`) });
    assert.equal(script.cachedDataRejected, false);
  });

  it('reports the same with the cache, a corrupt one or none, and never writes one itself', () => {
    const root = copyFixture('shop');
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'foundations-cli-dist-'));
    try {
      for (const name of ['server.js', 'start-cli.js']) fs.copyFileSync(`${REPO_ROOT}/dist/${name}`, path.join(dist, name));
      const node = (code: string) => execFileSync(process.execPath, ['-e', code], { cwd: dist, encoding: 'utf8' });
      const check = () => {
        const report = JSON.parse(node(`require('./start-cli.js').runCli(${JSON.stringify(['check', root, '--format', 'json', '--fail-on', 'never'])})`));
        delete report.timing;
        return report;
      };
      const without = check();
      assert.ok(without.findings.length > 0);
      assert.deepEqual(fs.readdirSync(dist).sort(), ['server.js', 'start-cli.js'], 'a run without a cache writes none');

      node(`require('./start-cli.js').primeCodeCache(${JSON.stringify(['check', root, '--output', os.devNull])})`);
      const cache = fs.readdirSync(dist).find((n) => n.endsWith('.code-cache'));
      assert.ok(cache, 'priming wrote a cache');
      assert.deepEqual(check(), without);

      fs.writeFileSync(path.join(dist, cache), 'not a code cache');
      assert.deepEqual(check(), without);
      assert.equal(fs.readFileSync(path.join(dist, cache), 'utf8'), 'not a code cache', 'the CLI leaves a refused cache as it is');
    } finally {
      fs.rmSync(dist, { recursive: true, force: true });
    }
  });
});
