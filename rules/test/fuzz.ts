import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import type { DirectoryEntry, Host } from '../host';
import type { Finding, Range } from '../model';
import { lineStarts } from '../text/line-index';

/**
 * The fuzzing toolkit of issue 8 (point 3): generators of foundations.json files and source files,
 * mutations of real fixture files, an in-memory workspace, and the invariants every analysis must
 * keep. The engine fuzz (rules/test) and the language server fuzz (server/test) share it.
 *
 * CI runs a fixed number of cases with a fixed seed; FOUNDATIONS_FUZZ_RUNS=<n> runs n times as
 * many locally, FOUNDATIONS_FUZZ_SEED=<seed> another sequence (a failure prints its seed and path).
 */
export const FUZZ_SEED = Number(process.env.FOUNDATIONS_FUZZ_SEED ?? 20240808);
const SCALE = Math.max(1, Number(process.env.FOUNDATIONS_FUZZ_RUNS ?? 1) || 1);

/** The number of cases for a property: its CI count, times FOUNDATIONS_FUZZ_RUNS. */
export function fuzzRuns(ciRuns: number): number {
  return Math.round(ciRuns * SCALE);
}

/** fast-check's parameters for a property: the fixed seed and the number of runs. */
export function fuzzParameters<T>(ciRuns: number): fc.Parameters<T> {
  return { seed: FUZZ_SEED, numRuns: fuzzRuns(ciRuns) };
}

/** One line for the test log: what ran and how it ended. */
export function reportFuzz(what: string, cases: number, detail = ''): void {
  console.log(`      fuzz: ${what}: ${cases} cases, seed ${FUZZ_SEED}, all passed${detail ? `; ${detail}` : ''}`);
}

// ---------------------------------------------------------------------------------------------
// The in-memory workspace

/** A Host over a map of files (absolute path → text), like the Node host: a byte order mark is dropped. */
export class MemoryHost implements Host {
  readonly trusted = false;
  constructor(readonly files: Map<string, string>) {}

  readFile(file: string): string | undefined {
    const text = this.files.get(file);
    return text !== undefined && text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  fileExists(file: string): boolean {
    return this.files.has(file);
  }

  directoryExists(dir: string): boolean {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    for (const file of this.files.keys()) if (file.startsWith(prefix)) return true;
    return false;
  }

  readDirectory(dir: string): DirectoryEntry[] {
    const prefix = dir.endsWith('/') ? dir : `${dir}/`;
    const entries = new Map<string, DirectoryEntry['kind']>();
    for (const file of this.files.keys()) {
      if (!file.startsWith(prefix)) continue;
      const rest = file.slice(prefix.length);
      const slash = rest.indexOf('/');
      entries.set(slash < 0 ? rest : rest.slice(0, slash), slash < 0 ? 'file' : 'directory');
    }
    return [...entries].map(([name, kind]) => ({ name, kind }));
  }

  realpath(file: string): string {
    return file;
  }
}

// ---------------------------------------------------------------------------------------------
// Invariants

/** The text a range covers, lines split as LSP splits them. */
export function textAt(text: string, range: Range): string {
  const starts = lineStarts(text);
  return text.slice(starts[range.start.line] + range.start.character, starts[range.end.line] + range.end.character);
}

/** A position exists in the text (LSP lines, UTF-16 columns, never past the end of its line). */
export function assertPositionIn(text: string, p: { line: number; character: number }, what: string): void {
  const starts = lineStarts(text);
  assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < starts.length, `${what}: line ${p.line} of ${starts.length}`);
  const lineEnd = p.line + 1 < starts.length ? starts[p.line + 1] : text.length;
  const content = text.slice(starts[p.line], lineEnd).replace(/\r?\n$|\r$/, '');
  assert.ok(Number.isInteger(p.character) && p.character >= 0 && p.character <= content.length, `${what}: character ${p.character} of ${content.length} on line ${p.line}`);
}

export function assertRangeIn(text: string, range: Range, what: string): void {
  assertPositionIn(text, range.start, `${what} (start)`);
  assertPositionIn(text, range.end, `${what} (end)`);
  const before = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(before, `${what}: the range starts after it ends`);
}

