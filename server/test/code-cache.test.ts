import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { copyFixture } from '../../rules/test/helpers';
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
