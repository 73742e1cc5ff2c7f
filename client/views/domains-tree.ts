import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type DomainDependencyNode, type DomainInfo, FoundationsDomains, type FoundationsDomainsResult } from '../../protocol';
import { NOT_CONFIGURED, describeCounts } from './foundations-tree';

export type DomainsElement =
  | { type: 'folder'; folderUri: string; name: string; domains: DomainInfo[]; ready: boolean; unconfigured?: boolean }
  | { type: 'domain'; folderUri: string; domain: DomainInfo; configUri?: string }
  | { type: 'group'; folderUri: string; domain: DomainInfo; group: 'dependencies' | 'owners' | 'publicApi' }
  | { type: 'dependency'; folderUri: string; domain: DomainInfo; dependency: DomainDependencyNode }
  | { type: 'file'; uri: string; path: string }
  | { type: 'owner'; owner: string }
  | { type: 'findings'; domain: DomainInfo }
  | { type: 'message'; text: string; icon?: string };

/** The command a click on a domain's "findings" runs: filter the Foundations tree to the domain. */
export const FILTER_DOMAIN_COMMAND = 'foundations.filterByDomain';

/**
 * The Domains tree: each domain → its dependencies (declared and actual: undeclared ones flagged,
 * unused declared ones dimmed), owners and public API files, with finding counts.
 */
export class DomainsTreeProvider implements vscode.TreeDataProvider<DomainsElement> {
  private readonly changed = new vscode.EventEmitter<DomainsElement | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private last: FoundationsDomainsResult | undefined;

  constructor(private readonly client: LanguageClient) {}

  refresh(): void {
    this.changed.fire(undefined);
  }

  get lastResult(): FoundationsDomainsResult | undefined {
    return this.last;
  }

  /** The element of a domain, for `TreeView.reveal` (the graph's node clicks). */
  async findDomain(name: string, folderUri?: string): Promise<DomainsElement | undefined> {
    const result = this.last ?? (await this.load());
    const folder = result?.folders.find((f) => (!folderUri || f.folderUri === folderUri) && f.domains.some((d) => d.name === name));
    const domain = folder?.domains.find((d) => d.name === name);
    return folder && domain ? this.domainElement(folder.folderUri, domain, folder.configUri) : undefined;
  }

  private readonly elements = new Map<string, DomainsElement>();

  /** One object per domain, so reveal() finds the element the tree holds. */
  private domainElement(folderUri: string, domain: DomainInfo, configUri?: string): DomainsElement {
    const key = `${folderUri}#${domain.name}`;
    const existing = this.elements.get(key);
    if (existing && existing.type === 'domain') {
      existing.domain = domain;
      existing.configUri = configUri;
      return existing;
    }
    const element: DomainsElement = { type: 'domain', folderUri, domain, configUri };
    this.elements.set(key, element);
    return element;
  }

  private async load(): Promise<FoundationsDomainsResult | undefined> {
    if (!this.client.isRunning()) return undefined;
    this.last = await this.client.sendRequest(FoundationsDomains.type, {});
    return this.last;
  }

  getParent(element: DomainsElement): DomainsElement | undefined {
    if (element.type === 'domain' && (this.last?.folders.length ?? 0) > 1) {
      const folder = this.last!.folders.find((f) => f.folderUri === element.folderUri);
      return folder ? { type: 'folder', ...folder } : undefined;
    }
    return undefined;
  }