/** Rules whose findings sit on an import's module specifier (the string literal, quotes included). */
const IMPORT_RULES = new Set(['cross-domain-import', 'public-api-bypass', 'layer-violation', 'database-access-outside-data-layer', 'third-party-outside-adapter']);

/**
 * Every finding points into its file's current text; import findings cover exactly a string
 * literal; no rule failed (a failure is contained in production, but here it is a bug).
 */
export function assertFindingsSound(findings: readonly Finding[], readFile: (file: string) => string | undefined, skipped: readonly { file: string; reason: string }[]): void {
  const failures = skipped.filter((s) => s.reason.startsWith('the rule '));
  assert.deepEqual(failures, [], 'no rule fails on any input');
  for (const f of findings) {
    const text = readFile(f.file);
    if (text === undefined) continue; // workspace-level findings may sit on a file that is gone
    const what = `${f.ruleId} in ${f.file} at ${JSON.stringify(f.range)}`;
    assertRangeIn(text, f.range, what);
    assert.ok(typeof f.message === 'string' && f.message.length > 0, `${what}: a message`);
    if (IMPORT_RULES.has(f.ruleId) && f.range.start.line === f.range.end.line && f.range.end.character > f.range.start.character) {
      const literal = textAt(text, f.range);
      assert.match(literal, /^(['"`])[^]*\1$/, `${what}: covers the module specifier, not "${literal}"`);
    }
  }
}

/** Findings in a form that compares well and reads well in a diff. */
export function findingKeys(findings: readonly Finding[], root: string): string[] {
  return findings.map((f) => `${f.ruleId} ${f.file.slice(root.length + 1)}:${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.severity} ${f.message}`);
}

// ---------------------------------------------------------------------------------------------
// A small modular monolith to fuzz, and its files

export const FUZZ_ROOT = '/fuzz/ws';

export const FUZZ_CONFIG = JSON.stringify(
  {
    domains: {
      a: { path: 'src/a', dependsOn: ['shared'] },
      b: { path: 'src/b', dependsOn: ['a', 'shared'], publicApi: ['index.ts', 'api/*.ts'] },
      shared: { path: 'src/shared', publicApi: '*' },
    },
    rules: { 'logic-in-ui': ['warning', { minScore: 2 }] },
    adapterOnlyPackages: ['stripe', '@aws-sdk/*'],
  },
  null,
  2,
);

/** The files a generated workspace may have (every layer, an unassigned folder, JavaScript, JSX). */
export const FUZZ_FILES = [
  'src/a/index.ts',
  'src/a/core/pricing.ts',
  'src/a/core/state.ts',
  'src/a/ui/Basket.tsx',
  'src/a/adapters/payments.ts',
  'src/a/data/orders-repo.ts',
  'src/b/index.ts',
  'src/b/api/routes.ts',
  'src/b/core/thing.ts',
  'src/b/handlers/webhook.js',
  'src/shared/index.ts',
  'src/loose/util.ts',
];

const SPECIFIERS = [
  '../index',
  '../../a',
  '../../a/core/pricing',
  '../../a/core/state',
  '../../b',
  '../../b/core/thing',
  '../../b/api/routes',
  '../../shared',
  '../../loose/util',
  '../core/pricing',
  './state',
  '../../../outside',
  '@ws/a',
  '@ws/b/core/thing',
  'pg',
  'stripe',
  '@aws-sdk/client-s3',
  'express',
  'react',
  'node:fs',
  '',
  '.',
  '..',
];

const specifier = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...SPECIFIERS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
const quote = (s: string) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\r/g, '\\r')}'`;

/** A line of source: mostly things the rules look at, some garbage, some unicode. */
export const sourceLine: fc.Arbitrary<string> = fc.oneof(
  { weight: 6, arbitrary: specifier.map((s) => `import { x } from ${quote(s)};`) },
  { weight: 2, arbitrary: specifier.map((s) => `import type { T } from ${quote(s)};`) },
  { weight: 2, arbitrary: specifier.map((s) => `export * from ${quote(s)};`) },
  { weight: 2, arbitrary: specifier.map((s) => `export { x as y } from ${quote(s)};`) },
  { weight: 2, arbitrary: specifier.map((s) => `const m = require(${quote(s)});`) },
  { weight: 1, arbitrary: specifier.map((s) => `const lazy = () => import(${quote(s)});`) },
  { weight: 1, arbitrary: specifier.map((s) => `type M = typeof import(${quote(s)});`) },
  { weight: 1, arbitrary: specifier.map((s) => `import m = require(${quote(s)});`) },
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'export let counter = 0;',
      'export const items: string[] = [];',
      'export const cache = new Map<string, number>();',
      'items.push("x");',
      'counter++;',
      'x.items.push(1); x.counter = 2; delete x.cache;',
      'export function price(order: { total: number; vip: boolean }) {',
      '  if (order.vip && order.total > 100) return order.total * 0.9;',
      '  return order.total > 50 ? order.total - 5 : order.total;',
      '}',
      'export const Basket = (p: { total: number }) => <div>{p.total > 100 ? p.total * 0.9 : p.total}</div>;',
      'export default function View() { return <span className={x ? "a" : "b"}>{items.length}</span>; }',
      'const app = express(); app.get("/orders", handler); app.use("/api/v1", router);',
      'router.post(`/v${version}/pay`, pay);',
      'export const router = express.Router();',
      'console.log("debug");',
      '// foundations-ignore cross-domain-import: migrating in PAY-1',
      'export class Store { private items = []; add(i: unknown) { this.items.push(i); } }',
      'export const store = new Store();',
      'store.add(1);',
      'if (status === "paid" && amount > 1000) { fee = amount * 0.03; }',
      'switch (state) { case "open": next = "closed"; break; default: next = state; }',
      'export = x;',
      '@Controller("orders") class C { @Get(":id") one() {} }',
    ),
  },
  {
    weight: 3,
    arbitrary: fc.constantFrom('{', '}', '(', ')', '[', ']', '`${', '"', "'", '/*', '*/', '<div>', '</', '=>', ';', 'import', 'export', 'from', '\\', '#!', '@'),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.constantFrom('\u2028', '\u2029', '\u0085', '\ufeff', '\u0000', '😀', '\ud800', 'é', '\t', '\u000b') },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }).map((n) => `export const deep = ${'('.repeat(n)}1${')'.repeat(n)};`) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 200 }).map((n) => `${'if (a) { '.repeat(n)}${'}'.repeat(n)}`) },
);

