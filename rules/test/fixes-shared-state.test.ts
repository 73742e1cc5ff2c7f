import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { applyPlan, typeErrors } from './fix-helpers';
import { brief, copyFixture, scanned } from './helpers';
import { writeWorkspace } from './inline-workspace';

describe('engine: encapsulate shared state', () => {
  it('routes every foreign change of an exported array through functions of its module; it compiles and the findings are gone', async () => {
    const root = copyFixture('shared-state-corpus');
    const session = await scanned(root);
    const exportSite = session.findingsFor(`${root}/src/cart/cartItems.ts`).find((f) => f.ruleId === 'shared-mutable-state')!;
    const offer = session.fixesFor(exportSite).find((o) => o.fixId === 'encapsulate-state')!;
    assert.equal(offer.title, 'Encapsulate cartItems: route every change from other domains through functions of this module (2 places)');
    assert.equal(offer.isPreferred, true);
    const before = brief(session);
    applyPlan(session.computeFix(exportSite, 'encapsulate-state'));
    assert.deepEqual(typeErrors(root), []);
    const owner = fs.readFileSync(`${root}/src/cart/cartItems.ts`, 'utf8');
    assert.match(owner, /export function pushCartItems\(\.\.\.args: Parameters<typeof cartItems\.push>\): ReturnType<typeof cartItems\.push> \{\n {2}return cartItems\.push\(\.\.\.args\);\n\}/);
    const after = brief(await scanned(root));
    assert.ok(!after.some((f) => f.startsWith('shared-mutable-state src/cart/cartItems.ts')), 'the export is no longer changed from outside');
    assert.ok(after.length < before.length);
    assert.deepEqual(after.filter((f) => !before.includes(f)), [], 'no finding appeared');
  });

  it('drops the import of the state where the change was its last use, keeps it where it is still read, and exports the function beside the state', async () => {
    const root = copyFixture('shop');
    fs.writeFileSync(`${root}/src/catalog/core/settings.ts`, "export let activeCurrency = 'EUR';\nexport const featuredSkus: string[] = [];\n");
    fs.appendFileSync(`${root}/src/catalog/index.ts`, "export { activeCurrency, featuredSkus } from './core/settings';\n");
    fs.writeFileSync(`${root}/src/orders/core/promo.ts`, "import { featuredSkus } from '@shop/catalog';\n\nexport function promote(sku: string): void {\n  featuredSkus.push(sku);\n}\n");
    fs.writeFileSync(`${root}/src/billing/core/feature.ts`, "import { featuredSkus } from '@shop/catalog';\n\nexport function feature(sku: string): number {\n  featuredSkus.push(sku);\n  return featuredSkus.length;\n}\n");
    const session = await scanned(root);
    const exportSite = session.findingsFor(`${root}/src/catalog/core/settings.ts`).find((f) => f.ruleId === 'shared-mutable-state')!;
    applyPlan(session.computeFix(exportSite, 'encapsulate-state'));
    assert.deepEqual(typeErrors(root), []);
    assert.match(fs.readFileSync(`${root}/src/orders/core/promo.ts`, 'utf8'), /^import \{ pushFeaturedSkus \} from '@shop\/catalog';\n/);
    assert.match(fs.readFileSync(`${root}/src/billing/core/feature.ts`, 'utf8'), /^import \{ featuredSkus, pushFeaturedSkus \} from '@shop\/catalog';\n/);
    assert.match(fs.readFileSync(`${root}/src/catalog/index.ts`, 'utf8'), /\nexport \{ activeCurrency, featuredSkus, pushFeaturedSkus \} from '\.\/core\/settings';\n$/);
  });

  it('rewrites one change where it happens: increment, delete and property assignment', async () => {
    const root = copyFixture('shared-state-corpus');
    const session = await scanned(root);
    const sites = session.findings().filter((f) => f.ruleId === 'shared-mutable-state' && typeof f.data?.declaredIn === 'string');
    const operations = new Map(sites.map((f) => [String(f.data?.operation), f]));
    for (const operation of ['increments checkouts', 'deletes searchDebug']) {
      const site = operations.get(operation);
      assert.ok(site, `a site that ${operation}`);
      assert.ok(session.fixesFor(site).some((o) => o.fixId === 'encapsulate-change' && !o.disabledReason));
    }
    const increment = operations.get('increments checkouts')!;
    applyPlan(session.computeFix(increment, 'encapsulate-change'));
    assert.match(fs.readFileSync(increment.file, 'utf8'), /incrementMetricsCheckouts\(\);/);
    assert.deepEqual(typeErrors(root), []);
  });

  it('is disabled, with the reason, for a change it cannot rewrite', async () => {
    const session = await scanned(
      writeWorkspace({
        'foundations.json': JSON.stringify({ domains: { jobs: { path: 'src/jobs', publicApi: '*' }, billing: { path: 'src/billing', dependsOn: ['jobs'] } } }),
        'src/jobs/queue.ts': 'export const queue: string[] = [];\n',
        'src/billing/run.ts': "import { queue } from '../jobs/queue';\nexport function enqueue(job: string): number {\n  return queue.push(job);\n}\n",
      }),
    );
    const change = session.findings().find((f) => f.ruleId === 'shared-mutable-state' && f.file.endsWith('run.ts'))!;
    const offer = session.fixesFor(change).find((o) => o.fixId === 'encapsulate-change')!;
    assert.match(offer.disabledReason!, /only a change written directly on the imported state/);
  });
});

