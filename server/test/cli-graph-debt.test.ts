import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import Ajv from 'ajv';
import AjvDraft04 from 'ajv-draft-04';
import { REPO_ROOT, copyFixture } from '../../rules/test/helpers';

/** The CLI as users run it: the built bundle behind bin/foundations.js, in a child process. */
function foundations(args: string[], cwd = REPO_ROOT) {
  const result = spawnSync(process.execPath, [`${REPO_ROOT}/bin/foundations.js`, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const readJson = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as object;

describe('CLI: project checks, debt and the domain graph', () => {
  before(function () {
    if (!fs.existsSync(`${REPO_ROOT}/dist/server.js`)) throw new Error('run `npm run build` before the tests');
  });

  it('prints the project checks after the findings, with their evidence', () => {
    const r = foundations(['check', 'test-fixtures/project-neglected']);
    assert.equal(r.code, 0, 'console-in-core is a warning: below the default threshold');
    assert.match(r.stdout, /\nProject checks\n {2}✖ fail {2}CI pipeline runs the tests: A CI pipeline exists \(GitLab CI\) but none of it runs the tests\. {2}\.gitlab-ci\.yml\n/);
    assert.match(r.stdout, /✖ fail {2}Deploys can be rolled back: 2 of 2 migrations cannot be rolled back .* {2}migrations\/001_create_invoices\.js:5\n/);
    assert.match(foundations(['check', 'test-fixtures/project-healthy']).stdout, /✔ pass {2}A written Definition of Done: The Definition of Done is written down \(DEFINITION_OF_DONE\.md\)\. {2}DEFINITION_OF_DONE\.md/);
    assert.equal(foundations(['check', 'test-fixtures/project-neglected', '--fail-on', 'warning']).code, 1);
  });

  it('fills projectChecks and debt in the JSON report, valid against its schema', () => {
    const validate = new Ajv({ allErrors: true, allowUnionTypes: true }).compile(readJson(`${REPO_ROOT}/docs/schema/report.schema.json`));
    const healthy = JSON.parse(foundations(['check', 'test-fixtures/project-healthy', '--format', 'json']).stdout) as { projectChecks: { id: string; status: string; evidence: { file: string; line?: number }[] }[] };
    assert.ok(validate(healthy), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual(healthy.projectChecks.map((c) => `${c.id}:${c.status}`), ['ci-pipeline:pass', 'environment-separation:pass', 'logging:pass', 'rollback:pass', 'core-tests:pass', 'contract-tests:pass', 'definition-of-done:pass']);
    assert.deepEqual(healthy.projectChecks[0].evidence, [{ file: '.github/workflows/ci.yml', line: 10, note: 'GitHub Actions runs the tests (`npm run verify`, whose script runs them)' }]);

    const r = foundations(['check', 'test-fixtures/debt', '--format', 'json']);
    assert.equal(r.code, 1, 'the expired debt is an error again');
    const debt = JSON.parse(r.stdout) as { findings: { ruleId: string; severity: string; debt?: { status: string; reason: string } }[]; debt: { entries: number; accepted: number; expired: number; stale: { rule: string }[] } };
    assert.ok(validate(debt), JSON.stringify(validate.errors, null, 2));
    assert.deepEqual([debt.debt.entries, debt.debt.accepted, debt.debt.expired, debt.debt.stale.map((s) => s.rule)], [4, 2, 1, ['layer-violation']]);
    assert.deepEqual(debt.findings.find((f) => f.ruleId === 'public-api-bypass')!.debt, {
      status: 'accepted',
      reason: 'catalog exports no price API until Q3',
      owner: '@orders-team',
      expires: '2099-12-31',
      originalSeverity: 'error',
    });
  });

  it('reports failed project checks in SARIF as results on their evidence, and stays valid SARIF 2.1.0', () => {
    const r = foundations(['check', 'test-fixtures/project-neglected', '--format', 'sarif']);
    const sarif = JSON.parse(r.stdout) as {
      runs: { tool: { driver: { rules: { id: string }[] } }; results: { ruleId: string; level: string; message: { text: string }; locations?: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[]; properties: { projectChecks: { id: string; status: string }[] } }[];
    };
    const validate = new AjvDraft04({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }).compile(readJson(`${REPO_ROOT}/test/schemas/sarif-2.1.0.json`));
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const [run] = sarif.runs;
    assert.ok(run.tool.driver.rules.some((rule) => rule.id === 'project/rollback'));
    assert.ok(run.tool.driver.rules.some((rule) => rule.id === 'console-in-core'));
    const rollback = run.results.find((x) => x.ruleId === 'project/rollback')!;
    assert.equal(rollback.level, 'warning');
    assert.deepEqual([rollback.locations![0].physicalLocation.artifactLocation.uri, rollback.locations![0].physicalLocation.region.startLine], ['migrations/001_create_invoices.js', 5]);
    const core = run.results.find((x) => x.ruleId === 'project/core-tests')!;
    assert.equal(core.locations![0].physicalLocation.artifactLocation.uri, 'src/accounts/core/account.test.ts', 'a folder is no artifact: the first file of the evidence');
    assert.equal(run.properties.projectChecks.length, 7);

    // Accepted debt is a suppressed result, with the reason as its justification.
    type Suppressed = { ruleId: string; level: string; message: { text: string }; suppressions?: { kind: string; status: string; justification: string }[] };
    const debt = JSON.parse(foundations(['check', 'test-fixtures/debt', '--format', 'sarif']).stdout) as { runs: { results: Suppressed[] }[] };
    assert.ok(validate(debt), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const accepted = debt.runs[0].results.find((x) => x.ruleId === 'public-api-bypass')!;
    assert.equal(accepted.level, 'note');
    assert.deepEqual(accepted.suppressions, [{ kind: 'external', status: 'accepted', justification: 'catalog exports no price API until Q3' }]);
    assert.equal(debt.runs[0].results.find((x) => x.ruleId === 'cross-domain-import' && x.message.text.startsWith('Accepted debt expired'))?.level, 'error');
  });

  it('draws the domain graph as Mermaid (default) or DOT', () => {
    const mermaid = foundations(['graph', 'test-fixtures/shop']);
    assert.equal(mermaid.code, 0, mermaid.stderr);
    assert.match(mermaid.stdout, /^%% shop: domain dependencies/);
    assert.match(mermaid.stdout, /\n {2}catalog ==>\|undeclared\| orders\n/);
    const dot = foundations(['graph', 'test-fixtures/shop', '--format', 'dot']);
    assert.match(dot.stdout, /\n {2}"catalog" -> "orders" \[color="#d33333"/);
    const out = `${copyFixture('shop')}/graph.dot`;
    assert.equal(foundations(['graph', 'test-fixtures/shop', '--format', 'dot', '--output', out]).code, 0);
    assert.equal(fs.readFileSync(out, 'utf8'), dot.stdout);
    assert.equal(foundations(['graph', 'test-fixtures/shop', '--format', 'svg']).code, 2);
    assert.equal(foundations(['graph', 'test-fixtures/no-config']).code, 2, 'no foundations.json, no domains to draw');
    assert.equal(foundations(['graph', 'test-fixtures/broken-config']).code, 2);
  });

  it('prunes stale debt entries, keeping comments; --dry-run only lists them', () => {
    const root = copyFixture('debt');
    const register = `${root}/foundations-debt.json`;
    const before = fs.readFileSync(register, 'utf8');
    const dry = foundations(['debt', 'prune', root, '--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.equal(dry.stdout, 'stale   layer-violation src/orders/ui/OrderList.tsx (import ../data/orders-table) — legacy screen, rewritten in sprint 12\n');
    assert.equal(fs.readFileSync(register, 'utf8'), before);
    const pruned = foundations(['debt', 'prune', root]);
    assert.equal(pruned.code, 0);
    assert.match(pruned.stderr, /removed 1 stale entry from/);
    const after = fs.readFileSync(register, 'utf8');
    assert.ok(!after.includes('OrderList.tsx') && after.includes('// Accepted until the pricing API exists.') && after.includes('console-in-core'));
    assert.match(foundations(['debt', 'prune', root]).stderr, /nothing to prune/);
    assert.equal(foundations(['debt', 'list', root]).code, 2, 'unknown subcommand');
  });

  it('debt accept records today\'s errors and warnings as the baseline: CI then fails only on new ones', () => {
    const root = copyFixture('shop');
    const register = `${root}/foundations-debt.json`;
    const before = JSON.parse(foundations(['check', root, '--format', 'json']).stdout) as { findings: { ruleId: string; severity: string }[] };
    const open = before.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
    assert.ok(open.length >= 5, 'the shop has findings to accept');

    assert.equal(foundations(['debt', 'accept', root]).code, 2, '--reason is required');
    assert.equal(foundations(['debt', 'accept', root, '--reason', 'x', '--expires', '2026-02-30']).code, 2, 'a day that does not exist');
    const dry = foundations(['debt', 'accept', root, '--reason', 'baseline at adoption', '--dry-run']);
    assert.equal(dry.code, 0, dry.stderr);
    assert.equal(dry.stdout.trim().split('\n').length, open.length);
    assert.ok(!fs.existsSync(register), '--dry-run writes nothing');

    const onlyOne = foundations(['debt', 'accept', root, '--reason', 'stripe moves in Q3', '--rule', 'third-party-outside-adapter', '--owner', '@billing']);
    assert.equal(onlyOne.code, 0, onlyOne.stderr);
    assert.match(onlyOne.stdout, /^accepted third-party-outside-adapter src\/billing\/core\/charge\.ts:2 — /);
    const all = foundations(['debt', 'accept', root, '--reason', 'baseline at adoption', '--expires', '2099-12-31']);
    assert.equal(all.code, 0, all.stderr);
    assert.match(all.stderr, new RegExp(`accepted ${open.length - 1} findings as debt`), 'the one accepted before is not accepted twice');
    const entries = (JSON.parse(fs.readFileSync(register, 'utf8').replace(/^\/\/.*$/gm, '')) as { entries: { rule: string; reason: string; owner?: string; expires?: string }[] }).entries;
    assert.deepEqual(entries[0], { ...entries[0], rule: 'third-party-outside-adapter', reason: 'stripe moves in Q3', owner: '@billing' });
    assert.ok(entries.slice(1).every((e) => e.reason === 'baseline at adoption' && e.expires === '2099-12-31'));

    assert.equal(foundations(['check', root, '--fail-on', 'warning']).code, 0, 'the baseline passes');
    assert.match(foundations(['debt', 'accept', root, '--reason', 'again']).stderr, /no error or warning to accept/);
    fs.appendFileSync(`${root}/src/billing/core/discounts.ts`, "import { placeOrder } from '../../orders/core/order';\n");
    const after = foundations(['check', root, '--format', 'json']);
    assert.equal(after.code, 1, 'a new violation still fails');
    assert.deepEqual((JSON.parse(after.stdout) as { findings: { ruleId: string; severity: string }[] }).findings.filter((f) => f.severity === 'error').map((f) => f.ruleId).sort(), ['cross-domain-import', 'domain-cycle', 'public-api-bypass'], 'the new import, the internal it reaches and the cycle it closes');
  });

  it('prunes only the stale entry: one-line entries stay on one line, and the byte order mark stays', () => {
    const root = copyFixture('debt');
    const register = `${root}/foundations-debt.json`;
    const oneLine = (e: object) => JSON.stringify(e).replace(/,"/g, ', "');
    const entries = [
      { rule: 'console-in-core', file: 'src/orders/core/audit.ts', fingerprint: 'console.log in recordAudit', reason: 'audit goes to stdout' },
      { rule: 'layer-violation', file: 'src/orders/ui/OrderList.tsx', fingerprint: 'import ../data/orders-table', reason: 'legacy screen' },
    ];
    fs.writeFileSync(register, `\ufeff{\r\n  "entries": [\r\n    ${oneLine(entries[0])}, // stdout is the log\r\n    ${oneLine(entries[1])}\r\n  ]\r\n}\r\n`);
    const pruned = foundations(['debt', 'prune', root]);
    assert.equal(pruned.code, 0, pruned.stderr);
    assert.match(pruned.stdout, /^removed layer-violation src\/orders\/ui\/OrderList\.tsx/);
    assert.equal(fs.readFileSync(register, 'utf8'), `\ufeff{\r\n  "entries": [\r\n    ${oneLine(entries[0])} // stdout is the log\r\n  ]\r\n}\r\n`);
  });
});
