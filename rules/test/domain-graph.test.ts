import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { buildDomainGraph, explainFinding, formatDot, formatMermaid, foundationsOverview } from '../index';
import { FIXTURES, copyFixture, scanned } from './helpers';

describe('engine: the domain graph and its formats', () => {
  it('has declared, actual, undeclared (violating) and cycle edges', async () => {
    const graph = buildDomainGraph(await scanned(`${FIXTURES}/shop`));
    assert.deepEqual(
      graph.edges.map((e) => `${e.from}→${e.to}${e.declared ? ' declared' : ''}${e.actual ? ' actual' : ''}${e.violating ? ' VIOLATING' : ''}${e.inCycle ? ' cycle' : ''} ${e.files.length}`),
      [
        'billing→catalog declared actual cycle 2',
        'billing→shared declared actual 1',
        'catalog→orders actual VIOLATING cycle 1',
        'catalog→shared declared actual 2',
        'orders→billing declared actual cycle 1',
        'orders→catalog declared actual cycle 1',
        'orders→shared declared 0',
      ],
    );
    assert.deepEqual(graph.cycles, [['billing', 'catalog', 'orders']]);
    const billing = graph.nodes.find((n) => n.name === 'billing')!;
    assert.deepEqual([billing.owners, billing.publicApiFiles, billing.files, billing.errors, billing.warnings], [['@payments-team'], ['src/billing/index.ts'], 8, 3, 1]);
  });

  it('renders Mermaid: undeclared edges red and labelled, unused ones dotted, cycles orange', async () => {
    const mermaid = formatMermaid(buildDomainGraph(await scanned(`${FIXTURES}/shop`)), 'shop');
    const lines = mermaid.split('\n');
    assert.equal(lines[2], 'flowchart LR');
    assert.ok(lines.includes('  billing["<b>billing</b><br/>@payments-team<br/>3 errors, 1 warning"]'));
    assert.ok(lines.includes('  catalog ==>|undeclared| orders'));
    assert.ok(lines.includes('  orders -.->|unused| shared'));
    assert.ok(lines.includes('  linkStyle 2 stroke:#d33333,stroke-width:3px'), 'the third edge (catalog → orders) is red');
    assert.ok(lines.includes('  linkStyle 6 stroke:#9a9a9a,stroke-width:1px'));
    assert.ok(lines.includes('  class billing,catalog,orders cycle'));
  });

  it('renders DOT that names every domain and styles every kind of edge', async () => {
    const dot = formatDot(buildDomainGraph(await scanned(`${FIXTURES}/shop`)), 'shop');
    assert.match(dot, /^\/\/ shop: domain dependencies/);
    assert.match(dot, /\n {2}"catalog" -> "orders" \[color="#d33333", penwidth=2, label="undeclared", fontcolor="#d33333", tooltip="src\/catalog\/core\/product\.ts"\];\n/);
    assert.match(dot, /\n {2}"orders" -> "shared" \[style=dashed, color="#9a9a9a", label="unused", fontcolor="#9a9a9a"\];\n/);
    assert.match(dot, /\n {2}"shared" \[label="shared\\n1 file"\];\n/);
    assert.ok(dot.trimEnd().endsWith('}'));
  });

  it('gives domains whose names Mermaid reserves a neutral id', async () => {
    const root = copyFixture('shop');
    const session = await scanned(root);
    const graph = buildDomainGraph(session);
    graph.nodes[0].name = 'end';
    graph.edges.filter((e) => e.from === 'billing').forEach((e) => (e.from = 'end'));
    const mermaid = formatMermaid(graph);
    assert.ok(mermaid.includes('  domain0["<b>end</b>'));
    assert.ok(mermaid.includes('  domain0 --> catalog'));
  });
});

