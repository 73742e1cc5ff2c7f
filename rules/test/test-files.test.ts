import * as assert from 'node:assert/strict';
import { buildDomainGraph } from '../index';
import { brief, scanned } from './helpers';
import { writeWorkspace } from './inline-workspace';

/**
 * Two domains whose product code respects every rule; their tests, stories and a test helper reach
 * into each other's internals, a database client and a UI component, and would close a cycle.
 */
function workspaceWithTests(config: Record<string, unknown> = {}): string {
  return writeWorkspace({
    'foundations.json': JSON.stringify({
      domains: { orders: { path: 'src/orders', dependsOn: ['catalog'] }, catalog: { path: 'src/catalog' } },
      ...config,
    }),
    'src/catalog/index.ts': "export { makeProduct } from './internal';\n",
    'src/catalog/internal.ts': "export const makeProduct = () => ({ id: 'x' });\n",
    'src/catalog/internal.spec.ts': "import { placeOrder } from '../orders/core/place';\nimport { Pool } from 'pg';\nexport const t = [placeOrder, Pool];\n",
    'src/catalog/ProductCard.stories.tsx': "import { placeOrder } from '../orders';\nexport default { title: String(placeOrder) };\n",
    'src/orders/index.ts': "export { placeOrder } from './core/place';\n",
    'src/orders/core/place.ts': "import { makeProduct } from '../../catalog';\nexport const placeOrder = () => makeProduct();\n",
    'src/orders/__tests__/place.test.ts': "import { makeProduct } from '../../catalog/internal';\nimport { placeOrder } from '../core/place';\nexport const t = [makeProduct, placeOrder];\n",
    'src/orders/test-ui/harness.ts': "import { makeProduct } from '../../catalog/internal';\nexport const h = makeProduct;\n",
  });
}

describe('engine: test files', () => {
  it('passes tests, stories and mocks by: their imports of internals, other domains and databases are how tests are written', async () => {
    const session = await scanned(workspaceWithTests({ testFiles: ['src/**/test-ui/**'] }));
    assert.deepEqual(brief(session), []);
  });

  it('makes no dependency between domains of what a test imports: no cycle, no edge in the graph', async () => {
    const session = await scanned(workspaceWithTests({ testFiles: ['src/**/test-ui/**'] }));
    assert.deepEqual([...session.domainDependencies()].map(([from, to]) => [from, [...to]]), [['orders', ['catalog']]]);
    const graph = buildDomainGraph(session);
    assert.deepEqual(graph.edges.filter((e) => e.actual).map((e) => `${e.from}→${e.to}`), ['orders→catalog']);
    assert.deepEqual(graph.cycles, []);
  });

  it('checks a file that no convention and no testFiles glob calls a test', async () => {
    const session = await scanned(workspaceWithTests());
    assert.deepEqual(brief(session), ['public-api-bypass src/orders/test-ui/harness.ts:1:29']);
  });

  it('checks test files with a rule whose options say includeTests', async () => {
    const session = await scanned(workspaceWithTests({ testFiles: ['src/**/test-ui/**'], rules: { 'public-api-bypass': ['error', { includeTests: true }] } }));
    assert.deepEqual(brief(session), [
      'public-api-bypass src/catalog/internal.spec.ts:1:28',
      'public-api-bypass src/orders/__tests__/place.test.ts:1:29',
      'public-api-bypass src/orders/test-ui/harness.ts:1:29',
    ]);
  });

  it('still checks product code that imports a test file', async () => {
    const root = workspaceWithTests();
    const session = await scanned(root);
    session.update([{ type: 'buffer', file: `${root}/src/orders/core/place.ts`, text: "import { t } from '../../catalog/internal.spec';\nexport const placeOrder = () => t;\n" }]);
    assert.ok(brief(session).includes('public-api-bypass src/orders/core/place.ts:1:19'), brief(session).join('\n'));
  });

  it('reports a bad glob in testFiles at the key', async () => {
    const session = await scanned(workspaceWithTests({ testFiles: ['src/[oops/**'] }));
    const diagnostics = session.configDiagnostics;
    assert.equal(diagnostics.length, 1, JSON.stringify(diagnostics));
    assert.deepEqual(diagnostics[0].path, ['testFiles', 0]);
  });
});
