import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import fc from 'fast-check';
import { loadConfig } from '../config/load-config';
import { type Change, Session } from '../session';
import {
  FUZZ_CONFIG,
  FUZZ_FILES,
  FUZZ_ROOT,
  MemoryHost,
  assertFindingsSound,
  assertRangeIn,
  configText,
  findingKeys,
  fuzzParameters,
  fuzzRuns,
  reportFuzz,
  sourceFile,
  textMutation,
  workspaceFiles,
} from './fuzz';
import { FIXTURES } from './helpers';

/**
 * Issue 8, point 3 (engine): generated configurations, generated source files and mutated fixture
 * workspaces through loadConfig, Session.scan and Session.update. Nothing may throw, every range
 * must point into its text, and an incrementally updated session must agree with a fresh one.
 */

async function scan(files: Map<string, string>, root = FUZZ_ROOT): Promise<Session> {
  const session = Session.open(root, new MemoryHost(files));
  await session.scan();
  return session;
}

function assertSound(session: Session): void {
  assertFindingsSound(session.findings(), (f) => session.host.readFile(f), session.skippedFiles());
  for (const d of session.configDiagnostics) {
    const text = session.configFile ? session.host.readFile(session.configFile) : undefined;
    if (text !== undefined) assertRangeIn(text, d.range, `config diagnostic "${d.message}"`);
  }
}

/** Every file of a fixture, read once, under its own root. */
function fixtureFiles(name: string): Map<string, string> {
  const root = `${FIXTURES}/${name}`;
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(abs);
      else if (e.isFile()) files.set(abs, fs.readFileSync(abs, 'utf8'));
    }
  };
  walk(root);
  return files;
}

