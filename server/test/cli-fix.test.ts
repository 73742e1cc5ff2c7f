import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { REPO_ROOT, copyFixture } from '../../rules/test/helpers';
import { snapshotTree, changedFiles, typeErrors } from '../../rules/test/fix-helpers';

function foundations(args: string[]) {
  const r = spawnSync(process.execPath, [`${REPO_ROOT}/bin/foundations.js`, ...args], { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('CLI: foundations fix', () => {
  it('--dry-run prints the change and writes nothing', () => {
    const root = copyFixture('shop');
    const before = snapshotTree(root);
    const r = foundations(['fix', root, '--rule', 'public-api-bypass', '--dry-run']);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^fixed {3}src\/billing\/core\/discounts\.ts:2 {2}Import from '@shop\/catalog'/m);
    assert.match(r.stdout, /^\+export \{ listPrice, internalMargin \} from '\.\/core\/pricing';$/m);
    assert.match(r.stderr, /1 fixed, 0 left; would change 2 files/);
    assert.deepEqual(changedFiles(before, snapshotTree(root)), []);
  });

  it('applies the fixes, and the workspace compiles and checks clean for that rule', () => {
    const root = copyFixture('shop');
    const r = foundations(['fix', root, '--rule', 'public-api-bypass']);
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(typeErrors(root), []);
    const check = JSON.parse(foundations(['check', root, '--format', 'json']).stdout) as { findings: { ruleId: string }[] };
    assert.ok(!check.findings.some((f) => f.ruleId === 'public-api-bypass'));
    assert.equal(check.findings.length, 6);
  });

  it('writes a fixed file back in its own encoding: UTF-16 and UTF-8 with their byte order marks', () => {
    const root = copyFixture('shop');
    const importer = `${root}/src/billing/core/discounts.ts`;
    const api = `${root}/src/catalog/index.ts`;
    fs.writeFileSync(importer, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fs.readFileSync(importer, 'utf8'), 'utf16le')]));
    fs.writeFileSync(api, `\ufeff${fs.readFileSync(api, 'utf8')}`);
    const r = foundations(['fix', root, '--rule', 'public-api-bypass']);
    assert.equal(r.code, 0, r.stderr);
    const fixed = fs.readFileSync(importer);
    assert.deepEqual([...fixed.subarray(0, 2)], [0xff, 0xfe], 'still UTF-16 little-endian, mark first');
    assert.ok(!fixed.toString('utf16le', 2).includes('catalog/core/pricing') && fixed.toString('utf16le', 2).includes('internalMargin'), 'the import was fixed in UTF-16');
    assert.ok(fs.readFileSync(api, 'utf8').startsWith('\ufeffexport'), 'the UTF-8 mark stays');
    assert.deepEqual(typeErrors(root), []);
  });

  it('deletes a file a move empties, and --dry-run shows it going', () => {
    const root = copyFixture('shop');
    const handler = `${root}/src/billing/adapters/refund-handler.ts`;
    fs.writeFileSync(handler, 'export function handleRefund(amount: number, days: number): number {\n  if (days > 30) return 0;\n  return amount > 500 ? Math.round(amount * 0.95) : amount;\n}\n');
    const dry = foundations(['fix', root, '--rule', 'logic-in-integration', '--dry-run']);
    assert.match(dry.stdout, /^--- a\/src\/billing\/adapters\/refund-handler\.ts\n\+\+\+ \/dev\/null$/m);
    assert.ok(fs.existsSync(handler));
    const r = foundations(['fix', root, '--rule', 'logic-in-integration']);
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!fs.existsSync(handler));
    assert.match(fs.readFileSync(`${root}/src/billing/core/handle-refund.ts`, 'utf8'), /^export function handleRefund/);
    assert.deepEqual(typeErrors(root), []);
  });

  it('reports what it could not fix, with why, and exits 1', () => {
    const root = copyFixture('js-require');
    const r = foundations(['fix', root, '--rule', 'public-api-bypass']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /^skipped lib\/users\/register\.js:4 {2}a require\(\) does not say which names it uses/m);
    assert.equal(fs.readFileSync(`${root}/lib/users/register.js`, 'utf8'), fs.readFileSync(`${REPO_ROOT}/test-fixtures/js-require/lib/users/register.js`, 'utf8'));
  });

  it('rejects an unknown rule or a missing --rule', () => {
    assert.equal(foundations(['fix', copyFixture('shop')]).code, 2);
    assert.equal(foundations(['fix', copyFixture('shop'), '--rule', 'nope']).code, 2);
    const noConfig = foundations(['fix', copyFixture('no-config'), '--rule', 'public-api-bypass']);
    assert.equal(noConfig.code, 2, 'no foundations.json: nothing to fix is not a success');
    assert.match(noConfig.stderr, /foundations\.json does not exist, so there are no findings to fix; run `foundations init` first/);
  });
});
