import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import { FIXTURES, REPO_ROOT, copyFixture, writeWorkspace } from '../../rules/test/helpers';

/** The CLI as users run it: the built bundle behind bin/foundations.js, in a child process. */
function foundations(args: string[], cwd = REPO_ROOT) {
  const result = spawnSync(process.execPath, [`${REPO_ROOT}/bin/foundations.js`, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as object;

describe('CLI: foundations check / init', () => {
  before(function () {
    if (!fs.existsSync(`${REPO_ROOT}/dist/server.js`)) throw new Error('run `npm run build` before the tests');
  });

  it('prints findings as text and exits 1 when errors are found', () => {
    const r = foundations(['check', 'test-fixtures/shop']);
    assert.equal(r.code, 1, r.stderr);
    assert.match(r.stdout, /src\/catalog\/core\/product\.ts\n {2}4:31 +error +Domain "catalog" imports domain "orders"/);
    assert.match(r.stdout, /✖ 7 problems \(5 errors, 2 warnings, 0 info\) — 16 files checked/);
  });

  it('exits 0 on a clean workspace, and honours --fail-on', () => {
    assert.equal(foundations(['check', 'test-fixtures/clean']).code, 0);
    assert.equal(foundations(['check', 'test-fixtures/shop', '--fail-on', 'never']).code, 0);
    const warningsOnly = copyFixture('shop');
    fs.writeFileSync(`${warningsOnly}/foundations.json`, fs.readFileSync(`${warningsOnly}/foundations.json`, 'utf8').replace('"layer-violation": "error"', '"cross-domain-import": "off", "public-api-bypass": "off", "domain-cycle": "off", "layer-violation": "off", "database-access-outside-data-layer": "warning"'));
    assert.equal(foundations(['check', warningsOnly]).code, 0);
    assert.equal(foundations(['check', warningsOnly, '--fail-on', 'warning']).code, 1);
  });

  it('writes JSON that matches its documented schema', () => {
    const r = foundations(['check', 'test-fixtures/shop', '--format', 'json']);
    assert.equal(r.code, 1);
    const report = JSON.parse(r.stdout) as { findings: { ruleId: string; file: string; range: { start: { line: number } } }[]; summary: { errors: number } };
    const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(readJson(`${REPO_ROOT}/docs/schema/report.schema.json`));
    assert.ok(validate(report), JSON.stringify(validate.errors, null, 2));
    assert.equal(report.findings.length, 7);
    assert.deepEqual(report.findings.find((f) => f.ruleId === 'cross-domain-import'), {
      ruleId: 'cross-domain-import',
      severity: 'error',
      file: 'src/catalog/core/product.ts',
      range: { start: { line: 3, character: 30 }, end: { line: 3, character: 44 } },
      message: 'Domain "catalog" imports domain "orders", which "catalog" does not declare in dependsOn.',
      domains: { from: 'catalog', to: 'orders' },
    });
  });

  it('writes SARIF 2.1.0 that validates against the OASIS schema', () => {
    const r = foundations(['check', 'test-fixtures/shop', '--format', 'sarif']);
    assert.equal(r.code, 1);
    const sarif = JSON.parse(r.stdout) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[];
    };
    const ajv = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false });
    const validate = ajv.compile(readJson(`${REPO_ROOT}/test/schemas/sarif-2.1.0.json`));
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    assert.equal(sarif.version, '2.1.0');
    assert.equal(sarif.runs.length, 1);
    const ruleIds = sarif.runs[0].tool.driver.rules.map((rule) => rule.id);
    for (const id of ['cross-domain-import', 'public-api-bypass', 'domain-cycle', 'unassigned-file', 'layer-violation', 'database-access-outside-data-layer', 'third-party-outside-adapter']) {
      assert.ok(ruleIds.includes(id), `rule ${id} is described`);
    }
    const result = sarif.runs[0].results.find((x) => x.ruleId === 'cross-domain-import')!;
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0].physicalLocation.artifactLocation.uri, 'src/catalog/core/product.ts');
    assert.deepEqual([result.locations[0].physicalLocation.region.startLine, result.locations[0].physicalLocation.region.startColumn], [4, 31]);
    assert.equal(sarif.runs[0].results.find((x) => x.ruleId === 'third-party-outside-adapter')?.level, 'warning');
  });

  it('writes SARIF locations that resolve to the file even when its name has a #, a ? or a space', () => {
    const root = copyFixture('shop');
    fs.mkdirSync(`${root}/src/billing/core/we ird#dir`);
    fs.writeFileSync(`${root}/src/billing/core/we ird#dir/a?b.ts`, "import { internalMargin } from '../../../catalog/core/pricing';\nexport const m = internalMargin;\n");
    const sarif = JSON.parse(foundations(['check', root, '--format', 'sarif']).stdout) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const uris = sarif.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
    const odd = uris.find((u) => u.includes('ird'));
    assert.equal(odd, 'src/billing/core/we%20ird%23dir/a%3Fb.ts');
    assert.equal(decodeURIComponent(new URL(odd!, 'file:///r/').pathname), '/r/src/billing/core/we ird#dir/a?b.ts');
  });

  it('refuses a --cache file that is not a cache, and leaves it as it is', () => {
    const root = copyFixture('shop');
    const source = `${root}/src/billing/index.ts`;
    const before = fs.readFileSync(source, 'utf8');
    const r = foundations(['check', root, '--cache', source]);
    assert.equal(r.code, 2);
    assert.match(r.stderr, /--cache .*src\/billing\/index\.ts names a file that is not a Foundations cache/);
    assert.equal(fs.readFileSync(source, 'utf8'), before);
    const cache = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'foundations-cache-')), 'facts.bin');
    assert.equal(foundations(['check', root, '--cache', cache]).code, 1);
    assert.equal(foundations(['check', root, '--cache', cache]).code, 1, 'a cache it wrote is a cache');
  });

  it("reports the workspace's own dependency-cruiser rules, unless told not to run workspace code", () => {
    const trusted = foundations(['check', 'test-fixtures/depcruise', '--format', 'json']);
    const findings = (JSON.parse(trusted.stdout) as { findings: { ruleId: string; file: string; severity: string; message: string }[] }).findings;
    assert.deepEqual(
      findings.filter((f) => f.ruleId.startsWith('depcruise/')).map((f) => `${f.ruleId} ${f.file} ${f.severity}`),
      ['depcruise/util-is-a-leaf src/util/format.ts warning', 'depcruise/no-orphans src/web/unused.ts info'],
    );
    assert.match(findings.find((f) => f.ruleId === 'depcruise/util-is-a-leaf')!.message, /util is the bottom of the stack/);
    const untrusted = foundations(['check', 'test-fixtures/depcruise', '--untrusted', '--format', 'json']);
    const report = JSON.parse(untrusted.stdout) as { findings: { ruleId: string }[]; notices: string[] };
    assert.ok(!report.findings.some((f) => f.ruleId.startsWith('depcruise/')));
    assert.match(report.notices[0], /not trusted.*\.dependency-cruiser\.cjs/);
  });

  it('exports the boundary rules as a dependency-cruiser configuration', () => {
    const r = foundations(['export', 'test-fixtures/shop', '--format', 'dependency-cruiser']);
    assert.equal(r.code, 0, r.stderr);
    const config = JSON.parse(r.stdout) as { forbidden: { name: string; from: { path: string }; to: { path: string; pathNot?: string } }[]; options: { tsConfig?: { fileName: string } } };
    const rule = config.forbidden.find((f) => f.name === 'cross-domain-import/catalog')!;
    assert.deepEqual(rule.from, { path: '^src/catalog/' });
    assert.deepEqual(rule.to, { path: '(^src/billing/|^src/orders/)' });
    assert.deepEqual(config.options.tsConfig, { fileName: 'tsconfig.json' });
    assert.equal(foundations(['export', 'test-fixtures/shop']).code, 2, '--format is required');
  });

  it('exits 2 with one line per configuration error on stderr', () => {
    const r = foundations(['check', 'test-fixtures/broken-config']);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^test-fixtures\/broken-config\/foundations\.json:5:29: error: Unknown key "dependOn" in domain "b"\. Did you mean "dependsOn"\?$/m);
    assert.match(r.stderr, /8 errors in test-fixtures\/broken-config\/foundations\.json/);
    const invalid = foundations(['check', 'test-fixtures/invalid-json']);
    assert.equal(invalid.code, 2);
    assert.match(invalid.stderr, /foundations\.json:6:1: error: foundations\.json is not valid JSON/);
  });

  it('exits 2 on a foundations.json it cannot read, and on a report it cannot write, with one line and no stack', () => {
    const folder = copyFixture('shop');
    fs.rmSync(`${folder}/foundations.json`);
    fs.mkdirSync(`${folder}/foundations.json`);
    const unreadable = foundations(['check', folder]);
    assert.equal(unreadable.code, 2, 'a config that is there but unreadable is no missing one: checking with no domains would pass anything');
    assert.match(unreadable.stderr, /foundations\.json:1:1: error: foundations\.json cannot be read: it is a folder, not a file\./);
    const link = `${folder}-link`;
    fs.symlinkSync(folder, link);
    assert.equal(foundations(['check', link]).code, 2, 'the same through a path that is a symbolic link');
    const unwritable = foundations(['check', 'test-fixtures/shop', '--output', `${folder}/no/such/folder/report.json`]);
    assert.equal(unwritable.code, 2);
    assert.equal(unwritable.stderr, `foundations: cannot open ${folder}/no/such/folder/report.json: ENOENT; nothing was written there.\n`);
  });

  it('stops quietly when the reader of its output goes away, and still exits with what the check found', () => {
    const result = spawnSync('bash', ['-c', `set -o pipefail; "${process.execPath}" "${REPO_ROOT}/bin/foundations.js" check test-fixtures/shop | true`], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(result.status, 1);
    assert.equal(result.stderr, '');
  });

  it('parses a large workspace on worker threads from the bundle, and finds what one thread finds', function () {
    this.timeout(120_000);
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'foundations-cli-parallel-'));
    spawnSync(process.execPath, [`${REPO_ROOT}/bench/generate-monolith.mjs`, root, '--files', '1100', '--seed', '5'], { stdio: 'ignore' });
    const run = (concurrency: string) => {
      const result = foundations(['check', root, '--format', 'json', '--concurrency', concurrency]);
      assert.equal(result.code, 1, result.stderr);
      return JSON.parse(result.stdout) as { findings: unknown[]; timing: { parsedFiles: number; parsedByWorkers: number } };
    };
    const alone = run('off');
    const shared = run('2');
    assert.equal(alone.timing.parsedByWorkers, 0);
    assert.ok(shared.timing.parsedByWorkers > 0, 'dist/parse-worker.js was found and used');
    assert.equal(shared.timing.parsedFiles, alone.timing.parsedFiles);
    assert.deepEqual(shared.findings, alone.findings);
    assert.equal(foundations(['check', root, '--concurrency', 'many']).code, 2);
  });

  it('exits 2 on usage errors', () => {
    assert.equal(foundations(['check', '--format', 'xml', 'test-fixtures/shop']).code, 2);
    assert.equal(foundations(['check', 'no/such/dir']).code, 2);
    assert.equal(foundations(['frobnicate']).code, 2);
    assert.equal(foundations(['check', '--no-such-flag']).code, 2);
    const noConfig = foundations(['check', copyFixture('no-config')]);
    assert.equal(noConfig.code, 2, 'a workspace without foundations.json does not pass: in CI it is a wrong directory');
    assert.match(noConfig.stderr, /foundations\.json does not exist, so no domains are declared and nothing would be checked; run `foundations init` first/);
    assert.equal(noConfig.stdout, '');
    const inside = foundations(['check', 'test-fixtures/shop/src']);
    assert.equal(inside.code, 2);
    assert.match(inside.stderr, /test-fixtures\/shop\/src\/foundations\.json does not exist, so no domains are declared and nothing would be checked; test-fixtures\/shop has one: run the command on that folder\./);
    const help = foundations(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Usage: foundations <command>/);
    const commandHelp = foundations(['check', '--help']);
    assert.equal(commandHelp.code, 0, commandHelp.stderr);
    assert.match(commandHelp.stdout, /--fail-on error\|warning\|never/);
    assert.equal(commandHelp.stderr, '');
  });

  it('init finds modules at the root and excludes the tooling beside them', () => {
    const root = writeWorkspace({
      'billing/index.ts': "export { invoice } from './invoice';\n",
      'billing/invoice.ts': 'export const invoice = (cents: number) => ({ cents });\n',
      'catalog/index.ts': "import { invoice } from '../billing';\nexport const quote = () => invoice(100);\n",
      'catalog/__tests__/quote.test.ts': "import { quote } from '..';\nquote();\n",
      'scripts/release.ts': "import { quote } from '../catalog';\nquote();\n",
      'vite.config.ts': 'export default {};\n',
      'dist/bundle.js': 'module.exports = {};\n',
      '.gitignore': 'dist/\n',
    });
    const r = foundations(['init', root]);
    assert.equal(r.code, 0, r.stderr);
    const config = readJson(path.join(root, 'foundations.json')) as { domains: object; exclude?: string[] };
    assert.deepEqual(config.domains, { billing: { path: 'billing' }, catalog: { path: 'catalog', dependsOn: ['billing'] } });
    assert.deepEqual(config.exclude, ['scripts/**', 'vite.config.ts'], 'dist/ is ignored by git already');
    const check = foundations(['check', root, '--fail-on', 'warning']);
    assert.equal(check.code, 0, check.stdout);
  });

  it('init makes the folders beside src/modules domains too, and excludes and names the entry files beside the modules', () => {
    const root = writeWorkspace({
      'src/modules/orders/index.ts': "import { log } from '../../lib/log';\nexport const order = log;\n",
      'src/modules/catalog/index.ts': 'export const product = 1;\n',
      'src/modules/lib/index.ts': 'export const moduleLib = 1;\n',
      'src/lib/log.ts': "import { pool } from 'pg';\nexport const log = pool;\n",
      'src/main.ts': "import { order } from './modules/orders';\nexport const app = order;\n",
      'src/index.ts': "export * from './main';\n",
      'src/__tests__/app.test.ts': "import { app } from '../main';\napp;\n",
    });
    const r = foundations(['init', root]);
    assert.equal(r.code, 0, r.stderr);
    const config = readJson(path.join(root, 'foundations.json')) as { domains: Record<string, { path: string; dependsOn?: string[] }>; exclude: string[] };
    assert.deepEqual(
      Object.entries(config.domains).map(([name, d]) => `${name}=${d.path}`).sort(),
      ['catalog=src/modules/catalog', 'lib=src/modules/lib', 'orders=src/modules/orders', 'src-lib=src/lib'],
      'src/lib is checked (it imports the database client), under a name of its own',
    );
    assert.deepEqual(config.domains.orders.dependsOn, ['src-lib']);
    assert.deepEqual(config.exclude, ['src/__tests__/**', 'src/index.ts', 'src/main.ts']);
    assert.match(r.stderr, /The files beside the modules \(src\/index\.ts, src\/main\.ts\) belong to no domain and are excluded for now/);
    const check = JSON.parse(foundations(['check', root, '--format', 'json']).stdout) as { findings: { ruleId: string; file: string }[] };
    assert.deepEqual(check.findings.map((f) => `${f.ruleId} ${f.file}`), ['database-access-outside-data-layer src/lib/log.ts'], 'no unassigned files; the shared code is checked');
  });

  it('init gives each workspace package its entry as public API', () => {
    const root = copyFixture('monorepo');
    fs.rmSync(path.join(root, 'foundations.json'));
    const r = foundations(['init', root]);
    assert.equal(r.code, 0, r.stderr);
    const config = readJson(path.join(root, 'foundations.json')) as { domains: Record<string, { publicApi?: unknown }> };
    // payments and ui-kit are reached by their package names; nobody imports checkout, whose entry is src/index.ts.
    assert.deepEqual(Object.values(config.domains).map((d) => d.publicApi), [['src/index.ts'], ['src/index.ts'], ['src/index.ts']]);
    const check = foundations(['check', root, '--format', 'json']);
    const findings = (JSON.parse(check.stdout) as { findings: { ruleId: string; message: string }[] }).findings;
    assert.deepEqual(
      findings.filter((f) => f.ruleId === 'public-api-bypass').map((f) => f.message.split('"')[1]),
      ['packages/payments/src/internal/pay.ts'],
      'only the deep import is a bypass, not `@acme/payments` itself',
    );
  });

  it('init infers domains and their actual dependencies, and never overwrites', () => {
    const root = copyFixture('no-config');
    const r = foundations(['init', root]);
    assert.equal(r.code, 0, r.stderr);
    const config = readJson(path.join(root, 'foundations.json')) as { domains: Record<string, { path: string; dependsOn?: string[] }> };
    assert.deepEqual(config.domains, {
      common: { path: 'src/common', publicApi: '*' },
      inventory: { path: 'src/inventory' },
      shipping: { path: 'src/shipping', dependsOn: ['common', 'inventory'] },
    });
    assert.match(r.stderr, /1 domain has no index file \(common\), so everything in it is public for now/);
    assert.equal(foundations(['check', root]).code, 0, 'the baseline starts clean: common has no index file to go through');
    assert.equal(foundations(['init', root]).code, 2, 'an existing foundations.json is never overwritten without --force');
    assert.ok(fs.existsSync(`${FIXTURES}/no-config`) && !fs.existsSync(`${FIXTURES}/no-config/foundations.json`));
  });

  it('init keeps packages with the same short name apart, and a package inside another in that one (domains cannot overlap)', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'foundations-init-'));
    const pkg = (dir: string, name: string, source: string) => {
      fs.mkdirSync(`${root}/${dir}/src`, { recursive: true });
      fs.writeFileSync(`${root}/${dir}/package.json`, JSON.stringify({ name }));
      fs.writeFileSync(`${root}/${dir}/src/index.ts`, source);
    };
    fs.writeFileSync(`${root}/package.json`, JSON.stringify({ private: true, workspaces: ['packages/*', 'packages/shell/packages/*'] }));
    pkg('packages/web-ui', '@web/ui', "import { theme } from '@mobile/ui';\nexport const button = theme;\n");
    pkg('packages/mobile-ui', '@mobile/ui', 'export const theme = 1;\n');
    pkg('packages/shell', '@web/shell', "import { plugin } from '@web/plugin';\nexport const shell = plugin;\n");
    pkg('packages/shell/packages/plugin', '@web/plugin', 'export const plugin = 1;\n');
    const r = foundations(['init', root]);
    assert.equal(r.code, 0, r.stderr);
    const config = readJson(path.join(root, 'foundations.json')) as { domains: Record<string, { path: string; dependsOn?: string[] }> };
    assert.deepEqual(Object.keys(config.domains).sort(), ['mobile-ui', 'shell', 'web-ui']);
    assert.deepEqual(config.domains['web-ui'].dependsOn, ['mobile-ui']);
    assert.match(r.stderr, /The package @web\/plugin inside another package is part of that package's domain/);
    assert.equal(foundations(['check', root]).code, 0, 'the config init wrote is valid and starts clean');
  });

  it('init names the JSON schema only where the package is installed (a $schema that does not load hides the one the editor maps)', () => {
    const root = copyFixture('no-config');
    assert.equal(foundations(['init', root, '--stdout']).stdout.includes('$schema'), false);
    fs.mkdirSync(`${root}/node_modules/foundations/schema`, { recursive: true });
    fs.copyFileSync(`${REPO_ROOT}/schema/foundations.schema.json`, `${root}/node_modules/foundations/schema/foundations.schema.json`);
    const config = JSON.parse(foundations(['init', root, '--stdout']).stdout) as { $schema?: string };
    assert.equal(config.$schema, './node_modules/foundations/schema/foundations.schema.json');
  });
});
