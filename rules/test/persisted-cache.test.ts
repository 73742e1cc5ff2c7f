import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type Host, createNodeHost } from '../host';
import { isSourceFile } from '../workspace/discover-files';
import { Session } from '../session';
import { brief, copyFixture } from './helpers';

/**
 * The Node host with every file's times reported ten seconds earlier: files a test has just
 * written would otherwise be too recent for their stamps to be trusted (see Session.persist).
 */
function settledHost(): Host {
  const base = createNodeHost({ trusted: false });
  return {
    ...base,
    stamp(file) {
      const stamp = base.stamp!(file);
      return stamp && [stamp[0], stamp[1] - 10_000, stamp[2] - 10_000, stamp[3]];
    },
  };
}

async function scanWithCache(root: string, cacheFile: string, host: Host = settledHost()): Promise<Session> {
  const session = Session.open(root, host, { cacheFile });
  await session.scan();
  return session;
}

/** A Node host that counts the source files it reads. */
function countingHost(): Host & { sourceReads: string[] } {
  const base = settledHost();
  const sourceReads: string[] = [];
  return {
    ...base,
    sourceReads,
    readFile(file) {
      if (isSourceFile(file)) sourceReads.push(file);
      return base.readFile(file);
    },
  };
}

/**
 * Everything clients see of a session's analysis: findings (whole, with the debt register applied),
 * skipped files, domain edges, files. The lists in a finding's data are compared as sets: their
 * order follows the order files were analysed in, which an edit changes.
 */
function observed(session: Session): unknown {
  return {
    findings: session.findings().map((f) => ({ ...f, data: f.data && unordered(f.data) })),
    skipped: session.skippedFiles(),
    domains: [...session.domainDependencies()].map(([domain, to]) => [domain, [...to].sort()]).sort(),
    files: session.files(),
  };
}

const cacheFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'foundations-cache-')), 'facts.bin');

