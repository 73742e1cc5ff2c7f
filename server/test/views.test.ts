import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DomainGraph, FoundationsDebt, FoundationsDomains, FoundationsFindings, FoundationsTree, PruneDebt } from '../../protocol';
import { copyFixture } from '../../rules/test/helpers';
import { LspTestClient } from './lsp-test-client';

describe('language server: the Foundations view’s requests and hovers (over stdio)', function () {
  let client: LspTestClient;

  afterEach(async () => {
    await client?.stop();
  });

  describe('on the example shop', () => {
    beforeEach(async () => {
      client = await LspTestClient.start(copyFixture('shop'), { settings: { debounceMs: 20 } });
      await client.ready();
    });

    it('answers the tree: four foundations → rules and project checks, with status and counts', async () => {
      const tree = await client.request(FoundationsTree.type, {});
      assert.deepEqual(tree.totals, { errors: 5, warnings: 2, infos: 0 });
      assert.equal(tree.folders.length, 1);
      const [folder] = tree.folders;
      assert.equal(folder.ready, true);
      assert.deepEqual(folder.foundations.map((f) => `${f.id} ${f.status} ${f.counts.errors}/${f.counts.warnings}`), [
        'clean-architecture fail 3/1',
        'integration-boundaries fail 2/1',
        'production-devops fail 0/0',
        'quality-discipline fail 0/0',
      ]);
      const clean = folder.foundations[0];
      const cross = clean.checks.find((c) => c.id === 'cross-domain-import')!;
      assert.deepEqual([cross.kind, cross.status, cross.severity, cross.counts.errors], ['rule', 'fail', 'error', 1]);
      assert.ok(cross.helpUri && fs.existsSync(fileURLToPath(cross.helpUri)), 'the rule help ships with the server');
      const quality = folder.foundations[3];
      const core = quality.checks.find((c) => c.id === 'core-tests')!;
      assert.equal(core.kind, 'project');
      assert.equal(core.status, 'fail');
      assert.deepEqual(core.evidence![0], { uri: client.uri('src/billing'), path: 'src/billing', folder: true, note: 'no test reaches the core of billing (4 core files)' });
    });

    it('answers the findings of one check, filtered by severity, file or domain', async () => {
      const all = await client.request(FoundationsFindings.type, { folderUri: client.uri(''), ruleId: 'public-api-bypass' });
      assert.deepEqual(all.findings.map((f) => [f.uri, f.range.start.line, f.severity, f.domains]), [[client.uri('src/billing/core/discounts.ts'), 1, 'error', { from: 'billing', to: 'catalog' }]]);
      assert.equal(all.truncated, 0);
      const unassigned = await client.request(FoundationsFindings.type, { folderUri: client.uri(''), ruleId: 'unassigned-file', filter: { severity: 'error' } });
      assert.deepEqual(unassigned.findings, [], 'a warning is not an error');
      const inFile = await client.request(FoundationsTree.type, { filter: { fileUri: client.uri('src/catalog/core/product.ts') } });
      assert.deepEqual(inFile.folders[0].foundations.flatMap((f) => f.checks.filter((c) => c.kind === 'rule').map((c) => c.id)), ['cross-domain-import', 'domain-cycle']);
      const byDomain = await client.request(FoundationsTree.type, { filter: { domain: 'billing' } });
      const checks = byDomain.folders[0].foundations.flatMap((f) => f.checks);
      assert.ok(checks.every((c) => (c.kind === 'rule' ? c.counts.errors + c.counts.warnings > 0 : c.status === 'fail')), 'rules with findings, project checks that fail');
    });

    it('filtered by a domain, counts what the Domains view counts, and keeps the failing project checks', async () => {
      const { folders } = await client.request(FoundationsDomains.type, {});
      for (const domain of folders[0].domains) {
        const tree = await client.request(FoundationsTree.type, { filter: { domain: domain.name } });
        const foundations = tree.folders[0].foundations;
        const sum = (key: 'errors' | 'warnings' | 'infos') => foundations.reduce((n, f) => n + f.counts[key], 0);
        assert.deepEqual({ errors: sum('errors'), warnings: sum('warnings'), infos: sum('infos') }, domain.counts, `the findings located in ${domain.name}'s files`);
        // Project checks judge the whole workspace: a domain filter does not make their foundations "not applicable".
        assert.deepEqual(foundations.slice(2).map((f) => f.status), ['fail', 'fail'], domain.name);
      }
    });

    it('answers the domains: declared vs actual dependencies, owners, public API files, counts', async () => {
      const { folders } = await client.request(FoundationsDomains.type, {});
      const byName = new Map(folders[0].domains.map((d) => [d.name, d]));
      assert.deepEqual(
        byName.get('catalog')!.dependencies.map((d) => `${d.domain} declared=${d.declared} actual=${d.actual} cycle=${d.inCycle} ${d.files.join(',')}`),
        ['orders declared=false actual=true cycle=true src/catalog/core/product.ts', 'shared declared=true actual=true cycle=false src/catalog/core/pricing.ts,src/catalog/core/product.ts'],
      );
      assert.deepEqual(byName.get('orders')!.dependencies.find((d) => d.domain === 'shared'), { domain: 'shared', declared: true, actual: false, files: [], inCycle: false });
      assert.deepEqual(byName.get('billing')!.owners, ['@payments-team']);
      assert.deepEqual(byName.get('billing')!.publicApiFiles, [{ uri: client.uri('src/billing/index.ts'), path: 'src/billing/index.ts' }]);
      assert.equal(byName.get('shared')!.publicApi, '*');
      assert.deepEqual(byName.get('billing')!.counts, { errors: 3, warnings: 1, infos: 0 });
      assert.equal(folders[0].configUri, client.uri('foundations.json'));
    });

    it('answers the domain graph: nodes, declared, actual and violating edges, cycles', async () => {
      const graph = await client.request(DomainGraph.type, {});
      assert.equal(graph.name, client.root.split('/').pop());
      assert.deepEqual(graph.nodes.map((n) => n.name), ['billing', 'catalog', 'orders', 'shared']);
      assert.deepEqual(graph.edges.filter((e) => e.violating).map((e) => `${e.from}→${e.to}`), ['catalog→orders']);
      assert.deepEqual(graph.cycles, [['billing', 'catalog', 'orders']]);
      assert.equal(graph.nodes[0].uri, client.uri('src/billing'));
    });

    it('explains a finding on hover: the rule, the target’s domain and owners, and the allowed way', async () => {
      const markdown = await client.hover('src/billing/core/discounts.ts', 1, 40);
      assert.ok(markdown, 'a hover on the import');
      assert.match(markdown!, /\*\*Foundations · public-api-bypass\*\* — Explicit integration boundaries · error/);
      assert.match(markdown!, /\*\*Target:\*\* `src\/catalog\/core\/pricing\.ts` in domain \*\*catalog\*\* — owners @catalog-team/);
      assert.match(markdown!, /\*\*Instead:\*\* Import from `@shop\/catalog` \(the public API of catalog, `src\/catalog\/index\.ts`\)/);
      assert.match(markdown!, /\[Rule documentation\]\(file:.*public-api-bypass\.md\)/);
      assert.equal(await client.hover('src/billing/core/discounts.ts', 4, 2), null, 'no hover away from findings');
      const cycle = await client.hover('src/catalog/core/product.ts', 3, 35);
      assert.match(cycle!, /cross-domain-import[\s\S]*---[\s\S]*domain-cycle/, 'both findings on the import, one after the other');
      assert.match(cycle!.slice(cycle!.indexOf('domain-cycle')), /\*\*Target:\*\* `src\/orders\/index\.ts` in domain \*\*orders\*\*/, 'the cycle names the imported file');
    });

    it('tells the client when the view must refresh, and the tree follows the edit', async () => {
      const file = 'src/billing/core/invoice.ts';
      const original = fs.readFileSync(`${client.root}/${file}`, 'utf8');
      client.open(file, original);
      await client.waitFor(() => client.diagnostics.has(client.uri(file)), 'the opened buffer to be checked');
      const before = performance.now();
      client.change(file, `import { placeOrder } from '@shop/orders';\n${original}`);
      await client.waitFor(() => client.codes(file).includes('cross-domain-import'), 'the new finding');
      await client.waitFor(() => client.changesSince(before) > 0, 'a foundations/changed notification');
      const tree = await client.request(FoundationsTree.type, {});
      assert.equal(tree.folders[0].foundations[0].checks.find((c) => c.id === 'cross-domain-import')!.counts.errors, 2);
      const quiet = performance.now();
      client.change(file, `import { placeOrder } from '@shop/orders';\n${original}\n// a comment changes no finding\n`);
      await client.waitFor(() => client.diagnostics.get(client.uri(file))!.at > quiet, 'the re-check');
      await new Promise((r) => setTimeout(r, 150));
      assert.equal(client.changesSince(quiet), 0, 'an edit that changes nothing sends nothing');
    });
  });

  describe('on a folder without foundations.json', () => {
    beforeEach(async () => {
      client = await LspTestClient.start(copyFixture('no-config'), { settings: { debounceMs: 20 } });
      await client.ready();
    });

    it('says the folder is not configured instead of showing checks that pass on nothing', async () => {
      const tree = await client.request(FoundationsTree.type, {});
      assert.deepEqual(
        tree.folders.map((f) => [f.ready, f.unconfigured, f.foundations.length]),
        [[true, true, 0]],
      );
      const { folders } = await client.request(FoundationsDomains.type, {});
      assert.deepEqual(
        folders.map((f) => [f.ready, f.unconfigured, f.domains.length]),
        [[true, true, 0]],
      );
    });
  });

  describe('on a workspace with a debt register', () => {
    beforeEach(async () => {
      client = await LspTestClient.start(copyFixture('debt'), { settings: { debounceMs: 20 } });
      await client.ready();
    });

    it('lists the entries with their status, and reports stale and expired ones in the register', async () => {
      const { folders } = await client.request(FoundationsDebt.type, {});
      assert.equal(folders[0].exists, true);
      assert.deepEqual(folders[0].entries.map((e) => `${e.index} ${e.rule} ${e.status}${e.findingRange ? ` @${e.findingRange.start.line}` : ''}`), [
        '0 public-api-bypass accepted @0',
        '1 cross-domain-import expired @0',
        '2 console-in-core accepted @1',
        '3 layer-violation stale',
      ]);
      const register = await client.waitFor(() => client.diagnostics.get(client.uri('foundations-debt.json'))?.diagnostics, 'the register diagnostics');
      assert.deepEqual(register.map((d) => `${d.code} ${d.severity} ${d.range.start.line}`), ['debt 2 12', 'debt 2 26']);
      const accepted = client.diagnostics.get(client.uri('src/orders/core/checkout.ts'))!.diagnostics.find((d) => d.code === 'public-api-bypass')!;
      assert.equal(accepted.severity, 3, 'accepted debt is information');
      assert.match(String(accepted.message), /^Accepted as debt/);
    });

    it('hovers say a finding is accepted debt, and why', async () => {
      const markdown = await client.hover('src/orders/core/checkout.ts', 0, 30);
      assert.match(markdown!, /\*\*Accepted as debt:\*\* catalog exports no price API until Q3, owner @orders-team, until 2099-12-31\./);
    });

    it('applies edits of the register buffer live', async () => {
      const text = fs.readFileSync(`${client.root}/foundations-debt.json`, 'utf8');
      client.open('foundations-debt.json', text, 'jsonc');
      client.change('foundations-debt.json', text.replace('"expires": "2020-01-31"', '"expires": "2099-01-31"'));
      await client.waitFor(() => client.diagnostics.get(client.uri('src/orders/core/refund.ts'))?.diagnostics.every((d) => d.severity === 3), 'the renewed entry to apply');
    });

    it('answers the prune edit, which removes only the stale entry', async () => {
      const result = await client.request(PruneDebt.type, { folderUri: client.uri('') });
      assert.equal(result.removed, 1);
      const edits = result.edit!.changes![client.uri('foundations-debt.json')];
      assert.equal(edits.length, 1);
      assert.match(edits[0].newText + JSON.stringify(edits[0].range), /\{/);
      const text = fs.readFileSync(`${client.root}/foundations-debt.json`, 'utf8');
      const lines = text.split('\n');
      const { start, end } = edits[0].range;
      const after = [...lines.slice(0, start.line), lines[start.line].slice(0, start.character) + edits[0].newText + lines[end.line].slice(end.character), ...lines.slice(end.line + 1)].join('\n');
      assert.ok(!after.includes('OrderList.tsx') && after.includes('console-in-core') && after.includes('// Accepted until the pricing API exists.'));
    });
  });
});
