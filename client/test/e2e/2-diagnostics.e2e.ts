import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activeExtension, codeOf, fileUri, waitForDiagnostic } from './helpers';

/** The example workspace's known findings (1-based line:column), one per rule family. */
const KNOWN: { file: string; code: string; line: number; column: number; severity?: vscode.DiagnosticSeverity }[] = [
  { file: 'src/catalog/core/product.ts', code: 'cross-domain-import', line: 4, column: 31, severity: vscode.DiagnosticSeverity.Error },
  { file: 'src/catalog/core/product.ts', code: 'domain-cycle', line: 4, column: 31 },
  { file: 'src/billing/core/discounts.ts', code: 'public-api-bypass', line: 2, column: 32 },
  { file: 'src/billing/ui/InvoiceView.tsx', code: 'layer-violation', line: 3, column: 29, severity: vscode.DiagnosticSeverity.Error },
  { file: 'src/billing/core/tax-report.ts', code: 'database-access-outside-data-layer', line: 2, column: 22 },
  { file: 'src/billing/core/charge.ts', code: 'third-party-outside-adapter', line: 2, column: 20, severity: vscode.DiagnosticSeverity.Warning },
  { file: 'src/reports/sales-report.ts', code: 'unassigned-file', line: 1, column: 1 },
];

describe('diagnostics on the example workspace', () => {
  before(async () => {
    await activeExtension();
    // Whole-workspace diagnostics: none of these files has been opened by anyone.
    const open = new Set(vscode.workspace.textDocuments.map((d) => d.uri.toString()));
    for (const k of KNOWN) assert.ok(!open.has(fileUri(k.file).toString()), `${k.file} is not open before the first scan`);
  });

  for (const k of KNOWN) {
    it(`${k.code} on ${k.file}:${k.line}:${k.column} without opening the file`, async () => {
      const d = await waitForDiagnostic(k.file, k.code, k.line, 60_000);
      assert.equal(d.range.start.character + 1, k.column, `column of ${k.code}`);
      assert.ok(d.message.length > 0, 'has a message');
      if (k.severity !== undefined) assert.equal(d.severity, k.severity, `severity of ${k.code}`);
    });
  }

  it('files that respect the boundaries have no boundary findings', async () => {
    await waitForDiagnostic('src/catalog/core/product.ts', 'cross-domain-import');
    // Only the rule families above: rules added later may find other things in these files.
    const boundaryRules = new Set(KNOWN.map((k) => k.code));
    for (const clean of ['src/billing/core/invoice.ts', 'src/shared/money.ts', 'src/orders/index.ts', 'src/billing/adapters/stripe-gateway.ts', 'src/billing/data/invoice-repository.ts']) {
      const ds = vscode.languages.getDiagnostics(fileUri(clean)).filter((d) => d.source === 'foundations' && boundaryRules.has(codeOf(d) ?? ''));
      assert.deepEqual(ds.map(codeOf), [], `no boundary findings on ${clean}`);
    }
  });
});
