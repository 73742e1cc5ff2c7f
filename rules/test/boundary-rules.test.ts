import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { FIXTURES, brief, copyFixture, scanned } from './helpers';
import { writeWorkspace } from './inline-workspace';

describe('engine: boundary rules on fixture workspaces', () => {
  it('finds one violation of each boundary rule in the example shop', async () => {
    const session = await scanned(`${FIXTURES}/shop`);
    assert.deepEqual(brief(session), [
      'third-party-outside-adapter src/billing/core/charge.ts:2:20',
      'public-api-bypass src/billing/core/discounts.ts:2:32',
      'database-access-outside-data-layer src/billing/core/tax-report.ts:2:22',
      'layer-violation src/billing/ui/InvoiceView.tsx:3:29',
      'cross-domain-import src/catalog/core/product.ts:4:31',
      'domain-cycle src/catalog/core/product.ts:4:31',
      'unassigned-file src/reports/sales-report.ts:1:1',
    ]);
  });

  it('says what is wrong and which domains and layers are involved', async () => {
    const session = await scanned(`${FIXTURES}/shop`);
    const byRule = new Map(session.findings().map((f) => [f.ruleId, f]));
    assert.equal(byRule.get('cross-domain-import')?.message, 'Domain "catalog" imports domain "orders", which "catalog" does not declare in dependsOn.');
    assert.deepEqual(byRule.get('cross-domain-import')?.domains, { from: 'catalog', to: 'orders' });
    assert.deepEqual(byRule.get('layer-violation')?.layers, { from: 'ui', to: 'data' });
    assert.match(byRule.get('domain-cycle')!.message, /catalog → orders → catalog/);
    assert.equal(byRule.get('layer-violation')?.severity, 'error', 'the fixture raises layer-violation to error in foundations.json');
    assert.equal(byRule.get('third-party-outside-adapter')?.severity, 'warning');
    assert.match(byRule.get('public-api-bypass')!.message, /"src\/catalog\/core\/pricing.ts" is internal to domain "catalog"/);
  });

  it('stays silent on a workspace that respects every rule', async () => {
    const session = await scanned(`${FIXTURES}/clean`);
    assert.deepEqual(brief(session), []);
    assert.equal(session.files().length, 8);
  });

  it('resolves tsconfig extends, baseUrl and paths aliases like the compiler', async () => {
    const session = await scanned(`${FIXTURES}/paths-alias`);
    assert.deepEqual(brief(session), [
      'public-api-bypass src/sales/order.ts:2:37',
      'cross-domain-import src/stock/restock.ts:1:25',
      'domain-cycle src/stock/restock.ts:1:25',
      'public-api-bypass src/stock/restock.ts:1:25',
    ]);
    const imports = session.importGraph.importsOf(`${session.root}/src/sales/order.ts`);
    assert.deepEqual(
      imports.map((i) => (i.target.kind === 'file' ? i.target.file.slice(session.root.length + 1) : i.target.kind)),
      ['src/stock/index.ts', 'src/stock/levels.ts', 'src/sales/internal/quote.ts'],
    );
  });

  it('reads a tsconfig.json with a syntax error as TypeScript does, and says what is wrong with it', async () => {
    const root = copyFixture('shop');
    const config = `${root}/tsconfig.json`;
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').trimEnd().slice(0, -1));
    const session = await scanned(root);
    assert.ok(brief(session).includes('cross-domain-import src/catalog/core/product.ts:4:31'), 'the @shop/* alias still resolves');
    assert.equal(session.projectConfigProblems.length, 1);
    assert.match(session.projectConfigProblems[0], /^tsconfig\.json:13:1: '}' expected\. Module resolution uses what TypeScript could read of it/);
    fs.writeFileSync(config, JSON.stringify({ extends: './tsconfig.base.json', compilerOptions: { paths: { '@shop/*': ['./src/*'] } } }));
    const missingBase = await scanned(root);
    assert.ok(brief(missingBase).includes('cross-domain-import src/catalog/core/product.ts:4:31'));
    assert.match(missingBase.projectConfigProblems[0], /^tsconfig\.json: Cannot read file '.*tsconfig\.base\.json'\. Module resolution uses what TypeScript could read of it/);
  });

  it('passes a database client imported only to declare types (TypeScript erases the import), not one the file works with', async () => {
    const session = await scanned(
      writeWorkspace({
        'foundations.json': JSON.stringify({ domains: { orders: { path: 'src/orders' } } }),
        'src/orders/order-id.ts': "import { Types } from 'mongoose';\nexport type OrderId = Types.ObjectId;\nexport interface Order { id: OrderId; raw: typeof Types }\n",
        'src/orders/is-id.ts': "import { Types } from 'mongoose';\nexport const isId = (v: unknown): v is Types.ObjectId => v instanceof Types.ObjectId;\n",
        'src/orders/base.ts': "import { Model } from 'mongoose';\nexport class Orders extends Model {}\n",
        // Typed only, but the file queries through the client it is handed.
        'src/orders/totals.ts': "import { Pool } from 'pg';\nexport const total = (pool: Pool) => pool.query('select 1');\n",
      }),
    );
    assert.deepEqual(brief(session).filter((f) => f.startsWith('database-access')), [
      'database-access-outside-data-layer src/orders/base.ts:1:23',
      'database-access-outside-data-layer src/orders/is-id.ts:1:23',
      'database-access-outside-data-layer src/orders/totals.ts:1:22',
    ]);
  });

  it('checks plain JavaScript: require(), import = require(), dynamic import()', async () => {
    const session = await scanned(`${FIXTURES}/js-require`);
    assert.deepEqual(brief(session), [
      'cross-domain-import lib/users/legacy.cts:1:23',
      'cross-domain-import lib/users/register.js:3:22',
      'cross-domain-import lib/users/register.js:4:28',
      'public-api-bypass lib/users/register.js:4:28',
      'cross-domain-import lib/users/register.js:7:30',
    ]);
  });

  it('resolves npm workspace packages to their sources, without node_modules', async () => {
    const session = await scanned(`${FIXTURES}/monorepo`);
    assert.deepEqual(brief(session), [
      'public-api-bypass packages/checkout/src/index.ts:3:34',
      'cross-domain-import packages/checkout/src/index.ts:5:30',
    ]);
  });

  it('checks the imports of a file with syntax errors', async () => {
    const session = await scanned(`${FIXTURES}/syntax-error`);
    assert.deepEqual(brief(session), ['cross-domain-import src/left/broken.ts:1:23']);
  });

  it('honours severities and "off" from foundations.json', async () => {
    const session = await scanned(`${FIXTURES}/shop`);
    const text = `{ "domains": { "billing": { "path": "src/billing", "dependsOn": ["catalog", "shared"] }, "catalog": { "path": "src/catalog", "dependsOn": ["shared"] }, "orders": { "path": "src/orders", "dependsOn": ["billing", "catalog", "shared"] }, "shared": { "path": "src/shared", "publicApi": "*" } }, "rules": { "cross-domain-import": "info", "domain-cycle": "off", "unassigned-file": ["off"] } }`;
    session.update([{ type: 'buffer', file: `${session.root}/foundations.json`, text }]);
    const rules = session.findings().map((f) => `${f.ruleId}:${f.severity}`);
    assert.ok(rules.includes('cross-domain-import:info'));
    assert.ok(!rules.some((r) => r.startsWith('domain-cycle') || r.startsWith('unassigned-file')));
  });

  it('public-api-bypass: a file the public API re-exports whole is no internal, only the entry point is gone around: one severity lower', async () => {
    const files = {
      'foundations.json': JSON.stringify({ domains: { http: { path: 'src/http' }, rpc: { path: 'src/rpc', dependsOn: ['http'] } } }),
      'src/http/index.ts': "export * as Req from './Req';\nexport * from './list';\nexport { only } from './partial';\n",
      'src/http/Req.ts': 'export const make = () => 1;\n',
      'src/http/list/index.ts': "export * from './Items';\n",
      'src/http/list/Items.ts': 'export const items = [];\n',
      'src/http/partial.ts': 'export const only = 1;\nexport const hidden = 2;\n',
      'src/http/internal.ts': 'export const secret = 3;\n',
      'src/rpc/Server.ts': "import * as Req from '../http/Req';\nimport { items } from '../http/list/Items';\nimport { hidden } from '../http/partial';\nimport { secret } from '../http/internal';\nexport const all = [Req, items, hidden, secret];\n",
    };
    const describe = (session: Awaited<ReturnType<typeof scanned>>) => session.findings().map((f) => `${f.range.start.line + 1} ${f.severity} ${f.message}`);
    const session = await scanned(writeWorkspace(files));
    assert.deepEqual(describe(session), [
      '1 warning "src/http/Req.ts" is part of the public API of domain "http" (src/http/index.ts re-exports all of it), but this import goes around that entry point; import it from src/http/index, so "http" can move the file.',
      '2 warning "src/http/list/Items.ts" is part of the public API of domain "http" (src/http/index.ts re-exports all of it), but this import goes around that entry point; import it from src/http/index, so "http" can move the file.',
      '3 error "src/http/partial.ts" is internal to domain "http"; import it through the public API of "http" (src/http/index).',
      '4 error "src/http/internal.ts" is internal to domain "http"; import it through the public API of "http" (src/http/index).',
    ]);
    // The public API stops passing Req on: the importer is checked again, and Req is internal now.
    session.update([{ type: 'buffer', file: `${session.root}/src/http/index.ts`, text: "export * from './list';\nexport { only } from './partial';\n" }]);
    assert.match(describe(session)[0], /^1 error "src\/http\/Req.ts" is internal to domain "http"/);
    const configured = { ...files, 'foundations.json': JSON.stringify({ domains: { http: { path: 'src/http' }, rpc: { path: 'src/rpc', dependsOn: ['http'] } }, rules: { 'public-api-bypass': 'warning' } }) };
    assert.deepEqual((await scanned(writeWorkspace(configured))).findings().map((f) => f.severity), ['info', 'info', 'warning', 'warning']);
  });
});