/** A source file: lines joined by one kind of line end, sometimes with a byte order mark. */
export const sourceFile: fc.Arbitrary<string> = fc
  .record({
    lines: fc.array(sourceLine, { maxLength: 14 }),
    eol: fc.constantFrom('\n', '\n', '\r\n', '\r'),
    bom: fc.boolean(),
  })
  .map(({ lines, eol, bom }) => `${bom ? '\ufeff' : ''}${lines.join(eol)}`);

/** A whole workspace: the config, a tsconfig with a path alias, and some of the files. */
export const workspaceFiles: fc.Arbitrary<Map<string, string>> = fc
  .uniqueArray(fc.constantFrom(...FUZZ_FILES), { minLength: 1, maxLength: FUZZ_FILES.length })
  .chain((names) => fc.tuple(...names.map((n) => sourceFile.map((text) => [n, text] as const))))
  .map((entries) => {
    const files = new Map<string, string>([
      [`${FUZZ_ROOT}/foundations.json`, FUZZ_CONFIG],
      [`${FUZZ_ROOT}/tsconfig.json`, JSON.stringify({ compilerOptions: { jsx: 'react-jsx', allowJs: true, baseUrl: '.', paths: { '@ws/*': ['src/*'] } } })],
    ]);
    for (const [name, text] of entries) files.set(`${FUZZ_ROOT}/${name}`, text);
    return files;
  });

// ---------------------------------------------------------------------------------------------
// Configurations

const domainName = fc.oneof(fc.constantFrom('a', 'b', 'shared', 'loose', 'ghost'), fc.string({ maxLength: 8 }));
const folder = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('src/a', 'src/b', 'src/shared', 'src/loose', 'src', '.', 'src/a/core', 'src/none') },
  { weight: 1, arbitrary: fc.constantFrom('../outside', '../../etc', '/etc', 'C:/x', '', 'src/../..', './src/a/') },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);
