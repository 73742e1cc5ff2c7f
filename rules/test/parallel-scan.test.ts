import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type ParallelOptions, Session, createNodeHost } from '../index';
import { type CpuSample, defaultParseWorkers, startParseWorkers } from '../scan/parse-pool';
import { FIXTURES, REPO_ROOT } from './helpers';

/** Everything a scan produces that a user sees, in a comparable form. */
async function scanResult(root: string, parallel: ParallelOptions) {
  const session = Session.open(root, createNodeHost({ trusted: false }), { parallel });
  await session.scan();
  return { findings: session.findings(), skipped: session.skippedFiles(), files: session.files() };
}

describe('engine: the scan on parse workers', () => {
  const fixtures = ['shop', 'logic-corpus', 'shared-state-corpus', 'routes-express', 'routes-nestjs', 'monorepo', 'paths-alias', 'js-require', 'syntax-error', 'debt'];

  it('finds exactly what the main thread alone finds, on every fixture', async () => {
    for (const name of fixtures) {
      const alone = await scanResult(`${FIXTURES}/${name}`, { workers: 0 });
      const shared = await scanResult(`${FIXTURES}/${name}`, { workers: 2, minFiles: 0 });
      assert.deepEqual(shared, alone, name);
    }
  });

  it('finds exactly what the main thread alone finds on a generated 600-file monolith', async function () {
    this.timeout(120_000);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'foundations-parallel-'));
    execFileSync(process.execPath, [`${REPO_ROOT}/bench/generate-monolith.mjs`, root, '--files', '600', '--seed', '3'], { stdio: 'ignore' });
    const alone = await scanResult(root, { workers: 0 });
    const shared = await scanResult(root, { workers: 1, minFiles: 0 });
    assert.ok(alone.findings.length > 20, 'the corpus has planted violations');
    assert.deepEqual(shared, alone);
  });

  it('answers each request a worker holds at once with the files of that request', async () => {
    // The scan keeps two chunks in flight per worker, so it never waits idle for the next one.
    const [worker] = startParseWorkers(1);
    try {
      const job = (file: string, text: string) => ({ file, text, collectors: [] });
      const specifiers = (results: { extract: { imports: { specifier: string }[] } }[]) => results.map((r) => r.extract.imports.map((i) => i.specifier));
      const [first, second] = await Promise.all([
        worker.parse([job('/w/a.ts', "import { x } from './x';")]),
        worker.parse([job('/w/b.ts', "import y from './y';\nexport * from './z';"), job('/w/c.ts', 'export const c = 1;')]),
      ]);
      assert.deepEqual(specifiers(first), [['./x']]);
      assert.deepEqual(specifiers(second), [['./y', './z'], []]);
    } finally {
      worker.close();
    }
  });

  it('parses on the main thread what a failing or missing worker could not, and finds the same', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'foundations-bad-worker-'));
    const crashing = path.join(dir, 'crash.js');
    fs.writeFileSync(crashing, "require('node:worker_threads').parentPort.on('message', () => process.exit(3));\n");
    const throwing = path.join(dir, 'throw.js');
    fs.writeFileSync(throwing, "throw new Error('a worker that does not load');\n");
    const root = `${FIXTURES}/logic-corpus`;
    const alone = await scanResult(root, { workers: 0 });
    for (const script of [crashing, throwing, path.join(dir, 'missing.js')]) {
      assert.deepEqual(await scanResult(root, { workers: 2, minFiles: 0, script }), alone, path.basename(script));
    }
  });

  it('stops when cancelled and leaves no worker behind', async () => {
    const session = Session.open(`${FIXTURES}/logic-corpus`, createNodeHost({ trusted: false }), { parallel: { workers: 2, minFiles: 0 } });
    await session.scan({ token: { isCancellationRequested: true } });
    assert.equal(session.findings().length, 0, 'a cancelled scan reports nothing');
    // Worker threads are counted as active handles while they run.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const workers = (process as unknown as { getActiveResourcesInfo(): string[] }).getActiveResourcesInfo().filter((r) => r === 'Worker' || r === 'MessagePort');
    assert.deepEqual(workers, []);
  });
});

describe('engine: how many parse workers `auto` starts', () => {
  /** A sample after `ms` of wall time from zero: each core's busy milliseconds, and this process's. */
  const after = (ms: number, busyPerCore: number[], ownMs: number): CpuSample => ({
    cores: busyPerCore.map((busy) => ({ user: busy, nice: 0, sys: 0, idle: ms - busy, irq: 0 })),
    own: { user: ownMs * 1000, system: 0 },
  });
  const start = (cores: number): CpuSample => after(0, new Array<number>(cores).fill(0), 0);

  it('one per core that other processes leave idle, whatever the threads of this process keep busy', () => {
    // The main thread on one core, V8's compiler on the other: both this process's.
    assert.equal(defaultParseWorkers(start(2), after(100, [100, 100], 200), 3), 1);
    assert.equal(defaultParseWorkers(start(2), after(100, [100, 0], 100), 3), 1);
    assert.equal(defaultParseWorkers(start(4), after(100, [100, 40, 0, 0], 140), 3), 3);
  });

  it('none on a core another process keeps busy', () => {
    assert.equal(defaultParseWorkers(start(2), after(100, [100, 100], 100), 0), 0);
    assert.equal(defaultParseWorkers(start(4), after(100, [100, 100, 100, 0], 100), 0), 1);
  });

  it('trusts the load average only when the sample is too short to say', () => {
    assert.equal(defaultParseWorkers(start(2), after(20, [20, 20], 20), 0.2), 1);
    assert.equal(defaultParseWorkers(start(2), after(20, [20, 0], 20), 1.6), 0);
  });
});
