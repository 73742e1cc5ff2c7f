import type { CheckResult } from './check-result';
import { relativeTo, summarize } from './check-result';

/** Bumped only on a breaking change of the shape documented in docs/schema/report.schema.json. */
export const JSON_REPORT_VERSION = 1;

export function formatJson(result: CheckResult): string {
  const report = {
    version: JSON_REPORT_VERSION,
    tool: { name: 'foundations', version: result.toolVersion },
    root: result.root,
    findings: result.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      file: relativeTo(result.root, f.file),
      range: f.range,
      message: f.message,
      ...(f.domains ? { domains: f.domains } : {}),
      ...(f.layers ? { layers: f.layers } : {}),
    })),
    configDiagnostics: result.configDiagnostics.map((d) => ({ severity: d.severity, message: d.message, path: d.path, range: d.range })),
    notices: result.notices,
    skipped: result.skipped.map((s) => ({ file: relativeTo(result.root, s.file), reason: s.reason })),
    projectChecks: [],
    summary: { ...summarize(result.findings), filesChecked: result.filesChecked },
    timing: result.timing,
  };
  return JSON.stringify(report, null, 2) + '\n';
}
