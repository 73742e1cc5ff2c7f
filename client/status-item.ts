import * as vscode from 'vscode';
import type { StatusParams } from '../protocol';

/** One status bar item driven by the server's status notification (rust-analyzer's pattern). */
export class StatusItem implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('foundations.status', vscode.StatusBarAlignment.Left, 10);

  constructor() {
    this.item.name = 'Foundations';
    // The Foundations view says what the totals are made of; the tooltip keeps output and restart.
    this.item.command = 'foundations.focusView';
    this.item.show();
  }

  starting(): void {
    this.render('$(sync~spin) Foundations', 'Starting the Foundations server…', undefined);
  }

  /** The server stopped unexpectedly and is started again after `message`'s back-off: its totals are gone with it. */
  restarting(message: string): void {
    this.render('$(sync~spin) Foundations: restarting', message, new vscode.ThemeColor('statusBarItem.warningBackground'));
  }

  /** What the item shows (the end-to-end tests read it: the extension API cannot read the status bar). */
  get text(): string {
    return this.item.text;
  }

  stopped(): void {
    this.render('$(debug-disconnect) Foundations', 'The Foundations server is stopped.', new vscode.ThemeColor('statusBarItem.warningBackground'));
  }

  update(s: StatusParams): void {
    const counts = `${s.files} files: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} info`;
    const unconfigured = s.foldersWithoutConfig.map((uri) => vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(uri))?.name ?? uri);
    // Every folder lacks a configuration: no domain is declared, so nothing is checked (the CLI exits 2).
    const nothingChecked = unconfigured.length > 0 && unconfigured.length >= (vscode.workspace.workspaceFolders?.length ?? 1);
    const lines = [
      s.state === 'scanning' ? 'Checking the workspace…' : s.state === 'error' ? 'The last check failed; see the output.' : nothingChecked ? 'No foundations.json: no domains are declared, so nothing is checked.' : counts,
      ...(s.configErrors > 0 ? [`foundations.json has errors; the last good configuration is in force.`] : []),
      ...(unconfigured.length > 0 ? [`Not configured (no foundations.json): ${unconfigured.join(', ')}. [Create foundations.json](command:foundations.createConfig)`] : []),
      ...s.notices,
    ];
    if (s.state === 'scanning') this.render('$(sync~spin) Foundations', lines.join('\n\n'), undefined);
    else if (nothingChecked && s.state === 'ready') this.render('$(circle-slash) Foundations: not configured', lines.join('\n\n'), undefined);
    else if (s.state === 'error' || s.configErrors > 0) {
      this.render('$(warning) Foundations', lines.join('\n\n'), new vscode.ThemeColor('statusBarItem.warningBackground'));
    } else if (s.errors + s.warnings + s.infos === 0) this.render('$(pass) Foundations', lines.join('\n\n'), undefined);
    // Labelled: VS Code's own problems counter sits next to it with the same icons.
    else this.render(`Foundations $(error) ${s.errors} $(warning) ${s.warnings}`, lines.join('\n\n'), undefined);
  }

  private render(text: string, detail: string, background: vscode.ThemeColor | undefined): void {
    this.item.text = text;
    this.item.backgroundColor = background;
    const tooltip = new vscode.MarkdownString(
      `**Foundations**\n\n${detail}\n\n[Show output](command:foundations.showOutput) · [Restart server](command:foundations.restartServer)`,
    );
    tooltip.isTrusted = { enabledCommands: ['foundations.showOutput', 'foundations.restartServer', 'foundations.createConfig'] };
    this.item.tooltip = tooltip;
  }

  dispose(): void {
    this.item.dispose();
  }
}
