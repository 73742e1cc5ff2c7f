import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  type CheckNode,
  type CheckStatus,
  type Counts,
  type EvidenceNode,
  type FindingNode,
  FoundationsFindings,
  FoundationsTree,
  type FoundationsTreeResult,
  type FoundationNode,
  type TreeFilter,
} from '../../protocol';

/** What the filter is set to; "active file" follows the active editor. */
export type FilterChoice = { kind: 'all' } | { kind: 'errors' } | { kind: 'problems' } | { kind: 'activeFile' } | { kind: 'domain'; domain: string };

export type FoundationsElement =
  | { type: 'folder'; folderUri: string; name: string; foundations: FoundationNode[]; ready: boolean; unconfigured?: boolean }
  | { type: 'foundation'; folderUri: string; node: FoundationNode }
  | { type: 'check'; folderUri: string; node: CheckNode }
  | { type: 'finding'; folderUri: string; node: FindingNode }
  | { type: 'evidence'; folderUri: string; node: EvidenceNode }
  | { type: 'message'; text: string; icon?: string; tooltip?: string };

/** How a workspace folder without foundations.json is described in the views. */
export const NOT_CONFIGURED = 'not configured: no foundations.json';

/** The command a click on a finding or an evidence runs: open the file at the range. */
export const OPEN_LOCATION_COMMAND = 'foundations.openLocation';

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function describeCounts(c: Counts): string {
  const parts = [c.errors > 0 ? plural(c.errors, 'error') : '', c.warnings > 0 ? plural(c.warnings, 'warning') : '', c.infos > 0 ? `${c.infos} info` : ''].filter(Boolean);
  return parts.join(' · ');
}

function statusIcon(status: CheckStatus, counts?: Counts): vscode.ThemeIcon {
  if (status === 'not-applicable') return new vscode.ThemeIcon('circle-slash', new vscode.ThemeColor('disabledForeground'));
  if (status === 'pass') return new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed'));
  if (counts && counts.errors === 0 && counts.warnings > 0) return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
}

function severityIcon(severity: FindingNode['severity'], debt: boolean): vscode.ThemeIcon {
  if (severity === 'error') return new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
  if (severity === 'warning') return new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'));
  return new vscode.ThemeIcon(debt ? 'law' : 'info', new vscode.ThemeColor('notificationsInfoIcon.foreground'));
}

/**
 * The Foundations tree: the four foundations → their checks (rules and project checks) with
 * pass/fail and counts → findings (rules) or evidence (project checks). The data comes from the
 * server (`foundations/tree`, then `foundations/findings` when a rule is expanded).
 */
export class FoundationsTreeProvider implements vscode.TreeDataProvider<FoundationsElement> {
  private readonly changed = new vscode.EventEmitter<FoundationsElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private filterValue: FilterChoice = { kind: 'all' };
  private last: FoundationsTreeResult | undefined;
  private readonly totalsChanged = new vscode.EventEmitter<Counts>();
  /** Unfiltered totals after each load (the view's badge). */
  readonly onDidChangeTotals = this.totalsChanged.event;

  constructor(private readonly client: LanguageClient) {}

  get filter(): FilterChoice {
    return this.filterValue;
  }

