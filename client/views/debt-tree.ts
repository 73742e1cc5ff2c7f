import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type DebtEntryNode, FoundationsDebt, type FoundationsDebtResult, type FolderDebt } from '../../protocol';
import { OPEN_LOCATION_COMMAND } from './foundations-tree';

export type DebtElement =
  | { type: 'folder'; folder: FolderDebt }
  | { type: 'entry'; folder: FolderDebt; entry: DebtEntryNode }
  | { type: 'message'; text: string; icon?: string; command?: vscode.Command };

/** The debt register: each accepted finding with its reason, owner and expiry; stale and expired ones flagged. */
export class DebtTreeProvider implements vscode.TreeDataProvider<DebtElement> {
  private readonly changed = new vscode.EventEmitter<DebtElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private last: FoundationsDebtResult | undefined;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  get lastResult(): FoundationsDebtResult | undefined {
    return this.last;
  }

  async getChildren(element?: DebtElement): Promise<DebtElement[]> {
    if (!element) {
      if (!this.client.isRunning()) return [{ type: 'message', text: 'The Foundations server is not running.', icon: 'debug-disconnect' }];
      try {
        this.last = await this.client.sendRequest(FoundationsDebt.type, {});
      } catch (err) {
        return [{ type: 'message', text: `Could not load the debt register: ${(err as Error).message}`, icon: 'warning' }];
      }
      if (this.last.folders.length === 1) return this.getChildren({ type: 'folder', folder: this.last.folders[0] });
      return this.last.folders.map((folder) => ({ type: 'folder', folder }));
    }
    if (element.type !== 'folder') return [];
    const { folder } = element;
    if (!folder.ready) return [{ type: 'message', text: 'Checking the workspace…', icon: 'sync~spin' }];
    if (!folder.exists) {
      return [{ type: 'message', text: 'No debt accepted. "Accept as debt…" on a finding adds it here.', icon: 'info' }];
    }
    const items: DebtElement[] = folder.entries.map((entry) => ({ type: 'entry', folder, entry }));
    if (folder.problems > 0) {
      items.unshift({
        type: 'message',
        text: `${folder.problems} problem${folder.problems === 1 ? '' : 's'} in the register`,
        icon: 'warning',
        command: { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.parse(folder.debtUri)] },
      });
    }
    if (items.length === 0) items.push({ type: 'message', text: 'The register is empty.', icon: 'pass' });
    return items;
  }

  getTreeItem(element: DebtElement): vscode.TreeItem {
    if (element.type === 'folder') {
      const item = new vscode.TreeItem(element.folder.name, vscode.TreeItemCollapsibleState.Expanded);
      item.iconPath = new vscode.ThemeIcon('root-folder');
      item.contextValue = 'debtFolder';
      return item;
    }
    if (element.type === 'message') {
      const item = new vscode.TreeItem(element.text, vscode.TreeItemCollapsibleState.None);
      if (element.icon) item.iconPath = new vscode.ThemeIcon(element.icon);
      item.command = element.command;
      return item;
    }
    const { entry, folder } = element;
    const file = entry.file.split('/').pop() ?? entry.file;
    const item = new vscode.TreeItem(`${entry.rule} · ${file}`, vscode.TreeItemCollapsibleState.None);
    const when = entry.expires ? (entry.status === 'expired' ? `expired ${entry.expires}` : `until ${entry.expires}`) : '';
    item.description = [entry.status === 'stale' ? 'stale — fixed?' : '', entry.reason, entry.owner ?? '', when].filter(Boolean).join(' · ');
    item.iconPath =
      entry.status === 'expired'
        ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
        : entry.status === 'stale'
          ? new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground'))
          : new vscode.ThemeIcon('law');
    const md = new vscode.MarkdownString();
    md.appendMarkdown(`**${entry.rule}** in \`${entry.file}\` — ${entry.status === 'stale' ? 'stale: no finding matches it any more' : entry.status}\n\n`);
    md.appendMarkdown(`**Reason:** `);
    md.appendText(entry.reason);
    if (entry.owner) md.appendMarkdown(`\n\n**Owner:** ${entry.owner}`);
    if (entry.expires) md.appendMarkdown(`\n\n**Expires:** ${entry.expires}`);
    md.appendMarkdown(`\n\n**Fingerprint:** \`${entry.fingerprint}\``);
    item.tooltip = md;
    item.contextValue = `debtEntry.${entry.status}`;
    item.command =
      entry.findingRange && entry.status !== 'stale'
        ? { command: OPEN_LOCATION_COMMAND, title: 'Open the finding', arguments: [entry.fileUri, entry.findingRange] }
        : { command: OPEN_LOCATION_COMMAND, title: 'Open the entry', arguments: [folder.debtUri, entry.range] };
    return item;
  }
}
