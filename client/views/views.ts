import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FoundationsChanged, FoundationsDomains, type LspRange, PruneDebt, type StatusParams } from '../../protocol';
import { saveDebtRegister } from '../debt-register';
import { DebtTreeProvider } from './debt-tree';
import { DomainsTreeProvider, FILTER_DOMAIN_COMMAND } from './domains-tree';
import { type FilterChoice, type FoundationsElement, FoundationsTreeProvider, OPEN_LOCATION_COMMAND } from './foundations-tree';
import { DomainGraphPanel } from './graph-panel';

/** View and command ids, as package.json contributes them. */
export const VIEW_CONTAINER = 'foundations';
export const VIEWS = { foundations: 'foundations.tree', domains: 'foundations.domains', debt: 'foundations.debt' } as const;
export const FOCUS_VIEW_COMMAND = 'foundations.focusView';

/** How long the client waits after a change notification before it asks for the trees again. */
const REFRESH_DEBOUNCE_MS = 250;

export interface FoundationsViews extends vscode.Disposable {
  foundations: FoundationsTreeProvider;
  domains: DomainsTreeProvider;
  debt: DebtTreeProvider;
  graph: DomainGraphPanel;
  foundationsView: vscode.TreeView<FoundationsElement>;
  /** The status notification: it carries the totals the view's badge shows; undefined when the server stopped. */
  statusChanged(status: StatusParams | undefined): void;
  refresh(): void;
}

