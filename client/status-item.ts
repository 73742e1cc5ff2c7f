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

  stopped(): void {
    this.render('$(debug-disconnect) Foundations', 'The Foundations server is stopped.', new vscode.ThemeColor('statusBarItem.warningBackground'));
  }

  update(s: StatusParams): void {
    const counts = `${s.files} files: ${s.errors} errors, ${s.warnings} warnings, ${s.infos} info`;
    const lines = [
      s.state === 'scanning' ? 'Checking the workspace…' : s.state === 'error' ? 'The last check failed; see the output.' : counts,
      ...(s.configErrors > 0 ? [`foundations.json has errors; the last good configuration is in force.`] : []),
      ...s.notices,
    ];
    if (s.state === 'scanning') this.render('$(sync~spin) Foundations', lines.join('\n\n'), undefined);
    else if (s.state === 'error' || s.configErrors > 0) {
      this.render('$(warning) Foundations', lines.join('\n\n'), new vscode.ThemeColor('statusBarItem.warningBackground'));
    } else if (s.errors + s.warnings + s.infos === 0) this.render('$(pass) Foundations', lines.join('\n\n'), undefined);
    else this.render(`$(error) ${s.errors} $(warning) ${s.warnings}`, lines.join('\n\n'), undefined);
  }

  private render(text: string, detail: string, background: vscode.ThemeColor | undefined): void {
    this.item.text = text;
    this.item.backgroundColor = background;
    const tooltip = new vscode.MarkdownString(
      `**Foundations**\n\n${detail}\n\n[Show output](command:foundations.showOutput) · [Restart server](command:foundations.restartServer)`,
    );
    tooltip.isTrusted = { enabledCommands: ['foundations.showOutput', 'foundations.restartServer'] };
    this.item.tooltip = tooltip;
  }

  dispose(): void {
    this.item.dispose();
  }
}