const glob = fc.oneof(
  { weight: 5, arbitrary: fc.constantFrom('index.ts', 'api/*.ts', 'ui/**', '**/*.tsx', 'core/**', '*', '**', '{a,b}/**', '!(x)/**') },
  { weight: 1, arbitrary: fc.constantFrom('[unclosed', '{a,b', '(x', '../**', '/abs/**', '', '\\', '***') },
  { weight: 1, arbitrary: fc.string({ maxLength: 10 }) },
);
const severity = fc.oneof({ weight: 5, arbitrary: fc.constantFrom('error', 'warning', 'info', 'off') }, { weight: 1, arbitrary: fc.constantFrom('warn', 'ERROR', '', 2) });
const ruleId = fc.constantFrom('cross-domain-import', 'public-api-bypass', 'domain-cycle', 'unassigned-file', 'layer-violation', 'logic-in-ui', 'logic-in-integration', 'shared-mutable-state', 'database-access-outside-data-layer', 'third-party-outside-adapter', 'unversioned-api-route', 'depcruise/x', 'no-such-rule');
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined, freq: 2 });

/** A foundations.json a person could mean: the workspace's domains, valid globs and severities, in any combination. */
const plausibleConfig: fc.Arbitrary<unknown> = fc.record(
  {
    domains: fc
      .subarray(['a', 'b', 'shared'], { minLength: 1 })
      .chain((names) =>
        fc.tuple(
          ...names.map((name) =>
            fc
              .record(
                {
                  publicApi: fc.oneof(fc.constant('*'), fc.subarray(['index.ts', 'api/*.ts', 'core/**'], { minLength: 1 })),
                  dependsOn: fc.subarray(names.filter((n) => n !== name)),
                },
                { requiredKeys: [] },
              )
              .map((d) => [name, { path: `src/${name}`, ...d }] as const),
          ),
        ),
      )
      .map((entries) => Object.fromEntries(entries)),
    layers: fc.dictionary(fc.constantFrom('ui', 'integration', 'data', 'core', 'jobs'), fc.subarray(['ui/**', '**/*.tsx', 'adapters/**', 'api/**', 'handlers/**', 'data/**', 'core/**', 'jobs/**'], { minLength: 1 }), { maxKeys: 4 }),
    layerDependencies: fc.dictionary(fc.constantFrom('ui', 'core'), fc.subarray(['ui', 'core']), { maxKeys: 2 }),
    rules: fc.dictionary(ruleIdValid(), fc.oneof(fc.constantFrom('error', 'warning', 'info', 'off'), fc.tuple(fc.constantFrom('error', 'warning'), fc.record({ minScore: fc.integer({ min: 1, max: 6 }) }))), { maxKeys: 4 }),
    adapterOnlyPackages: fc.subarray(['stripe', '@aws-sdk/*', 'express']),
    databasePackages: fc.subarray(['pg', 'mongoose']),
    exclude: fc.subarray(['src/loose/**', '**/*.js']),
  },
  { requiredKeys: ['domains'] },
);

function ruleIdValid(): fc.Arbitrary<string> {
  return fc.constantFrom('cross-domain-import', 'public-api-bypass', 'domain-cycle', 'unassigned-file', 'layer-violation', 'logic-in-ui', 'logic-in-integration', 'shared-mutable-state', 'database-access-outside-data-layer', 'third-party-outside-adapter', 'unversioned-api-route');
}

/** A foundations.json value: plausible ones, and ones of the right shape with wrong values, wrong types and unknown keys. */
export const configValue: fc.Arbitrary<unknown> = fc.oneof({ weight: 1, arbitrary: plausibleConfig }, { weight: 1, arbitrary: chaoticConfig() });

