import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DomainGraph, type DomainGraphResult } from '../../protocol';
import type { FromWebview, ToWebview } from './webview/messages';

/**
 * The domain dependency graph in a webview: laid out by dagre (bundled into dist/graph-webview.js,
 * no CDN), drawn as SVG, under a Content Security Policy that allows only our script (by nonce)
 * and our styles. Clicking a domain reveals it in the Domains view.
 */
export class DomainGraphPanel implements vscode.Disposable {
  static readonly viewType = 'foundations.domainGraph';
  private panel: vscode.WebviewPanel | undefined;
  private folderUri: string | undefined;
  private last: DomainGraphResult | undefined;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly client: LanguageClient,
    private readonly reveal: (domain: string, folderUri?: string) => Promise<void>,
  ) {}

  get isOpen(): boolean {
    return !!this.panel;
  }

  /** What the graph shows now (tests read it). */
  get graph(): DomainGraphResult | undefined {
    return this.last;
  }

  show(): void {
    if (this.panel) {
      this.panel.reveal();
      return;
    }
    const panel = vscode.window.createWebviewPanel(DomainGraphPanel.viewType, 'Domain Graph', vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.extensionUri, 'dist'), vscode.Uri.joinPath(this.extensionUri, 'media')],
    });
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'foundations.svg');
    panel.webview.html = this.html(panel.webview);
    this.panel = panel;
    panel.onDidDispose(() => (this.panel = undefined), undefined, this.disposables);
    panel.webview.onDidReceiveMessage((m: FromWebview) => this.received(m), undefined, this.disposables);
  }

  /** Fetches the graph again and redraws it, when the panel is open. */
  async refresh(): Promise<void> {
    if (!this.panel || !this.client.isRunning()) return;
    try {
      this.last = await this.client.sendRequest(DomainGraph.type, this.folderUri ? { folderUri: this.folderUri } : {});
      this.folderUri = this.last.folderUri;
      await this.panel.webview.postMessage({ type: 'graph', graph: this.last } satisfies ToWebview);
    } catch {
      // The server restarts or stops; the next change notification redraws.
    }
  }

  private async received(message: FromWebview): Promise<void> {
    if (message.type === 'ready' || message.type === 'refresh') await this.refresh();
    else if (message.type === 'openFolder') {
      this.folderUri = message.folderUri;
      await this.refresh();
    } else if (message.type === 'reveal') await this.reveal(message.domain, message.folderUri);
  }

  private html(webview: vscode.Webview): string {
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'graph-webview.js'));
    const csp = [
      "default-src 'none'",
      `img-src ${webview.cspSource} data:`,
      `style-src ${webview.cspSource} 'nonce-${nonce}'`,
      `script-src 'nonce-${nonce}'`,
      `font-src ${webview.cspSource}`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>Domain Graph</title>
<style nonce="${nonce}">
  body { padding: 0; margin: 0; color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); }
  header { display: flex; gap: 16px; align-items: center; flex-wrap: wrap; padding: 8px 14px; border-bottom: 1px solid var(--vscode-panel-border); }
  header h1 { font-size: 1.1em; margin: 0; font-weight: 600; }
  .legend { display: flex; gap: 14px; flex-wrap: wrap; opacity: 0.85; font-size: 0.92em; }
  .legend span { display: inline-flex; align-items: center; gap: 6px; }
  .swatch { width: 22px; height: 0; border-top: 2px solid var(--vscode-foreground); display: inline-block; }
  .swatch.unused { border-top: 2px dashed #9a9a9a; }
  .swatch.violating { border-top-color: #d33333; border-top-width: 3px; }
  .swatch.cycle { border-top-color: #e08a00; border-top-width: 3px; }
  select, button { background: var(--vscode-dropdown-background); color: var(--vscode-dropdown-foreground); border: 1px solid var(--vscode-dropdown-border); padding: 2px 6px; }
  #empty { padding: 24px; opacity: 0.8; }
  #canvas { padding: 12px; overflow: auto; }
  #canvas svg { max-width: 100%; height: auto; }
  svg .node rect { fill: var(--vscode-editorWidget-background); stroke: var(--vscode-foreground); stroke-opacity: 0.55; stroke-width: 1.2; rx: 6; }
  svg .node:hover rect, svg .node:focus rect { stroke: var(--vscode-focusBorder); stroke-opacity: 1; stroke-width: 2; }
  svg .node { cursor: pointer; outline: none; }
  svg .node.cycle rect { stroke: #e08a00; stroke-opacity: 1; stroke-width: 2.4; }
  svg .node text { fill: var(--vscode-foreground); font-size: 12.5px; }
  svg .node text.name { font-weight: 600; font-size: 14px; }
  svg .node text.detail { opacity: 0.75; }
  svg .node text.errors { fill: var(--vscode-errorForeground); opacity: 1; }
  svg .edge path { fill: none; stroke: var(--vscode-foreground); stroke-opacity: 0.6; stroke-width: 1.5; }
  svg .edge.unused path { stroke: #9a9a9a; stroke-dasharray: 5 4; stroke-opacity: 0.9; }
  svg .edge.cycle path { stroke: #e08a00; stroke-opacity: 1; stroke-width: 2.5; }
  svg .edge.violating path { stroke: #d33333; stroke-opacity: 1; stroke-width: 2.8; }
  svg .edge text { font-size: 11px; fill: var(--vscode-foreground); opacity: 0.9; paint-order: stroke; stroke: var(--vscode-editor-background); stroke-width: 4px; stroke-linejoin: round; }
  svg .edge.violating text { fill: #d33333; opacity: 1; font-weight: 600; }
  svg .edge.unused text { fill: #9a9a9a; }
  svg marker path { stroke: none; }
</style>
</head>
<body>
<header>
  <h1 id="title">Domain graph</h1>
  <select id="folder" hidden></select>
  <div class="legend">
    <span><i class="swatch"></i>declared</span>
    <span><i class="swatch unused"></i>declared, unused</span>
    <span><i class="swatch violating"></i>undeclared (cross-domain-import)</span>
    <span><i class="swatch cycle"></i>in a cycle</span>
  </div>
</header>
<div id="empty" hidden></div>
<div id="canvas"></div>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