describe('engine: the foundations overview and explanations', () => {
  it('groups every rule and project check under the four foundations, with pass/fail and counts', async () => {
    const overview = foundationsOverview(await scanned(`${FIXTURES}/shop`));
    assert.deepEqual(overview.map((f) => `${f.title}: ${f.status} ${f.counts.errors}/${f.counts.warnings}`), [
      'Clean architecture baseline: fail 3/1',
      'Explicit integration boundaries: fail 2/1',
      'Production-aware DevOps: fail 0/0',
      'Risk-based quality discipline: fail 0/0',
    ]);
    const devops = overview.find((f) => f.id === 'production-devops')!;
    assert.deepEqual(devops.checks.map((c) => `${c.kind} ${c.id} ${c.status}`), [
      'rule console-in-core pass',
      'project ci-pipeline fail',
      'project environment-separation not-applicable',
      'project logging fail',
      'project rollback not-applicable',
    ]);
  });

  it('filters to errors, a file or a domain, keeping only checks with matching findings, and the failing project checks', async () => {
    const session = await scanned(`${FIXTURES}/shop`);
    const ids = (filter: Parameters<typeof foundationsOverview>[1]) => foundationsOverview(session, filter).flatMap((f) => f.checks.filter((c) => c.kind === 'rule').map((c) => `${c.id}:${c.counts.errors + c.counts.warnings}`));
    assert.deepEqual(ids({ file: `${session.root}/src/catalog/core/product.ts` }), ['cross-domain-import:1', 'domain-cycle:1']);
    // billing's bypass of catalog's internals is in billing's file: billing's finding, not catalog's.
    assert.deepEqual(ids({ domain: 'catalog' }), ['cross-domain-import:1', 'domain-cycle:1']);
    assert.deepEqual(ids({ domain: 'billing' }), ['layer-violation:1', 'public-api-bypass:1', 'database-access-outside-data-layer:1', 'third-party-outside-adapter:1']);
    assert.ok(!ids({ severity: 'error' }).some((id) => id.startsWith('unassigned-file')));
    const graph = buildDomainGraph(session);
    for (const node of graph.nodes) {
      const counts = foundationsOverview(session, { domain: node.name }).map((f) => f.counts);
      const sum = (key: 'errors' | 'warnings' | 'infos') => counts.reduce((n, c) => n + c[key], 0);
      assert.deepEqual([sum('errors'), sum('warnings'), sum('infos')], [node.errors, node.warnings, node.infos], `${node.name}: the filtered overview counts what the domain graph counts`);
    }
    const projectChecks = foundationsOverview(session, { domain: 'catalog' }).map((f) => `${f.id} ${f.status} ${f.checks.filter((c) => c.kind === 'project').map((c) => c.id).join(',')}`);
    assert.deepEqual(projectChecks.slice(2), ['production-devops fail ci-pipeline,logging', 'quality-discipline fail core-tests,contract-tests,definition-of-done'], 'project-wide: not narrowed away');
  });

  it('explains a finding: the target, its owners, and the allowed way instead', async () => {
    const session = await scanned(`${FIXTURES}/shop`);
    const bypass = explainFinding(session, session.findings().find((f) => f.ruleId === 'public-api-bypass')!);
    assert.deepEqual(bypass.target, { file: 'src/catalog/core/pricing.ts', domain: 'catalog', owners: ['@catalog-team'] });
    assert.equal(
      bypass.instead,
      'Import from `@shop/catalog` (the public API of catalog, `src/catalog/index.ts`) instead of `../../catalog/core/pricing`. If `internalMargin` is not exported there, export it from `src/catalog/index.ts` first — a decision for @catalog-team.',
    );
    const cross = explainFinding(session, session.findings().find((f) => f.ruleId === 'cross-domain-import')!);
    assert.deepEqual(cross.target, { file: 'src/orders/index.ts', domain: 'orders', owners: [] });
    assert.equal(
      cross.instead,
      '`catalog` may import `shared`. Do not declare the dependency: adding `"orders"` to `domains.catalog.dependsOn` would close the cycle `catalog` → `orders` → `catalog`. Instead, move the code to the domain that owns it, or invert the dependency (orders calls catalog through an interface or an event).',
    );
    const cycle = explainFinding(session, session.findings().find((f) => f.ruleId === 'domain-cycle')!);
    assert.deepEqual(cycle.target, { file: 'src/orders/index.ts', domain: 'orders', owners: [] }, 'the imported file, not the importing one');
    const undeclared = copyFixture('shop');
    const config = `${undeclared}/foundations.json`;
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('"dependsOn": ["billing", "catalog", "shared"]', '"dependsOn": ["shared"]'));
    const ordersSession = await scanned(undeclared);
    const noCycle = explainFinding(ordersSession, ordersSession.findings().find((f) => f.ruleId === 'cross-domain-import' && f.domains?.to === 'billing')!);
    assert.match(noCycle.instead, /^`orders` may import `shared`\. Either declare the dependency — add `"billing"` to `domains\.orders\.dependsOn` in foundations\.json, then import from `@shop\/billing` \(its public API\)/);
    const sdk = explainFinding(session, session.findings().find((f) => f.ruleId === 'third-party-outside-adapter')!);
    assert.match(sdk.instead, /^`src\/billing\/adapters\/stripe-gateway\.ts` already uses `stripe` in billing's integration layer/);
    const unassigned = explainFinding(session, session.findings().find((f) => f.ruleId === 'unassigned-file')!);
    assert.match(unassigned.instead, /add `"reports": \{ "path": "src\/reports" \}` to `domains`/);
  });
});