describe('hardening: fuzzing the engine', function () {
  this.timeout(10 * 60_000);

  it('configurations: never throws; errors sit in the text; a usable one scans', async () => {
    let usable = 0;
    const workspace = new Map([...fc.sample(workspaceFiles, { seed: 1, numRuns: 1 })[0]].filter(([f]) => !f.endsWith('/foundations.json')));
    await fc.assert(
      fc.asyncProperty(configText, async (text) => {
        const host = new MemoryHost(new Map([...workspace, [`${FUZZ_ROOT}/foundations.json`, text]]));
        const loaded = loadConfig(host, FUZZ_ROOT, text);
        const shown = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
        for (const d of loaded.diagnostics) {
          assertRangeIn(shown, d.range, `"${d.message}"`);
          assert.ok(d.message.length > 0 && !d.message.includes('undefined'), d.message);
        }
        const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
        assert.equal(loaded.config === undefined, errors.length > 0, 'a configuration exactly when there is no error');
        if (!loaded.config) return;
        usable++;
        const session = Session.open(FUZZ_ROOT, host);
        await session.scan();
        assertSound(session);
      }),
      fuzzParameters(1000),
    );
    reportFuzz('foundations.json', fuzzRuns(1000), `${usable} of them usable and scanned`);
  });

  it('source files: every finding points into its file, import findings at the specifier, twice the same', async () => {
    let findings = 0;
    let skipped = 0;
    await fc.assert(
      fc.asyncProperty(workspaceFiles, async (files) => {
        const session = await scan(files);
        assertSound(session);
        findings += session.findings().length;
        skipped += session.skippedFiles().length;
        assert.deepEqual(findingKeys((await scan(files)).findings(), FUZZ_ROOT), findingKeys(session.findings(), FUZZ_ROOT), 'deterministic');
      }),
      fuzzParameters(300),
    );
    reportFuzz('generated workspaces', fuzzRuns(300), `${findings} findings checked, ${skipped} files skipped with a reason`);
  });

  it('edits: a session updated edit by edit agrees with a fresh scan of the result', async () => {
    type Op = { kind: 'buffer' | 'close' | 'write' | 'delete'; file: string; text: string } | { kind: 'config'; text: string };
    const configs = [FUZZ_CONFIG, FUZZ_CONFIG.replace('"dependsOn": [\n        "shared"\n      ]', '"dependsOn": []'), FUZZ_CONFIG.replace('"publicApi": "*"', '"publicApi": ["index.ts"]'), '{ "domains": { "a": { "path": "src/a" ', '{ "domains": {} }'];
    const op: fc.Arbitrary<Op> = fc.oneof(
      { weight: 6, arbitrary: fc.record({ kind: fc.constantFrom('buffer', 'close', 'write', 'delete') as fc.Arbitrary<'buffer' | 'close' | 'write' | 'delete'>, file: fc.constantFrom(...FUZZ_FILES), text: sourceFile }) },
      { weight: 1, arbitrary: fc.record({ kind: fc.constant('config' as const), text: fc.constantFrom(...configs) }) },
    );
    let edits = 0;
    await fc.assert(
      fc.asyncProperty(workspaceFiles, fc.array(op, { minLength: 1, maxLength: 8 }), async (initial, ops) => {
        const disk = new Map(initial);
        const buffers = new Map<string, string>();
        const session = Session.open(FUZZ_ROOT, new MemoryHost(disk));
        await session.scan();
        for (const o of ops) {
          const changes: Change[] = [];
          if (o.kind === 'config') {
            buffers.set(`${FUZZ_ROOT}/foundations.json`, o.text);
            changes.push({ type: 'buffer', file: `${FUZZ_ROOT}/foundations.json`, text: o.text });
          } else {
            const file = `${FUZZ_ROOT}/${o.file}`;
            if (o.kind === 'buffer') {
              // Editors open files that exist (a buffer of a file not yet saved is new only once written).
              if (!disk.has(file) && !buffers.has(file)) continue;
              buffers.set(file, o.text);
              changes.push({ type: 'buffer', file, text: o.text });
            } else if (o.kind === 'close') {
              if (!buffers.has(file)) continue;
              buffers.delete(file);
              changes.push({ type: 'buffer-closed', file });
            } else if (o.kind === 'write') {
              const existed = disk.has(file);
              disk.set(file, o.text);
              changes.push({ type: 'disk', file, event: existed ? 'changed' : 'created' });
            } else {
              if (!disk.has(file)) continue;
              disk.delete(file);
              changes.push({ type: 'disk', file, event: 'deleted' });
            }
          }
          session.update(changes);
          edits++;
          assertSound(session);
        }
        // The same state from scratch, as the server starts: the disk, the open buffers, then a scan.
        const fresh = Session.open(FUZZ_ROOT, new MemoryHost(disk));
        fresh.update([...buffers].map(([file, text]) => ({ type: 'buffer' as const, file, text })));
        await fresh.scan();
        // With a broken foundations.json the updated session rightly keeps its last good configuration,
        // which a fresh one never had: then only the configuration's diagnostics must agree.
        if (fresh.hasUsableConfig) assert.deepEqual(findingKeys(session.findings(), FUZZ_ROOT), findingKeys(fresh.findings(), FUZZ_ROOT), 'incremental = fresh');
        assert.deepEqual(session.skippedFiles(), fresh.skippedFiles());
        assert.deepEqual(session.configDiagnostics, fresh.configDiagnostics);
      }),
      fuzzParameters(200),
    );
    reportFuzz('edit sequences (incremental vs fresh)', fuzzRuns(200), `${edits} edits applied`);
  });

  it('fixture workspaces, typed into: edit by edit agrees with a fresh scan (cross-file facts included)', async () => {
    const names = ['shop', 'shared-state-corpus', 'routes-express', 'routes-nestjs', 'logic-corpus', 'paths-alias', 'monorepo'];
    const fixtures = new Map(names.map((n) => [n, fixtureFiles(n)]));
    const sources = new Map(names.map((n) => [n, [...fixtures.get(n)!.keys()].filter((f) => /\.(ts|tsx|js)$/.test(f)).sort()]));
    const keystroke = fc.record({ pick: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), change: fc.array(textMutation(), { minLength: 1, maxLength: 2 }) });
    let edits = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.array(keystroke, { minLength: 1, maxLength: 6 }), async (name, keystrokes) => {
        const root = `${FIXTURES}/${name}`;
        const disk = fixtures.get(name)!;
        const session = await scan(disk, root);
        const buffers = new Map<string, string>();
        for (const k of keystrokes) {
          const file = sources.get(name)![Math.floor(k.pick * sources.get(name)!.length)];
          const text = k.change.reduce((t, f) => f(t), buffers.get(file) ?? disk.get(file)!);
          buffers.set(file, text);
          session.update([{ type: 'buffer', file, text }]);
          edits++;
        }
        assertSound(session);
        const fresh = Session.open(root, new MemoryHost(disk));
        fresh.update([...buffers].map(([file, text]) => ({ type: 'buffer' as const, file, text })));
        await fresh.scan();
        assert.deepEqual(findingKeys(session.findings(), root), findingKeys(fresh.findings(), root), 'incremental = fresh');
      }),
      fuzzParameters(100),
    );
    reportFuzz(`edits typed into fixtures (incremental vs fresh, ${names.length} workspaces)`, fuzzRuns(100), `${edits} edits applied`);
  });

  it('fixture workspaces, mutated: scan and re-check without throwing, ranges in the text', async () => {
    const names = ['shop', 'clean', 'js-require', 'paths-alias', 'monorepo', 'syntax-error', 'routes-express', 'routes-nestjs', 'shared-state-corpus', 'debt', 'project-healthy'];
    const fixtures = new Map(names.map((n) => [n, fixtureFiles(n)]));
    const mutation = fc.record({ pick: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), change: fc.array(textMutation(), { minLength: 1, maxLength: 3 }) });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...names), fc.array(mutation, { minLength: 1, maxLength: 3 }), mutation, async (name, mutations, edit) => {
        const root = `${FIXTURES}/${name}`;
        const files = new Map(fixtures.get(name)!);
        const paths = [...files.keys()].sort();
        for (const m of mutations) {
          const file = paths[Math.floor(m.pick * paths.length)];
          files.set(file, m.change.reduce((t, f) => f(t), files.get(file)!));
        }
        const session = await scan(files, root);
        assertSound(session);
        // One more edit, as a buffer: the incremental path on a broken workspace.
        const file = paths[Math.floor(edit.pick * paths.length)];
        session.update([{ type: 'buffer', file, text: edit.change.reduce((t, f) => f(t), files.get(file)!) }]);
        assertSound(session);
      }),
      fuzzParameters(300),
    );
    reportFuzz(`mutated fixtures (${names.length} workspaces)`, fuzzRuns(300));
  });
});
