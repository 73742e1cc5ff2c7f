/**
 * The Foundations view container in the real extension host: the trees' items for the example
 * workspace (a copy of test-fixtures/shop), a click on a finding opening its location, the
 * filters, the Domains and Debt register views, the domain graph webview.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { FoundationsApi } from '../../extension';
import type { DomainsElement } from '../../views/domains-tree';
import type { FoundationsElement } from '../../views/foundations-tree';
import { activeExtension, askRunner, bridgeAvailable, closeAllEditors, codeOf, fileUri, foundationsDiagnostics, note, openEditor, waitFor, waitForDiagnostic } from './helpers';

const label = (item: vscode.TreeItem) => (typeof item.label === 'string' ? item.label : (item.label?.label ?? ''));

describe('the Foundations view', () => {
  let api: FoundationsApi;

  before(async () => {
    const ext = await activeExtension();
    api = ext.exports as FoundationsApi;
    assert.ok(api?.views, 'activate() returns the views');
    await waitForDiagnostic('src/catalog/core/product.ts', 'cross-domain-import', 4, 60_000);
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('foundations.clearFilter');
    await closeAllEditors();
  });

  /** The tree's root elements once the server answers with the four foundations. */
  async function foundationsRoots(): Promise<FoundationsElement[]> {
    return waitFor('the four foundations in the tree', async () => {
      const roots = await api.views.foundations.getChildren();
      return roots.filter((e) => e.type === 'foundation').length === 4 && roots;
    });
  }

  async function child(parent: FoundationsElement, name: string): Promise<FoundationsElement> {
    const children = await api.views.foundations.getChildren(parent);
    const found = children.find((c) => label(api.views.foundations.getTreeItem(c)) === name);
    assert.ok(found, `"${name}" under "${label(api.views.foundations.getTreeItem(parent))}"; there: ${children.map((c) => label(api.views.foundations.getTreeItem(c))).join(', ')}`);
    return found;
  }

  it('is contributed as a view container that the status item’s command focuses', async () => {
    await vscode.commands.executeCommand('foundations.focusView');
    await waitFor('the Foundations tree to be visible', () => api.views.foundationsView.visible);
  });

  it('shows the four foundations → their checks with status and counts → findings', async () => {
    const roots = await foundationsRoots();
    const items = roots.map((r) => api.views.foundations.getTreeItem(r));
    assert.deepEqual(items.map(label), ['Clean architecture baseline', 'Explicit integration boundaries', 'Production-aware DevOps', 'Risk-based quality discipline']);
    assert.deepEqual(items.map((i) => i.description), ['3 errors · 1 warning', '2 errors · 1 warning', '2 failing checks', '3 failing checks']);
    const cross = await child(roots[0], 'cross-domain-import');
    const crossItem = api.views.foundations.getTreeItem(cross);
    assert.equal(crossItem.description, '1 error');
    assert.equal(crossItem.contextValue, 'rule.help');
    const [finding] = await api.views.foundations.getChildren(cross);
    const findingItem = api.views.foundations.getTreeItem(finding);
    assert.match(label(findingItem), /Domain "catalog" imports domain "orders"/);
    assert.equal(findingItem.description, 'product.ts:4');
    assert.equal(findingItem.contextValue, 'finding');
    note(`tree: ${items.map((i) => `${label(i)} (${i.description})`).join('; ')}`);
  });

  it('opens a finding’s location when it is clicked', async () => {
    const roots = await foundationsRoots();
    const [finding] = await api.views.foundations.getChildren(await child(roots[1], 'public-api-bypass'));
    const command = api.views.foundations.getTreeItem(finding).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const editor = await waitFor('discounts.ts to open at the import', () => {
      const e = vscode.window.activeTextEditor;
      return e?.document.uri.path.endsWith('/src/billing/core/discounts.ts') && e.selection.start.line === 1 && e;
    });
    assert.equal(editor.selection.start.character, 31);
    assert.equal(editor.document.getText(editor.selection), "'../../catalog/core/pricing'");
  });

  it('shows project checks with the files they judged by', async () => {
    const roots = await foundationsRoots();
    const coreTests = await child(roots[3], "Tests for each domain's core");
    const item = api.views.foundations.getTreeItem(coreTests);
    assert.equal(item.description, 'fail');
    assert.equal(item.contextValue, 'projectCheck.fail');
    const evidence = (await api.views.foundations.getChildren(coreTests)).map((e) => api.views.foundations.getTreeItem(e));
    assert.deepEqual(evidence.map(label), ['src/billing', 'src/catalog', 'src/orders', 'src/shared']);
    assert.equal(evidence[0].command?.command, 'revealInExplorer');
  });

  it('filters to one domain: the findings in its files, as the Domains view counts them; project checks labelled project-wide; and back', async () => {
    await vscode.commands.executeCommand('foundations.filterByDomain', 'catalog');
    assert.equal(api.views.foundationsView.description, 'domain catalog');
    const roots = await foundationsRoots();
    const children = (await Promise.all(roots.map((r) => api.views.foundations.getChildren(r)))).flat();
    const rules = children.filter((c) => c.type === 'check' && c.node.kind === 'rule').map((c) => label(api.views.foundations.getTreeItem(c)));
    assert.deepEqual(rules, ['cross-domain-import', 'domain-cycle'], "billing's bypass of catalog is billing's finding");
    // The same count the Domains view shows for catalog ("2 errors").
    assert.deepEqual(roots.map((r) => api.views.foundations.getTreeItem(r).description), ['2 errors', 'no matching findings', '2 failing checks', '3 failing checks']);
    const coreTests = api.views.foundations.getTreeItem(await child(roots[3], "Tests for each domain's core"));
    assert.equal(coreTests.description, 'fail · project-wide');
    await vscode.commands.executeCommand('foundations.clearFilter');
    assert.equal(api.views.foundationsView.description, undefined);
  });

  it('lists the domains: undeclared dependencies flagged, unused ones dimmed, owners, public API', async () => {
    const domains = api.views.domains;
    const roots = await waitFor('the domains', async () => {
      const r = await domains.getChildren();
      return r.filter((e) => e.type === 'domain').length === 4 && r;
    });
    const byName = new Map(roots.map((r) => [label(domains.getTreeItem(r)), r]));
    const catalog = byName.get('catalog')!;
    assert.equal(domains.getTreeItem(catalog).description, '@catalog-team · 2 errors · in a cycle');
    assert.equal(domains.getTreeItem(catalog).contextValue, 'domain');
    const groups = await domains.getChildren(catalog);
    const dependencies = groups.find((g) => label(domains.getTreeItem(g)) === 'Dependencies') as DomainsElement;
    const deps = (await domains.getChildren(dependencies)).map((d) => domains.getTreeItem(d));
    assert.deepEqual(deps.map((d) => `${label(d)}: ${d.description}`), ['orders: undeclared — not in dependsOn · 1 file · cycle', 'shared: declared · 2 files']);
    const orders = await domains.getChildren(await domains.getChildren(byName.get('orders')!).then((g) => g.find((x) => label(domains.getTreeItem(x)) === 'Dependencies')!));
    assert.equal(domains.getTreeItem(orders.find((o) => label(domains.getTreeItem(o)) === 'shared')!).contextValue, 'dependency.unused');
  });

  it('says when there is no debt register', async () => {
    const items = (await api.views.debt.getChildren()).map((e) => api.views.debt.getTreeItem(e));
    assert.match(label(items[0]), /No debt accepted/);
  });

  it('opens the domain graph in a webview that loads its bundled script under the CSP', async () => {
    await vscode.commands.executeCommand('foundations.showDomainGraph');
    // The webview asks for the graph only once its script runs: a blocked or missing script never asks.
    const graph = await waitFor('the webview to load and receive the graph', () => api.views.graph.graph, 30_000);
    assert.deepEqual(graph.nodes.map((n) => n.name), ['billing', 'catalog', 'orders', 'shared']);
    assert.deepEqual(graph.edges.filter((e) => e.violating).map((e) => `${e.from}→${e.to}`), ['catalog→orders']);
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
  });

  // Last: the register it writes stays in the workspace (VS Code keeps its document open, so the server keeps it too).
  it('"Accept as debt…" saves the register it writes, as "Prune Stale Debt Entries" does, so the CLI and CI see it', async function () {
    // The prompts are answered by typing into them, which only the code-server runner can do.
    if (!bridgeAvailable()) this.skip();
    const relative = 'src/reports/sales-report.ts';
    const register = fileUri('foundations-debt.json');
    await openEditor(relative);
    const d = await waitForDiagnostic(relative, 'unassigned-file', 1);
    const accept = await waitFor('the "Accept as debt…" action', async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', fileUri(relative), d.range, vscode.CodeActionKind.QuickFix.value);
      return all.find((a) => /^Accept as debt/.test(a.title) && a.command);
    });
    const applied = vscode.commands.executeCommand(accept.command!.command, ...(accept.command!.arguments ?? []));
    for (const [prompt, text] of [['Why does the team accept', 'reports move to a domain in Q3'], ['Until when', '']]) {
      const answer = await askRunner<{ error?: string }>({ type: 'quickInput', prompt, text });
      assert.equal(answer.error, undefined, `answering "${prompt}"`);
    }
    await applied;
    const document = vscode.workspace.textDocuments.find((doc) => doc.uri.fsPath === register.fsPath);
    assert.ok(document && !document.isDirty, 'the register is saved, not left as a dirty buffer');
    assert.match(new TextDecoder().decode(await vscode.workspace.fs.readFile(register)), /reports move to a domain in Q3/, 'on disk');
    await waitFor('the finding to be accepted (information)', () =>
      foundationsDiagnostics(fileUri(relative)).some((x) => codeOf(x) === 'unassigned-file' && x.severity === vscode.DiagnosticSeverity.Information),
    );
    const entries = await waitFor('the entry in the Debt Register view', async () => {
      const items = (await api.views.debt.getChildren()).map((e) => api.views.debt.getTreeItem(e));
      return items.some((i) => /unassigned-file/.test(label(i))) && items;
    });
    note(`debt register: ${entries.map(label).join(', ')}`);
  });
});