  setFilter(filter: FilterChoice): void {
    this.filterValue = filter;
    this.refresh();
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  /** A human description of the filter, for the view's description. */
  describeFilter(): string | undefined {
    switch (this.filterValue.kind) {
      case 'errors':
        return 'errors only';
      case 'problems':
        return 'errors and warnings';
      case 'activeFile': {
        const editor = vscode.window.activeTextEditor;
        return editor ? `in ${path.basename(editor.document.uri.fsPath)}` : 'in the active file (none)';
      }
      case 'domain':
        return `domain ${this.filterValue.domain}`;
      default:
        return undefined;
    }
  }

  private protocolFilter(): TreeFilter | undefined {
    switch (this.filterValue.kind) {
      case 'errors':
        return { severity: 'error' };
      case 'problems':
        return { severity: 'warning' };
      case 'activeFile': {
        const uri = vscode.window.activeTextEditor?.document.uri;
        // No file open: nothing matches, rather than everything.
        return { fileUri: uri?.scheme === 'file' ? uri.toString() : 'file:///no-active-file' };
      }
      case 'domain':
        return { domain: this.filterValue.domain };
      default:
        return undefined;
    }
  }

  async getChildren(element?: FoundationsElement): Promise<FoundationsElement[]> {
    if (!element) return this.roots();
    switch (element.type) {
      case 'folder':
        // Empty, so the view shows its welcome content (package.json viewsWelcome): "Create foundations.json".
        if (element.unconfigured) return [];
        return element.ready ? element.foundations.map((node) => ({ type: 'foundation', folderUri: element.folderUri, node })) : [{ type: 'message', text: 'Checking the workspace…', icon: 'sync~spin' }];
      case 'foundation':
        return element.node.checks.length > 0
          ? element.node.checks.map((node) => ({ type: 'check', folderUri: element.folderUri, node }))
          : [{ type: 'message', text: 'No matching findings', icon: 'filter' }];
      case 'check':
        if (element.node.kind === 'project') return (element.node.evidence ?? []).map((node) => ({ type: 'evidence', folderUri: element.folderUri, node }));
        return this.findings(element.folderUri, element.node);
      default:
        return [];
    }
  }

  private async roots(): Promise<FoundationsElement[]> {
    if (!this.client.isRunning()) return [{ type: 'message', text: 'The Foundations server is not running.', icon: 'debug-disconnect' }];
    let result: FoundationsTreeResult;
    try {
      result = await this.client.sendRequest(FoundationsTree.type, { filter: this.protocolFilter() });
    } catch (err) {
      return [{ type: 'message', text: `Could not load the tree: ${(err as Error).message}`, icon: 'warning' }];
    }
    this.last = result;
    this.totalsChanged.fire(result.totals);
    if (result.folders.length === 0) return [{ type: 'message', text: 'Open a folder with a foundations.json.', icon: 'info' }];
    if (result.folders.length === 1) {
      const [folder] = result.folders;
      return this.getChildren({ type: 'folder', ...folder });
    }
    return result.folders.map((f) => ({ type: 'folder', ...f }));
  }

  private async findings(folderUri: string, check: CheckNode): Promise<FoundationsElement[]> {
    const result = await this.client.sendRequest(FoundationsFindings.type, { folderUri, ruleId: check.id, filter: this.protocolFilter() });
    const items: FoundationsElement[] = result.findings.map((node) => ({ type: 'finding', folderUri, node }));
    if (result.truncated > 0) items.push({ type: 'message', text: `${result.truncated} more — see the Problems panel`, icon: 'ellipsis' });
    return items;
  }

  getTreeItem(element: FoundationsElement): vscode.TreeItem {
    switch (element.type) {
      case 'folder': {
        const item = new vscode.TreeItem(element.name, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon('root-folder');
        if (element.unconfigured) item.description = NOT_CONFIGURED;
        item.contextValue = 'folder';
        item.id = `folder:${element.folderUri}`;
        return item;
      }
      case 'foundation': {
        const { node } = element;
        const item = new vscode.TreeItem(node.title, node.status === 'fail' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
        const failing = node.checks.filter((c) => c.status === 'fail').length;
        // Filtered, a foundation without checks has none that match: it is not "not applicable".
        const unmatched = this.filterValue.kind !== 'all' && node.checks.length === 0;
        const verdict = unmatched ? 'no matching findings' : node.status === 'fail' ? plural(failing, 'failing check') : node.status === 'pass' ? 'passing' : 'not applicable';
        item.description = describeCounts(node.counts) || verdict;
        item.iconPath = unmatched ? new vscode.ThemeIcon('filter') : statusIcon(node.status, node.counts);
        item.tooltip = new vscode.MarkdownString(`**${node.title}** — ${verdict}\n\n${node.checks.length} checks`);
        item.contextValue = `foundation.${node.status}`;
        item.id = `${element.folderUri}#${node.id}`;
        return item;
      }
      case 'check':
        return this.checkItem(element.folderUri, element.node);
      case 'finding':
        return this.findingItem(element.node);
      case 'evidence': {
        const { node } = element;
        const item = new vscode.TreeItem(`${node.path}${node.line !== undefined ? `:${node.line + 1}` : ''}`, vscode.TreeItemCollapsibleState.None);
        item.description = node.note;
        item.tooltip = `${node.path}${node.line !== undefined ? `:${node.line + 1}` : ''} — ${node.note}`;
        item.iconPath = node.folder ? vscode.ThemeIcon.Folder : vscode.ThemeIcon.File;
        item.resourceUri = vscode.Uri.parse(node.uri);
        item.contextValue = node.folder ? 'evidence.folder' : 'evidence';
        item.command = node.folder
          ? { command: 'revealInExplorer', title: 'Reveal in Explorer', arguments: [vscode.Uri.parse(node.uri)] }
          : {
              command: OPEN_LOCATION_COMMAND,
              title: 'Open',
              arguments: [node.uri, node.line !== undefined ? { start: { line: node.line, character: 0 }, end: { line: node.line, character: 0 } } : undefined],
            };
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(element.text, vscode.TreeItemCollapsibleState.None);
        if (element.icon) item.iconPath = new vscode.ThemeIcon(element.icon);
        item.tooltip = element.tooltip;
        item.contextValue = 'message';
        return item;
      }
    }
  }

  private checkItem(folderUri: string, node: CheckNode): vscode.TreeItem {
    const total = node.counts.errors + node.counts.warnings + node.counts.infos;
    const expandable = node.kind === 'project' ? (node.evidence?.length ?? 0) > 0 : total > 0;
    const item = new vscode.TreeItem(node.kind === 'rule' ? node.id : node.title, expandable ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
    item.id = `${folderUri}#${node.kind}:${node.id}`;
    item.iconPath = statusIcon(node.status, node.counts);
    if (node.kind === 'rule') {
      item.description = node.severity === 'off' ? 'off' : describeCounts(node.counts) || 'passing';
      item.tooltip = new vscode.MarkdownString(`**${node.id}** — ${node.title}\n\n${node.severity === 'off' ? 'Switched off in foundations.json.' : `Severity ${node.severity}; ${describeCounts(node.counts) || 'no findings'}.`}`);
      item.contextValue = node.helpUri ? 'rule.help' : 'rule';
    } else {
      const verdict = node.status === 'pass' ? 'pass' : node.status === 'fail' ? 'fail' : 'n/a';
      // A project check judges the whole workspace: a domain or file filter does not narrow it, and says so.
      const narrowed = this.filterValue.kind === 'domain' || this.filterValue.kind === 'activeFile';
      item.description = narrowed ? `${verdict} · project-wide` : verdict;
      item.tooltip = new vscode.MarkdownString(`**${node.title}** — ${verdict}${narrowed ? ' (project-wide: the filter does not narrow it)' : ''}\n\n${node.summary ?? ''}`);
      item.contextValue = `projectCheck.${node.status}`;
    }
    return item;
  }

  private findingItem(node: FindingNode): vscode.TreeItem {
    const uri = vscode.Uri.parse(node.uri);
    const item = new vscode.TreeItem(node.message, vscode.TreeItemCollapsibleState.None);
    item.description = `${path.basename(uri.fsPath)}:${node.range.start.line + 1}`;
    item.iconPath = severityIcon(node.severity, !!node.debt);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${node.ruleId}** · ${node.severity}\n\n`);
    tooltip.appendText(node.message);
    tooltip.appendMarkdown(`\n\n\`${vscode.workspace.asRelativePath(uri)}:${node.range.start.line + 1}:${node.range.start.character + 1}\``);
    item.tooltip = tooltip;
    item.contextValue = node.debt ? `finding.debt.${node.debt.status}` : 'finding';
    item.command = { command: OPEN_LOCATION_COMMAND, title: 'Open', arguments: [node.uri, node.range] };
    return item;
  }

  /** The last answer of the server (tests read it). */
  get lastResult(): FoundationsTreeResult | undefined {
    return this.last;
  }
}