  async getChildren(element?: DomainsElement): Promise<DomainsElement[]> {
    if (!element) {
      let result: FoundationsDomainsResult | undefined;
      try {
        result = await this.load();
      } catch (err) {
        return [{ type: 'message', text: `Could not load the domains: ${(err as Error).message}`, icon: 'warning' }];
      }
      if (!result) return [{ type: 'message', text: 'The Foundations server is not running.', icon: 'debug-disconnect' }];
      if (result.folders.length === 1) return this.getChildren({ type: 'folder', ...result.folders[0] });
      return result.folders.map((f) => ({ type: 'folder', ...f }));
    }
    switch (element.type) {
      case 'folder': {
        if (!element.ready) return [{ type: 'message', text: 'Checking the workspace…', icon: 'sync~spin' }];
        // Empty, so the view shows its welcome content (package.json viewsWelcome): "Create foundations.json".
        if (element.unconfigured) return [];
        if (element.domains.length === 0) return [{ type: 'message', text: 'No domains: declare them in foundations.json.', icon: 'info' }];
        const folder = this.last?.folders.find((f) => f.folderUri === element.folderUri);
        return element.domains.map((domain) => this.domainElement(element.folderUri, domain, folder?.configUri));
      }
      case 'domain':
        return [
          { type: 'findings', domain: element.domain },
          ...(['dependencies', 'owners', 'publicApi'] as const).map((group): DomainsElement => ({ type: 'group', folderUri: element.folderUri, domain: element.domain, group })),
        ];
      case 'group': {
        const { domain } = element;
        if (element.group === 'owners') return domain.owners.length > 0 ? domain.owners.map((owner) => ({ type: 'owner', owner })) : [{ type: 'message', text: 'No owners declared', icon: 'question' }];
        if (element.group === 'publicApi') {
          if (domain.publicApi === '*') return [{ type: 'message', text: 'Every file is public ("*")', icon: 'globe' }];
          return domain.publicApiFiles.length > 0 ? domain.publicApiFiles.map((f) => ({ type: 'file', uri: f.uri, path: f.path })) : [{ type: 'message', text: `No file matches ${domain.publicApi.join(', ')}`, icon: 'warning' }];
        }
        return domain.dependencies.length > 0
          ? domain.dependencies.map((dependency) => ({ type: 'dependency', folderUri: element.folderUri, domain, dependency }))
          : [{ type: 'message', text: 'Depends on no other domain', icon: 'check' }];
      }
      case 'dependency': {
        const root = vscode.Uri.parse(element.folderUri);
        return element.dependency.files.map((p) => ({ type: 'file', uri: vscode.Uri.joinPath(root, ...p.split('/')).toString(), path: p }));
      }
      default:
        return [];
    }
  }

