import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { explainFinding } from '../report/explain';
import type { Session } from '../session';
import { brief, copyFixture, scanned } from './helpers';
import { applyPlan, changedFiles, snapshotTree, typeErrors } from './fix-helpers';

/** Applies one fix the way an editor would, and returns what changed in findings and files. */
async function applyFix(root: string, session: Session, ruleId: string, file: string, fixId: string, args = {}) {
  const finding = session.findingsFor(`${root}/${file}`).find((f) => f.ruleId === ruleId)!;
  assert.ok(finding, `a ${ruleId} finding in ${file}`);
  const offer = session.fixesFor(finding).find((o) => o.fixId === fixId)!;
  assert.ok(offer && !offer.disabledReason, `${fixId} is offered: ${offer?.disabledReason ?? 'missing'}`);
  const before = snapshotTree(root);
  const findingsBefore = brief(session);
  applyPlan(session.computeFix(finding, fixId, args));
  const after = await scanned(root);
  return { offer, findingsBefore, findingsAfter: brief(after), changed: changedFiles(before, snapshotTree(root)) };
}

describe('engine: fixes — applied to a copy, compiled, re-checked', () => {
  it('import through the public API: imports as the hover says (the alias the project uses) and exports the missing name beside the others from its module', async () => {
    const root = copyFixture('shop');
    const session = await scanned(root);
    const finding = session.findingsFor(`${root}/src/billing/core/discounts.ts`).find((f) => f.ruleId === 'public-api-bypass')!;
    assert.match(explainFinding(session, finding).instead, /^Import from `@shop\/catalog`/);
    const r = await applyFix(root, session, 'public-api-bypass', 'src/billing/core/discounts.ts', 'import-through-public-api');
    assert.equal(r.offer.title, `Import from '@shop/catalog', the public API of "catalog" (and export internalMargin from it)`);
    assert.equal(r.offer.isPreferred, true);
    assert.deepEqual(typeErrors(root), []);
    assert.deepEqual(r.findingsAfter, r.findingsBefore.filter((f) => !f.startsWith('public-api-bypass')), 'the finding is gone and no other appeared');
    assert.deepEqual(r.changed, ['src/billing/core/discounts.ts', 'src/catalog/index.ts']);
    assert.match(fs.readFileSync(`${root}/src/billing/core/discounts.ts`, 'utf8'), /import \{ internalMargin \} from '@shop\/catalog';/);
    assert.match(fs.readFileSync(`${root}/src/catalog/index.ts`, 'utf8'), /\nexport \{ listPrice, internalMargin \} from '\.\/core\/pricing';\n$/);
  });

  it('import through the public API: joins an import the file already has from the public API', async () => {
    const root = copyFixture('shop');
    const file = `${root}/src/billing/core/discounts.ts`;
    const original = fs.readFileSync(file, 'utf8');
    fs.writeFileSync(file, `import { listPrice } from '../../catalog';\n${original}\nexport const priced = (sku: string) => listPrice(sku);\n`);
    const r = await applyFix(root, await scanned(root), 'public-api-bypass', 'src/billing/core/discounts.ts', 'import-through-public-api');
    assert.deepEqual(typeErrors(root), []);
    assert.deepEqual(r.findingsAfter, r.findingsBefore.filter((f) => !f.startsWith('public-api-bypass')));
    const text = fs.readFileSync(file, 'utf8');
    assert.match(text, /^import \{ listPrice, internalMargin \} from '\.\.\/\.\.\/catalog';\n\/\/ Reaches into/);
    assert.equal(text.match(/from '\.\.\/\.\.\/catalog/g)?.length, 1, 'one import from the module, not two');
  });

  it('import through the public API: keeps the alias style (tsconfig paths)', async () => {
    const root = copyFixture('paths-alias');
    const r = await applyFix(root, await scanned(root), 'public-api-bypass', 'src/sales/order.ts', 'import-through-public-api');
    assert.equal(r.offer.title, `Import from '~stock', the public API of "stock"`);
    assert.deepEqual(typeErrors(root), []);
    assert.deepEqual(r.changed, ['src/sales/order.ts'], 'available is already exported: only the import changes');
    assert.ok(!r.findingsAfter.includes('public-api-bypass src/sales/order.ts:2:37'));
    assert.equal(r.findingsAfter.length, r.findingsBefore.length - 1);
  });

  it('import through the public API: disabled, with the reason, where it cannot apply', async () => {
    const session = await scanned(copyFixture('js-require'));
    const finding = session.findings().find((f) => f.ruleId === 'public-api-bypass')!;
    const offer = session.fixesFor(finding).find((o) => o.fixId === 'import-through-public-api')!;
    assert.match(offer.disabledReason!, /require\(\) does not say which names it uses/);
  });

  it('declare the dependency: edits foundations.json, keeping its comments', async () => {
    const root = copyFixture('monorepo');
    const r = await applyFix(root, await scanned(root), 'cross-domain-import', 'packages/checkout/src/index.ts', 'declare-dependency');
    assert.equal(r.offer.title, 'Declare that "checkout" depends on "ui-kit" (foundations.json)');
    assert.deepEqual(r.changed, ['foundations.json']);
    const config = fs.readFileSync(`${root}/foundations.json`, 'utf8');
    assert.match(config, /^ {2}\/\/ npm workspaces: each domain is a package/m, 'comments survive');
    assert.match(config, /"dependsOn": \["payments", "ui-kit"\]/);
    assert.deepEqual(r.findingsAfter, r.findingsBefore.filter((f) => !f.startsWith('cross-domain-import')));
  });

  it('declare the dependency: disabled, with the cycle it would close', async () => {
    const session = await scanned(copyFixture('shop'));
    const finding = session.findings().find((f) => f.ruleId === 'cross-domain-import')!;
    const offer = session.fixesFor(finding).find((o) => o.fixId === 'declare-dependency')!;
    assert.equal(offer.disabledReason, 'declaring it would close the cycle catalog → orders → catalog; move the code to "catalog" or invert the dependency instead');
    assert.equal(offer.isPreferred, false);
  });

  it('suppress for this line: needs a reason, writes it, and the engine honours it', async () => {
    const root = copyFixture('shop');
    const session = await scanned(root);
    const finding = session.findings().find((f) => f.ruleId === 'third-party-outside-adapter')!;
    const offer = session.fixesFor(finding).find((o) => o.fixId === 'suppress-line')!;
    assert.equal(offer.input?.kind, 'reason');
    assert.throws(() => session.computeFix(finding, 'suppress-line', { reason: '  ' }), /needs a reason/);
    const r = await applyFix(root, session, 'third-party-outside-adapter', 'src/billing/core/charge.ts', 'suppress-line', { reason: 'migrating to the gateway adapter in PAY-12' });
    assert.deepEqual(r.changed, ['src/billing/core/charge.ts']);
    assert.match(fs.readFileSync(`${root}/src/billing/core/charge.ts`, 'utf8'), /^\/\/ foundations-ignore third-party-outside-adapter: migrating to the gateway adapter in PAY-12\nimport Stripe/m);
    assert.deepEqual(r.findingsAfter, r.findingsBefore.filter((f) => !f.startsWith('third-party-outside-adapter')));
    assert.deepEqual(typeErrors(root), []);
  });

  it('a suppression without a reason does not suppress', async () => {
    const root = copyFixture('shop');
    const file = `${root}/src/billing/core/charge.ts`;
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace("import Stripe from 'stripe';", "import Stripe from 'stripe'; // foundations-ignore third-party-outside-adapter"));
    assert.ok(brief(await scanned(root)).some((f) => f.startsWith('third-party-outside-adapter')));
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('// foundations-ignore third-party-outside-adapter', '// foundations-ignore third-party-outside-adapter: legacy, see PAY-12'));
    assert.ok(!brief(await scanned(root)).some((f) => f.startsWith('third-party-outside-adapter')));
  });

  it('never writes outside the workspace', async () => {
    const session = await scanned(copyFixture('shop'));
    const finding = session.findings().find((f) => f.ruleId === 'public-api-bypass')!;
    assert.throws(() => session.computeFix({ ...finding, file: '/etc/passwd' }, 'suppress-line', { reason: 'x' }), /outside the workspace|cannot be read/);
  });
});

describe('engine: accept as debt', () => {
  it('records the finding with its reason and expiry; the finding becomes information', async () => {
    const root = copyFixture('shop');
    const session = await scanned(root);
    const finding = session.findings().find((f) => f.ruleId === 'layer-violation')!;
    const offer = session.fixesFor(finding).find((o) => o.fixId === 'accept-as-debt')!;
    assert.equal(offer.input?.kind, 'reason-and-expiry');
    assert.throws(() => session.computeFix(finding, 'accept-as-debt', {}), /reason/);
    const plan = session.computeFix(finding, 'accept-as-debt', { reason: 'the invoice view is rewritten in Q3', expiry: '2999-01-01' });
    assert.deepEqual(plan.creates.map((c) => c.file), [`${root}/foundations-debt.json`]);
    applyPlan(plan);
    const after = await scanned(root);
    const accepted = after.findings().find((f) => f.ruleId === 'layer-violation')!;
    assert.equal(accepted.severity, 'info');
    assert.match(fs.readFileSync(`${root}/foundations-debt.json`, 'utf8'), /"reason": "the invoice view is rewritten in Q3"/);
  });
});