function chaoticConfig(): fc.Arbitrary<unknown> {
  return fc.record(
  {
    domains: fc.oneof(
      { weight: 8, arbitrary: fc.dictionary(domainName, fc.record({ path: optional(folder), publicApi: optional(fc.oneof(fc.constant('*'), fc.array(glob, { maxLength: 3 }))), dependsOn: optional(fc.array(domainName, { maxLength: 3 })), owners: optional(fc.array(fc.string({ maxLength: 6 }), { maxLength: 2 })) }, { requiredKeys: [] }), { maxKeys: 5 }) },
      { weight: 1, arbitrary: fc.anything({ maxDepth: 2 }) },
    ),
    layers: optional(fc.dictionary(fc.constantFrom('ui', 'integration', 'data', 'core', 'jobs'), fc.array(glob, { maxLength: 3 }), { maxKeys: 4 })),
    layerDependencies: optional(fc.dictionary(fc.constantFrom('ui', 'integration', 'data', 'core', 'jobs', 'nope'), fc.array(fc.constantFrom('ui', 'core', 'data', 'nope'), { maxLength: 3 }), { maxKeys: 3 })),
    rules: optional(fc.dictionary(ruleId, fc.oneof(severity, fc.tuple(severity, fc.record({ minScore: fc.integer({ min: -2, max: 9 }) }))), { maxKeys: 4 })),
    adapterOnlyPackages: optional(fc.array(glob, { maxLength: 3 })),
    databasePackages: optional(fc.array(glob, { maxLength: 3 })),
    sourceRoots: optional(fc.array(folder, { maxLength: 2 })),
    exclude: optional(fc.array(glob, { maxLength: 3 })),
    debt: optional(fc.constantFrom('foundations-debt.json', 'debt/register.json', '../debt.json', '/etc/passwd')),
    dependencyCruiser: optional(fc.constantFrom('.dependency-cruiser.json', 'missing.cjs', '../x.js')),
    projectChecks: optional(fc.dictionary(fc.constantFrom('ci-pipeline', 'rollback', 'nope'), fc.constantFrom('on', 'off', 'maybe'), { maxKeys: 2 })),
    unknownKey: optional(fc.anything({ maxDepth: 1 })),
  },
  { requiredKeys: [] },
);
}

/** foundations.json text: a generated value as JSON(C), sometimes mutated into something that is not JSON. */
export const configText: fc.Arbitrary<string> = fc
  .record({ value: configValue, indent: fc.constantFrom(0, 2), comment: fc.boolean(), crlf: fc.boolean(), bom: fc.boolean(), mutations: fc.oneof(fc.constant([]), fc.array(textMutation(), { maxLength: 2 })) })
  .map(({ value, indent, comment, crlf, bom, mutations }) => {
    let text = JSON.stringify(value, null, indent) ?? '';
    if (comment) text = `// generated\n${text.replace(/\{/, '{ /* c */')}`;
    for (const m of mutations) text = m(text);
    if (crlf) text = text.replace(/\n/g, '\r\n');
    return `${bom ? '\ufeff' : ''}${text}`;
  });

// ---------------------------------------------------------------------------------------------
// Mutations of real files

/** An edit of a text as a person in the middle of typing, or a bad tool, makes it. */
export function textMutation(): fc.Arbitrary<(text: string) => string> {
  const at = fc.double({ min: 0, max: 1, noNaN: true });
  return fc.oneof(
    fc.tuple(at, fc.string({ unit: 'binary', maxLength: 8 })).map(([p, s]) => (t: string) => insert(t, p, s)),
    fc.tuple(at, fc.constantFrom('{', '}', '(', '"', "'", '`', '/*', '<', ',', ';', '\n', '\r', '\u2028', '\0')).map(([p, s]) => (t: string) => insert(t, p, s)),
    fc.tuple(at, fc.integer({ min: 1, max: 40 })).map(([p, n]) => (t: string) => {
      const i = Math.floor(p * t.length);
      return t.slice(0, i) + t.slice(i + n);
    }),
    at.map((p) => (t: string) => t.slice(0, Math.floor(p * t.length))),
    fc.tuple(at, at).map(([p, q]) => (t: string) => {
      const lines = t.split('\n');
      const i = Math.floor(p * lines.length);
      const j = Math.floor(q * lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return lines.join('\n');
    }),
    at.map((p) => (t: string) => {
      const lines = t.split('\n');
      const i = Math.floor(p * lines.length);
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }),
    fc.constant((t: string) => t.replace(/\n/g, '\r\n')),
    fc.constant((t: string) => `\ufeff${t}`),
  );
}

function insert(text: string, position: number, piece: string): string {
  const i = Math.floor(position * text.length);
  return text.slice(0, i) + piece + text.slice(i);
}

/** The workspace-relative path of a file, for messages. */
export function relative(root: string, file: string): string {
  return path.posix.relative(root, file);
}
