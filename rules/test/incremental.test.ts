import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { brief, copyFixture, scanned } from './helpers';
import { writeWorkspace } from './inline-workspace';

describe('engine: incremental updates', () => {
  it('an unsaved edit that adds a forbidden import adds a finding; removing it removes the finding', async () => {
    const root = copyFixture('shop');
    const session = await scanned(root);
    const file = `${root}/src/billing/core/invoice.ts`;
    const original = fs.readFileSync(file, 'utf8');
    const edited = `import { placeOrder } from '@shop/orders';\n${original}`;

    const added = session.update([{ type: 'buffer', file, text: edited }]);
    assert.ok(added.files.includes(file));
    assert.deepEqual(brief(session, session.findingsFor(file)), [
      'cross-domain-import src/billing/core/invoice.ts:1:28',
      'domain-cycle src/billing/core/invoice.ts:1:28',
    ]);
    assert.equal(fs.readFileSync(file, 'utf8'), original, 'buffers never touch the disk');

    const removed = session.update([{ type: 'buffer', file, text: original }]);
    assert.ok(removed.files.includes(file));
    assert.deepEqual(session.findingsFor(file), []);
  });

  it('re-runs the cycle check only where an edit can change it, and then moves or hands over its finding', async () => {
    const root = copyFixture('shop');
    const session = await scanned(root);
    const product = `${root}/src/catalog/core/product.ts`;
    const pricing = `${root}/src/catalog/core/pricing.ts`;
    const cycleAt = () => brief(session, session.findings().filter((f) => f.ruleId === 'domain-cycle'));
    assert.deepEqual(cycleAt(), ['domain-cycle src/catalog/core/product.ts:4:31']);

    // The file the cycle is reported in moves its import: the finding moves with it.
    const productText = fs.readFileSync(product, 'utf8');
    session.update([{ type: 'buffer', file: product, text: `\n\n${productText}` }]);
    assert.deepEqual(cycleAt(), ['domain-cycle src/catalog/core/product.ts:6:31']);

    // Another file of the domain starts importing orders: it sorts first, so the edge is now reported there.
    const pricingText = fs.readFileSync(pricing, 'utf8');
    session.update([{ type: 'buffer', file: pricing, text: `import { lastOrderedAt } from '@shop/orders';\n${pricingText}` }]);
    assert.deepEqual(cycleAt(), ['domain-cycle src/catalog/core/pricing.ts:1:31']);
    // Moving product.ts's import now changes no cycle finding (the check is skipped), as a fresh scan agrees.
    session.update([{ type: 'buffer', file: product, text: `\n${productText}` }]);
    assert.deepEqual(cycleAt(), ['domain-cycle src/catalog/core/pricing.ts:1:31']);
    for (const file of [product, pricing]) fs.writeFileSync(file, session.host.readFile(file)!);
    const fresh = await scanned(root);
    assert.deepEqual(brief(fresh, fresh.findings()), brief(session, session.findings()));

    // And hands it back when it stops.
    session.update([{ type: 'buffer', file: pricing, text: pricingText }]);
    assert.deepEqual(cycleAt(), ['domain-cycle src/catalog/core/product.ts:5:31']);
  });

  it('moves findings with their lines, and reports no change when nothing moved', async () => {
    const root = copyFixture('shop');
    const session = await scanned(root);
    const file = `${root}/src/billing/core/discounts.ts`;
    const text = fs.readFileSync(file, 'utf8');
    const moved = session.update([{ type: 'buffer', file, text: `\n\n${text}` }]);
    assert.deepEqual(moved.files, [file]);
    assert.equal(session.findingsFor(file)[0].range.start.line, 3);
    const same = session.update([{ type: 'buffer', file, text: `\n\n${text}` }]);
    assert.deepEqual(same.files, []);
    const bodyOnly = session.update([{ type: 'buffer', file, text: `\n\n${text}\n// a comment at the end` }]);
    assert.deepEqual(bodyOnly.files, [], 'an edit that moves no import changes no finding');
  });

  it('a cycle broken in one file clears the finding in another', async () => {
    const root = copyFixture('shop');
    const session = await scanned(root);
    const product = `${root}/src/catalog/core/product.ts`;
    const order = `${root}/src/orders/core/order.ts`;
    // orders reaches catalog directly and through billing; without both, only the undeclared import is left.
    const text = 'const lastOrders = new Map<string, Date>();\nexport function placeOrder(sku: string) { lastOrders.set(sku, new Date()); }\nexport function lastOrderedAt(sku: string) { return lastOrders.get(sku); }\n';
    const result = session.update([{ type: 'buffer', file: order, text }]);
    assert.ok(result.files.includes(product));
    assert.deepEqual(brief(session, session.findingsFor(product)), ['cross-domain-import src/catalog/core/product.ts:4:31']);
  });

  it('re-checks importers when a file appears, and forgets a deleted one', async () => {
    const root = copyFixture('shop');
    const session = await scanned(root);
    fs.mkdirSync(`${root}/src/billing/reports`);
    const created = `${root}/src/billing/reports/margin.ts`;
    fs.writeFileSync(created, "import { internalMargin } from '../../catalog/core/pricing';\nexport const m = internalMargin('x');\n");
    const r1 = session.update([{ type: 'disk', file: created, event: 'created' }]);
    assert.ok(r1.files.includes(created));
    assert.deepEqual(brief(session, session.findingsFor(created)), ['public-api-bypass src/billing/reports/margin.ts:1:32']);

    fs.rmSync(`${root}/src/reports`, { recursive: true });
    const r2 = session.update([{ type: 'disk', file: `${root}/src/reports/sales-report.ts`, event: 'deleted' }]);
    assert.ok(r2.files.includes(`${root}/src/reports/sales-report.ts`));
    assert.ok(!session.files().includes(`${root}/src/reports/sales-report.ts`));
    assert.ok(!brief(session).some((b) => b.startsWith('unassigned-file')));
  });

  it('an edit of foundations.json re-checks everything; a broken edit keeps the last good configuration', async () => {
    const root = copyFixture('shop');
    const session = await scanned(root);
    const configFile = `${root}/foundations.json`;
    const config = fs.readFileSync(configFile, 'utf8');
    const declared = config.replace('"dependsOn": ["shared"], "owners": ["@catalog-team"]', '"dependsOn": ["shared", "orders"], "owners": ["@catalog-team"]');
    const r1 = session.update([{ type: 'buffer', file: configFile, text: declared }]);
    assert.ok(r1.files.includes(`${root}/src/catalog/core/product.ts`));
    assert.ok(!brief(session).some((b) => b.startsWith('cross-domain-import')));

    const before = brief(session);
    const r2 = session.update([{ type: 'buffer', file: configFile, text: declared.replace('"domains"', '"domains" oops') }]);
    assert.ok(r2.configChanged);
    assert.ok(session.configDiagnostics.length > 0);
    assert.equal(session.hasUsableConfig, false);
    assert.deepEqual(brief(session), before, 'findings still follow the last good configuration');

    const r3 = session.update([{ type: 'buffer-closed', file: configFile }]);
    assert.ok(r3.configChanged);
    assert.deepEqual(session.configDiagnostics, []);
    assert.ok(brief(session).some((b) => b.startsWith('cross-domain-import')), 'closing the buffer brings the disk version back');
  });

  it('a tsconfig change re-resolves aliases', async () => {
    const root = copyFixture('shop');
    const session = await scanned(root);
    const tsconfig = `${root}/tsconfig.json`;
    fs.writeFileSync(tsconfig, fs.readFileSync(tsconfig, 'utf8').replace('"@shop/*"', '"@nowhere/*"'));
    session.update([{ type: 'disk', file: tsconfig, event: 'changed' }]);
    assert.ok(!brief(session).some((b) => b.startsWith('cross-domain-import')), '@shop/orders no longer resolves into the workspace');
  });
  it('an import edit re-checks the files that look for what it now imports through a barrel, as a fresh scan sees them', async () => {
    const root = writeWorkspace({
      'foundations.json': JSON.stringify({
        domains: {
          cart: { path: 'src/cart', publicApi: ['index.ts'] },
          orders: { path: 'src/orders', publicApi: ['index.ts'] },
          checkout: { path: 'src/checkout', dependsOn: ['cart', 'orders'] },
        },
        rules: { 'shared-mutable-state': 'error', 'unversioned-api-route': 'error' },
      }),
      'src/cart/state.ts': 'export const items: string[] = [];\nexport function count() { return items.length; }\n',
      'src/cart/index.ts': "export { items, count } from './state';\n",
      'src/orders/routes.ts': "import express from 'express';\nexport const ordersRouter = express.Router();\nordersRouter.get('/orders', (req, res) => res.send('ok'));\n",
      'src/orders/index.ts': "export { ordersRouter } from './routes';\n",
      'src/checkout/pay.ts': "import express from 'express';\nimport { count } from '../cart';\nconst app = express();\nexport function pay() { return count(); }\n",
    });
    const session = await scanned(root);
    const pay = `${root}/src/checkout/pay.ts`;
    const original = fs.readFileSync(pay, 'utf8');
    const fresh = async (text: string) => {
      fs.writeFileSync(pay, text);
      const scan = await scanned(root);
      fs.writeFileSync(pay, original);
      return brief(scan);
    };
    assert.deepEqual(brief(session), ['unversioned-api-route src/orders/routes.ts:3:18']);

    // The barrel's state is now imported and changed, and its router mounted under a versioned prefix.
    const edited = original
      .replace("import { count } from '../cart';", "import { count, items } from '../cart';\nimport { ordersRouter } from '../orders';")
      .replace('return count();', "items.push('x'); return count();")
      .replace('const app = express();', "const app = express();\napp.use('/api/v1', ordersRouter);");
    const result = session.update([{ type: 'buffer', file: pay, text: edited }]);
    assert.deepEqual(brief(session), ['shared-mutable-state src/cart/state.ts:1:14', 'shared-mutable-state src/checkout/pay.ts:6:25']);
    assert.deepEqual(brief(session), await fresh(edited));
    assert.deepEqual(result.files.map((f) => f.slice(root.length + 1)), ['src/cart/state.ts', 'src/checkout/pay.ts', 'src/orders/routes.ts']);

    // Importing another name from the same barrels changes nothing the state's or the router's file looks for.
    const unrelated = edited.replace('import { count, items }', 'import { count as total, count, items }');
    assert.deepEqual(session.update([{ type: 'buffer', file: pay, text: unrelated }]).files, []);

    session.update([{ type: 'buffer', file: pay, text: original }]);
    assert.deepEqual(brief(session), await fresh(original));
  });
});
