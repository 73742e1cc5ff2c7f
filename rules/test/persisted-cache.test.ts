import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createNodeHost } from '../host';
import { Session } from '../session';
import { brief, copyFixture } from './helpers';

async function scanWithCache(root: string, cacheFile: string): Promise<Session> {
  const session = Session.open(root, createNodeHost({ trusted: false }), { cacheFile });
  await session.scan();
  return session;
}

describe('engine: persisted cache (warm start)', () => {
  const cacheFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'foundations-cache-')), 'facts.bin');

  it('a restarted session gives the same findings from the cache, and sees what changed meanwhile', async () => {
    const root = copyFixture('shop');
    const cache = cacheFile();
    const cold = brief(await scanWithCache(root, cache));
    assert.ok(fs.statSync(cache).size > 0, 'the cache is written after the scan');
    const written = fs.statSync(cache).mtimeMs;
    assert.deepEqual(brief(await scanWithCache(root, cache)), cold);
    assert.equal(fs.statSync(cache).mtimeMs, written, 'an unchanged workspace does not rewrite its cache');

    // Changed while no server ran: a new violation and a fixed one.
    fs.writeFileSync(`${root}/src/billing/core/invoice.ts`, `import { placeOrder } from '@shop/orders';\n${fs.readFileSync(`${root}/src/billing/core/invoice.ts`, 'utf8')}`);
    fs.rmSync(`${root}/src/billing/core/charge.ts`);
    const warm = brief(await scanWithCache(root, cache));
    assert.ok(warm.includes('cross-domain-import src/billing/core/invoice.ts:1:28'));
    assert.ok(!warm.some((f) => f.includes('charge.ts')));
  });

  it('a corrupt or foreign cache is ignored', async () => {
    const root = copyFixture('shop');
    const cache = cacheFile();
    const cold = brief(await scanWithCache(root, cache));
    fs.writeFileSync(cache, 'not a cache');
    assert.deepEqual(brief(await scanWithCache(root, cache)), cold);
    fs.writeFileSync(cache, fs.readFileSync(cache).subarray(0, 10));
    assert.deepEqual(brief(await scanWithCache(root, cache)), cold);
  });
});