describe('engine: persisted cache (warm start)', () => {
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

  it('a scan told to defer it writes the cache only when asked, with what an edit in between changed read again at the next start', async () => {
    const root = copyFixture('shop');
    const cache = cacheFile();
    const cold = Session.open(root, settledHost(), { cacheFile: cache });
    await cold.scan({ deferPersist: true });
    assert.ok(!fs.existsSync(cache), 'nothing written by the scan itself');
    const file = `${root}/src/catalog/core/product.ts`;
    cold.update([{ type: 'buffer', file, text: "import { placeOrder } from '@shop/orders';\nexport const unsaved = placeOrder;\n" }]);
    assert.equal(cold.persistDeferred(), true);
    assert.ok(fs.existsSync(cache));
    assert.equal(cold.persistDeferred(), false, 'once only: a second call has nothing left to write');

    const host = countingHost();
    const warm = await scanWithCache(root, cache, host);
    assert.deepEqual([...new Set(host.sourceReads)], [file], 'the file edited in a buffer before the write is read from disk again, and only it');
    assert.deepEqual(observed(warm), observed(await scanWithCache(root, cacheFile())));
  });

  it('a corrupt or foreign cache is ignored', async () => {
    const root = copyFixture('shop');
    const cache = cacheFile();
    const cold = brief(await scanWithCache(root, cache));
    fs.writeFileSync(cache, 'not a cache');
    assert.deepEqual(brief(await scanWithCache(root, cache)), cold);
    fs.writeFileSync(cache, fs.readFileSync(cache).subarray(0, 10));
    assert.deepEqual(brief(await scanWithCache(root, cache)), cold);
    // Cut in the facts, which are deserialised only when read: refused at once all the same.
    await scanWithCache(root, cache);
    fs.truncateSync(cache, fs.statSync(cache).size - 1);
    const host = countingHost();
    assert.deepEqual(brief(await scanWithCache(root, cache, host)), cold);
    assert.ok(host.sourceReads.length > 0, 'the workspace is analysed again');
  });

  for (const fixture of ['shop', 'shared-state-corpus', 'debt', 'logic-corpus', 'routes-express', 'syntax-error']) {
    it(`${fixture}: with nothing changed, the warm start reads no source file and equals a cold scan, before and after edits`, async () => {
      const root = copyFixture(fixture);
      const cache = cacheFile();
      const cold = await scanWithCache(root, cache);
      const host = countingHost();
      const warm = await scanWithCache(root, cache, host);
      assert.deepEqual(host.sourceReads, [], 'the outcome of the last check is restored, not recomputed');
      assert.deepEqual(observed(warm), observed(cold));
      // The restored session goes on like the cold one: every file edited (its last line removed), then closed.
      for (const file of cold.files()) {
        const text = fs.readFileSync(file, 'utf8');
        const edit = [{ type: 'buffer' as const, file, text: text.trimEnd().split('\n').slice(0, -1).join('\n') }];
        assert.deepEqual(warm.update(edit), cold.update(edit), file);
        assert.deepEqual(observed(warm), observed(cold), file);
        const close = [{ type: 'buffer-closed' as const, file }];
        assert.deepEqual(warm.update(close), cold.update(close), file);
      }
      assert.deepEqual(observed(warm), observed(cold));
    });
  }

  describe('what changed between two runs is seen: the warm start equals a cold scan', () => {
    const cases: { name: string; fixture: string; change: (root: string) => void }[] = [
      {
        name: 'a file edited (a new violation), only that file read',
        fixture: 'shop',
        change: (root) => fs.appendFileSync(`${root}/src/catalog/core/product.ts`, "import { placeOrder } from '@shop/orders';\n"),
      },
      {
        name: 'a file no other file reads (re-checked as an edit), only that file read',
        fixture: 'shop',
        change: (root) => fs.appendFileSync(`${root}/src/billing/core/discounts.ts`, "import { placeOrder } from '@shop/orders';\n"),
      },
      {
        name: 'a file whose facts others read (a shared state no longer mutated)',
        fixture: 'shared-state-corpus',
        change: (root) => {
          for (const file of sourceFiles(root)) {
            const text = fs.readFileSync(file, 'utf8');
            if (/\+\+|\+=/.test(text)) return fs.writeFileSync(file, text.replace(/\+\+|\+=\s*\d+/g, ''));
          }
          assert.fail('the corpus mutates some state');
        },
      },
      {
        name: 'the configuration',
        fixture: 'shop',
        change: (root) => {
          const config = fs.readFileSync(`${root}/foundations.json`, 'utf8');
          fs.writeFileSync(`${root}/foundations.json`, config.replace('"dependsOn": ["catalog", "shared"]', '"dependsOn": ["shared"]'));
        },
      },
      {
        name: 'the debt register',
        fixture: 'debt',
        change: (root) => fs.writeFileSync(`${root}/foundations-debt.json`, '{ "entries": [] }\n'),
      },
      {
        name: 'a tsconfig (an alias no longer mapped)',
        fixture: 'shop',
        change: (root) => {
          const tsconfig = fs.readFileSync(`${root}/tsconfig.json`, 'utf8');
          fs.writeFileSync(`${root}/tsconfig.json`, tsconfig.replace('"@shop/*"', '"@store/*"'));
        },
      },
      {
        name: 'a file added and one deleted',
        fixture: 'shop',
        change: (root) => {
          fs.writeFileSync(`${root}/src/billing/core/refund.ts`, "import { internalMargin } from '../../catalog/core/pricing';\nexport const r = internalMargin('x');\n");
          fs.rmSync(`${root}/src/billing/core/charge.ts`);
        },
      },
      {
        name: 'a file rewritten with the same size and its modification time put back',
        fixture: 'shop',
        change: (root) => {
          const file = `${root}/src/billing/core/invoice.ts`;
          const { atime, mtime } = fs.statSync(file);
          const text = fs.readFileSync(file, 'utf8');
          fs.writeFileSync(file, text.replace("'@shop/catalog'", "'@shop/orders' "));
          fs.utimesSync(file, atime, mtime);
        },
      },
    ];
    for (const { name, fixture, change } of cases) {
      it(name, async () => {
        const root = copyFixture(fixture);
        const cache = cacheFile();
        const before = observed(await scanWithCache(root, cache));
        change(root);
        const host = countingHost();
        const warm = observed(await scanWithCache(root, cache, host));
        const cold = observed(await scanWithCache(root, cacheFile()));
        assert.notDeepEqual(cold, before, 'the change changes the outcome');
        assert.deepEqual(warm, cold);
        if (name.includes('only that file read')) assert.equal(new Set(host.sourceReads).size, 1);
        assert.deepEqual(observed(await scanWithCache(root, cache)), cold, 'and the cache written after it restores the same');
      });
    }
  });

  it('an editor buffer open at the start shadows the disk, and the next start without it sees the disk again', async () => {
    const root = copyFixture('shop');
    const cache = cacheFile();
    const file = `${root}/src/catalog/core/product.ts`;
    const buffer = [{ type: 'buffer' as const, file, text: `${fs.readFileSync(file, 'utf8')}import { placeOrder } from '@shop/orders';\n` }];
    const open = async (cacheFile: string, changes: typeof buffer | []) => {
      const session = Session.open(root, settledHost(), { cacheFile });
      session.update(changes);
      await session.scan();
      return observed(session);
    };
    await open(cache, []);
    assert.deepEqual(await open(cache, buffer), await open(cacheFile(), buffer));
    assert.deepEqual(await open(cache, []), await open(cacheFile(), []));
  });

  it('foundations.json open in the editor at start-up: unchanged, the warm start still restores; edited, it equals a cold scan', async () => {
    const root = copyFixture('shop');
    const cache = cacheFile();
    const config = `${root}/foundations.json`;
    const start = async (cacheFile: string, text: string, host = settledHost()) => {
      const session = Session.open(root, host, { cacheFile });
      session.update([{ type: 'buffer', file: config, text }]);
      await session.scan();
      return observed(session);
    };
    const disk = fs.readFileSync(config, 'utf8');
    const cold = await start(cache, disk);
    const host = countingHost();
    assert.deepEqual(await start(cache, disk, host), cold);
    assert.deepEqual(host.sourceReads, [], 'the buffer, equal to the disk, changes nothing: the outcome is restored');
    const edited = disk.replace('"dependsOn": ["catalog", "shared"]', '"dependsOn": ["shared"]');
    assert.deepEqual(await start(cache, edited), await start(cacheFile(), edited));
  });

  it('a file written just before a scan is read again at the next start, even if its stamp has not moved', async () => {
    // A file system whose timestamps are too coarse to tell two writes apart: the stamp never changes.
    const root = copyFixture('shop');
    const cache = cacheFile();
    const file = `${root}/src/catalog/core/product.ts`;
    const base = createNodeHost({ trusted: false });
    const frozen = Date.now();
    const host: Host = { ...base, stamp: (f) => (f === file ? [0, frozen, frozen, 1] : base.stamp!(f)) };
    await scanWithCache(root, cache, host);
    fs.appendFileSync(file, "import { placeOrder } from '@shop/orders';\n");
    assert.deepEqual(observed(await scanWithCache(root, cache, host)), observed(await scanWithCache(root, cacheFile())));
  });
});

function unordered(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(unordered).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unordered(v)]));
  return value;
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => `${dir}/${f}`).filter((f) => isSourceFile(f) && !f.endsWith('.d.ts')).sort();
}
