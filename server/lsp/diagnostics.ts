import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { ConfigDiagnostic, Finding, Severity } from '../../rules';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

export const DIAGNOSTIC_SOURCE = 'foundations';

/** The rule's page among the docs shipped next to the bundle, so the link works offline. */
/** Rule id → its documentation's URI: a dozen rules, asked for once per diagnostic published. */
const docsUris = new Map<string, string>();

export function ruleDocsUri(ruleId: string): string | undefined {
  if (ruleId.startsWith('depcruise/')) return undefined;
  let uri = docsUris.get(ruleId);
  if (uri === undefined) docsUris.set(ruleId, (uri = pathToFileURL(path.resolve(__dirname, '..', 'docs', 'rules', `${ruleId}.md`)).href));
  return uri;
}

export function toDiagnostic(finding: Finding): Diagnostic {
  const href = ruleDocsUri(finding.ruleId);
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data: { ruleId: finding.ruleId, domains: finding.domains, layers: finding.layers, ...finding.data },
  };
}

export function configToDiagnostic(d: ConfigDiagnostic): Diagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: 'config',
    source: DIAGNOSTIC_SOURCE,
    message: d.message,
  };
}