  getTreeItem(element: DomainsElement): vscode.TreeItem {
    switch (element.type) {
      case 'folder': {
        const item = new vscode.TreeItem(element.name, vscode.TreeItemCollapsibleState.Expanded);
        item.iconPath = new vscode.ThemeIcon('root-folder');
        if (element.unconfigured) item.description = NOT_CONFIGURED;
        return item;
      }
      case 'domain': {
        const { domain } = element;
        const item = new vscode.TreeItem(domain.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.id = `${element.folderUri}#domain:${domain.name}`;
        const undeclared = domain.dependencies.filter((d) => d.actual && !d.declared).length;
        item.description = [domain.owners.join(', '), describeCounts(domain.counts) || 'no findings', domain.inCycle ? 'in a cycle' : ''].filter(Boolean).join(' · ');
        item.iconPath =
          domain.counts.errors > 0 || undeclared > 0
            ? new vscode.ThemeIcon('package', new vscode.ThemeColor('list.errorForeground'))
            : domain.counts.warnings > 0
              ? new vscode.ThemeIcon('package', new vscode.ThemeColor('list.warningForeground'))
              : new vscode.ThemeIcon('package');
        const md = new vscode.MarkdownString(`**${domain.name}** — \`${domain.path}\`, ${domain.files} files\n\n`);
        md.appendMarkdown(`Owners: ${domain.owners.join(', ') || 'none declared'}\n\n`);
        md.appendMarkdown(`Depends on: ${domain.dependencies.filter((d) => d.declared).map((d) => d.domain).join(', ') || 'nothing'}`);
        if (undeclared > 0) md.appendMarkdown(`\n\n$(error) ${undeclared} undeclared dependenc${undeclared === 1 ? 'y' : 'ies'}`);
        if (domain.inCycle) md.appendMarkdown('\n\n$(sync) part of a dependency cycle');
        md.supportThemeIcons = true;
        item.tooltip = md;
        item.resourceUri = vscode.Uri.parse(domain.uri);
        item.contextValue = 'domain';
        return item;
      }
      case 'group': {
        const { domain, group } = element;
        if (group === 'owners') {
          const item = new vscode.TreeItem('Owners', vscode.TreeItemCollapsibleState.Collapsed);
          item.description = domain.owners.join(', ') || 'none';
          item.iconPath = new vscode.ThemeIcon('organization');
          return item;
        }
        if (group === 'publicApi') {
          const item = new vscode.TreeItem('Public API', vscode.TreeItemCollapsibleState.Collapsed);
          item.description = domain.publicApi === '*' ? 'everything' : domain.publicApiFiles.map((f) => f.path.split('/').pop()).join(', ');
          item.iconPath = new vscode.ThemeIcon('symbol-interface');
          return item;
        }
        const undeclared = domain.dependencies.filter((d) => d.actual && !d.declared).length;
        const unused = domain.dependencies.filter((d) => d.declared && !d.actual).length;
        const item = new vscode.TreeItem('Dependencies', vscode.TreeItemCollapsibleState.Expanded);
        item.description = [`${domain.dependencies.filter((d) => d.declared).length} declared`, undeclared ? `${undeclared} undeclared` : '', unused ? `${unused} unused` : ''].filter(Boolean).join(' · ');
        item.iconPath = new vscode.ThemeIcon('references');
        item.id = `${element.folderUri}#deps:${domain.name}`;
        return item;
      }
      case 'dependency': {
        const d = element.dependency;
        const state = d.actual && !d.declared ? 'undeclared' : d.declared && !d.actual ? 'unused' : 'declared';
        const item = new vscode.TreeItem(d.domain, d.files.length > 0 ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
        const files = d.files.length > 0 ? ` · ${d.files.length} file${d.files.length === 1 ? '' : 's'}` : '';
        item.description = `${state === 'undeclared' ? 'undeclared — not in dependsOn' : state === 'unused' ? 'declared, unused' : 'declared'}${files}${d.inCycle ? ' · cycle' : ''}`;
        item.iconPath =
          state === 'undeclared'
            ? new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'))
            : state === 'unused'
              ? new vscode.ThemeIcon('circle-outline', new vscode.ThemeColor('disabledForeground'))
              : d.inCycle
                ? new vscode.ThemeIcon('sync', new vscode.ThemeColor('list.warningForeground'))
                : new vscode.ThemeIcon('arrow-right');
        item.tooltip = `${element.domain.name} → ${d.domain}: ${item.description}`;
        item.contextValue = `dependency.${state}`;
        return item;
      }
      case 'file': {
        const uri = vscode.Uri.parse(element.uri);
        const item = new vscode.TreeItem(element.path, vscode.TreeItemCollapsibleState.None);
        item.resourceUri = uri;
        item.iconPath = vscode.ThemeIcon.File;
        item.command = { command: 'vscode.open', title: 'Open', arguments: [uri] };
        item.contextValue = 'file';
        return item;
      }
      case 'findings': {
        const { domain } = element;
        const item = new vscode.TreeItem('Findings', vscode.TreeItemCollapsibleState.None);
        item.description = describeCounts(domain.counts) || 'none';
        item.iconPath = new vscode.ThemeIcon(domain.counts.errors > 0 ? 'error' : domain.counts.warnings > 0 ? 'warning' : 'pass');
        item.tooltip = `Show the findings in ${domain.name}'s files in the Foundations tree`;
        item.command = { command: FILTER_DOMAIN_COMMAND, title: 'Show findings', arguments: [domain.name] };
        item.contextValue = 'domainFindings';
        return item;
      }
      case 'owner': {
        const item = new vscode.TreeItem(element.owner, vscode.TreeItemCollapsibleState.None);
        item.iconPath = new vscode.ThemeIcon('person');
        item.contextValue = 'owner';
        return item;
      }
      case 'message': {
        const item = new vscode.TreeItem(element.text, vscode.TreeItemCollapsibleState.None);
        if (element.icon) item.iconPath = new vscode.ThemeIcon(element.icon);
        return item;
      }
    }
  }
}
