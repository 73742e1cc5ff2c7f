import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, askRunner, bridgeAvailable, codeOf, note, waitFor, waitForDiagnostic } from './helpers';

interface StatusBarAnswer {
  found: boolean;
  text?: string;
  ariaLabel?: string;
  ids: string[];
}

/** Errors and warnings of this extension's findings across the workspace (config diagnostics excluded). */
function totals(): { errors: number; warnings: number } {
  let errors = 0;
  let warnings = 0;
  for (const [, ds] of vscode.languages.getDiagnostics()) {
    for (const d of ds) {
      if (d.source !== 'foundations' || codeOf(d) === 'config') continue;
      if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
      if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
    }
  }
  return { errors, warnings };
}

describe('status item', () => {
  before(async () => {
    await activeExtension();
    await waitForDiagnostic('src/catalog/core/product.ts', 'cross-domain-import', 4, 60_000);
  });

  it('shows the error and warning totals of the workspace', async function () {
    // The extension API cannot read the status bar; the code-server runner reads it from the DOM.
    if (!bridgeAvailable()) this.skip();
    let last: StatusBarAnswer | undefined;
    await waitFor('the status item to show the totals', async () => {
      last = await askRunner<StatusBarAnswer>({ type: 'statusbar', id: 'foundations.status' });
      const m = last.found && /(\d+)\D+(\d+)/.exec(last.text ?? '');
      const t = totals();
      return !!m && Number(m[1]) === t.errors && Number(m[2]) === t.warnings && t.errors > 0;
    }, 30_000).catch((err) => {
      throw new Error(`${(err as Error).message}; status bar: ${JSON.stringify(last)}; totals: ${JSON.stringify(totals())}`);
    });
    assert.ok(last?.found);
    assert.match(last!.text!, /^\s*Foundations\b/, 'labelled: VS Code\'s own problems counter shows the same icons next to it');
    note(`status bar item ${JSON.stringify(last?.text)} (aria-label ${JSON.stringify(last?.ariaLabel)}), totals ${JSON.stringify(totals())}`);
  });
});