describe('engine: make shared state read-only', () => {
  it('stops exporting a let its owner changes through a setter, exports a reader, and rewrites every reader; it compiles and the finding is gone', async () => {
    const root = copyFixture('shared-state-corpus');
    const session = await scanned(root);
    const exportSite = session.findingsFor(`${root}/src/settings/locale.ts`).find((f) => f.ruleId === 'shared-mutable-state')!;
    const offer = session.fixesFor(exportSite).find((o) => o.fixId === 'make-state-read-only')!;
    assert.equal(offer.title, 'Make activeCurrency read-only outside its module: export getActiveCurrency() instead of the variable (2 other files rewritten)');
    assert.equal(offer.isPreferred, true);
    const before = brief(session);
    applyPlan(session.computeFix(exportSite, 'make-state-read-only'));
    assert.deepEqual(typeErrors(root), []);
    const owner = fs.readFileSync(`${root}/src/settings/locale.ts`, 'utf8');
    assert.match(owner, /^let activeCurrency: CurrencyCode = 'EUR';$/m);
    assert.match(owner, /\nexport function getActiveCurrency\(\): typeof activeCurrency \{\n {2}return activeCurrency;\n\}\n$/);
    assert.match(fs.readFileSync(`${root}/src/catalog/priceDisplay.ts`, 'utf8'), /^import \{ getActiveCurrency, currencySymbol \} from '\.\.\/settings\/locale';\n[^]*currencySymbol\(getActiveCurrency\(\)\)/);
    const after = brief(await scanned(root));
    assert.ok(!after.some((f) => f.startsWith('shared-mutable-state src/settings/locale.ts')));
    assert.deepEqual(after.filter((f) => !before.includes(f)), [], 'no finding appeared');
  });

  it('is not offered for state other domains change in place (only Encapsulate applies), and refuses a reader that declares the name again', async () => {
    const root = copyFixture('shared-state-corpus');
    const session = await scanned(root);
    const cartItems = session.findingsFor(`${root}/src/cart/cartItems.ts`).find((f) => f.ruleId === 'shared-mutable-state')!;
    assert.ok(!session.fixesFor(cartItems).some((o) => o.fixId === 'make-state-read-only'));
    fs.appendFileSync(`${root}/src/catalog/priceDisplay.ts`, 'export const label = (activeCurrency: string): string => activeCurrency;\n');
    const again = await scanned(root);
    const exportSite = again.findingsFor(`${root}/src/settings/locale.ts`).find((f) => f.ruleId === 'shared-mutable-state')!;
    assert.equal(again.fixesFor(exportSite).find((o) => o.fixId === 'make-state-read-only')?.disabledReason, 'src/catalog/priceDisplay.ts declares its own activeCurrency too');
  });

  it('follows the public API: its re-export names the reader instead', async () => {
    const root = copyFixture('shop');
    fs.writeFileSync(`${root}/src/catalog/core/settings.ts`, "export let activeCurrency = 'EUR';\n\nexport function setActiveCurrency(code: string): void {\n  activeCurrency = code;\n}\n");
    fs.appendFileSync(`${root}/src/catalog/index.ts`, "export { activeCurrency, setActiveCurrency } from './core/settings';\n");
    fs.writeFileSync(`${root}/src/orders/core/currency.ts`, "import { activeCurrency, setActiveCurrency } from '@shop/catalog';\n\nexport function toggle(): string {\n  setActiveCurrency(activeCurrency === 'EUR' ? 'USD' : 'EUR');\n  return activeCurrency;\n}\n");
    const session = await scanned(root);
    const exportSite = session.findingsFor(`${root}/src/catalog/core/settings.ts`).find((f) => f.ruleId === 'shared-mutable-state')!;
    applyPlan(session.computeFix(exportSite, 'make-state-read-only'));
    assert.deepEqual(typeErrors(root), []);
    assert.match(fs.readFileSync(`${root}/src/catalog/index.ts`, 'utf8'), /\nexport \{ getActiveCurrency, setActiveCurrency \} from '\.\/core\/settings';\n$/);
    assert.match(fs.readFileSync(`${root}/src/orders/core/currency.ts`, 'utf8'), /setActiveCurrency\(getActiveCurrency\(\) === 'EUR' \? 'USD' : 'EUR'\);\n {2}return getActiveCurrency\(\);/);
    assert.ok(!(await scanned(root)).findingsFor(`${root}/src/catalog/core/settings.ts`).some((f) => f.ruleId === 'shared-mutable-state'));
  });
});