function toRange(range: LspRange | undefined): vscode.Range | undefined {
  return range && new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

/**
 * The Foundations view container: the Foundations, Domains and Debt register trees, the domain
 * graph, their commands, the badge, and the refresh on the server's change notification.
 */
export function registerViews(context: vscode.ExtensionContext, client: LanguageClient): FoundationsViews {
  const foundations = new FoundationsTreeProvider(client);
  const domains = new DomainsTreeProvider(client);
  const debt = new DebtTreeProvider(client);
  const foundationsView = vscode.window.createTreeView(VIEWS.foundations, { treeDataProvider: foundations, showCollapseAll: true });
  const domainsView = vscode.window.createTreeView(VIEWS.domains, { treeDataProvider: domains, showCollapseAll: true });
  const debtView = vscode.window.createTreeView(VIEWS.debt, { treeDataProvider: debt });

  const revealDomain = async (name: string, folderUri?: string) => {
    const element = await domains.findDomain(name, folderUri);
    if (element) await domainsView.reveal(element, { select: true, focus: true, expand: true });
  };
  const graph = new DomainGraphPanel(context.extensionUri, client, revealDomain);

  const refresh = () => {
    foundations.refresh();
    domains.refresh();
    debt.refresh();
    void graph.refresh();
  };
  let timer: NodeJS.Timeout | undefined;
  const refreshSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, REFRESH_DEBOUNCE_MS);
  };

  const setFilter = async (filter: FilterChoice) => {
    foundations.setFilter(filter);
    foundationsView.description = foundations.describeFilter();
    await vscode.commands.executeCommand('setContext', 'foundations.treeFiltered', filter.kind !== 'all');
  };

  const openLocation = async (uri: string, range?: LspRange) => {
    const selection = toRange(range);
    await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, preview: true });
  };

  const findingOf = (element: FoundationsElement | undefined) => (element?.type === 'finding' ? element.node : undefined);

  const disposables: vscode.Disposable[] = [
    foundationsView,
    domainsView,
    debtView,
    graph,
    client.onNotification(FoundationsChanged.type, refreshSoon),
    client.onDidChangeState(() => refreshSoon()),
    vscode.window.onDidChangeActiveTextEditor(() => {
      if (foundations.filter.kind !== 'activeFile') return;
      foundationsView.description = foundations.describeFilter();
      foundations.refresh();
    }),
    vscode.commands.registerCommand(FOCUS_VIEW_COMMAND, async () => {
      await vscode.commands.executeCommand(`workbench.view.extension.${VIEW_CONTAINER}`);
      await vscode.commands.executeCommand(`${VIEWS.foundations}.focus`);
    }),
    vscode.commands.registerCommand('foundations.refreshViews', refresh),
    vscode.commands.registerCommand(OPEN_LOCATION_COMMAND, openLocation),
    vscode.commands.registerCommand('foundations.filter', async () => {
      const active = vscode.window.activeTextEditor?.document.uri;
      const picks: (vscode.QuickPickItem & { choice?: FilterChoice; domain?: true })[] = [
        { label: '$(list-flat) All findings', choice: { kind: 'all' } },
        { label: '$(error) Errors only', choice: { kind: 'errors' } },
        { label: '$(warning) Errors and warnings', choice: { kind: 'problems' } },
        { label: '$(file) The active file', description: active ? vscode.workspace.asRelativePath(active) : 'follows the active editor', choice: { kind: 'activeFile' } },
        { label: '$(package) A domain…', domain: true },
      ];
      const pick = await vscode.window.showQuickPick(picks, { placeHolder: 'Show which findings in the Foundations view?' });
      if (!pick) return;
      if (pick.choice) return setFilter(pick.choice);
      const result = domains.lastResult ?? (await client.sendRequest(FoundationsDomains.type, {}));
      const names = [...new Set(result.folders.flatMap((f) => f.domains.map((d) => d.name)))].sort();
      const domain = await vscode.window.showQuickPick(names, { placeHolder: "Findings in which domain's files?" });
      if (domain) await setFilter({ kind: 'domain', domain });
    }),
    vscode.commands.registerCommand('foundations.clearFilter', () => setFilter({ kind: 'all' })),
    vscode.commands.registerCommand(FILTER_DOMAIN_COMMAND, async (domain: string) => {
      await setFilter({ kind: 'domain', domain });
      await vscode.commands.executeCommand(`${VIEWS.foundations}.focus`);
    }),
    vscode.commands.registerCommand('foundations.copyFinding', async (element?: FoundationsElement) => {
      const finding = findingOf(element ?? foundationsView.selection[0]);
      if (!finding) return;
      const where = `${vscode.workspace.asRelativePath(vscode.Uri.parse(finding.uri))}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
      await vscode.env.clipboard.writeText(`${where}: ${finding.severity}: ${finding.message} (${finding.ruleId})`);
      void vscode.window.setStatusBarMessage('Finding copied', 2000);
    }),
    vscode.commands.registerCommand('foundations.showRuleHelp', async (element?: FoundationsElement) => {
      const target = element ?? foundationsView.selection[0];
      const ruleId = target?.type === 'finding' ? target.node.ruleId : target?.type === 'check' && target.node.kind === 'rule' ? target.node.id : undefined;
      if (!ruleId) return;
      if (ruleId.startsWith('depcruise/')) {
        void vscode.window.showInformationMessage(`${ruleId} is a rule of the workspace's dependency-cruiser configuration: see its comment there.`);
        return;
      }
      await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(context.extensionUri, 'docs', 'rules', `${ruleId}.md`));
    }),
    vscode.commands.registerCommand('foundations.openInProblems', async (element?: FoundationsElement) => {
      const finding = findingOf(element ?? foundationsView.selection[0]);
      if (finding) await openLocation(finding.uri, finding.range);
      await vscode.commands.executeCommand('workbench.actions.view.problems');
    }),
    vscode.commands.registerCommand('foundations.revealDomainInExplorer', async (element?: { type: string; domain?: { uri: string } }) => {
      if (element?.type === 'domain' && element.domain) await vscode.commands.executeCommand('revealInExplorer', vscode.Uri.parse(element.domain.uri));
    }),
    vscode.commands.registerCommand('foundations.showDomainGraph', () => graph.show()),
    vscode.commands.registerCommand('foundations.pruneDebt', async () => {
      const folders = debt.lastResult?.folders ?? [];
      let removed = 0;
      for (const folder of folders.filter((f) => f.exists && f.entries.some((e) => e.status === 'stale'))) {
        const result = await client.sendRequest(PruneDebt.type, { folderUri: folder.folderUri });
        if (!result.edit) continue;
        const edit = await client.protocol2CodeConverter.asWorkspaceEdit(result.edit);
        if (!(await vscode.workspace.applyEdit(edit))) {
          void vscode.window.showErrorMessage(`Could not edit the debt register of ${folder.name}.`);
          continue;
        }
        await saveDebtRegister(vscode.Uri.parse(folder.debtUri));
        removed += result.removed;
      }
      void vscode.window.showInformationMessage(removed > 0 ? `Removed ${removed} stale debt entr${removed === 1 ? 'y' : 'ies'}.` : 'No stale debt entries to remove.');
    }),
    vscode.commands.registerCommand('foundations.openDebtRegister', async () => {
      const folder = debt.lastResult?.folders.find((f) => f.exists);
      if (folder) await vscode.window.showTextDocument(vscode.Uri.parse(folder.debtUri));
      else void vscode.window.showInformationMessage('There is no debt register yet: "Accept as debt…" on a finding creates it.');
    }),
  ];
  void vscode.commands.executeCommand('setContext', 'foundations.treeFiltered', false);

  return {
    foundations,
    domains,
    debt,
    graph,
    foundationsView,
    refresh,
    statusChanged(status: StatusParams | undefined) {
      const problems = status ? status.errors + status.warnings : 0;
      const count = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
      foundationsView.badge = status && problems > 0 ? { value: problems, tooltip: `${count(status.errors, 'error')}, ${count(status.warnings, 'warning')}` } : undefined;
    },
    dispose() {
      clearTimeout(timer);
      for (const d of disposables) d.dispose();
    },
  };
}
