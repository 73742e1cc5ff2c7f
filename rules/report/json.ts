import type { CheckResult } from './check-result';
import { summarize } from './check-result';
import { relativeTo } from '../host';
import type { DebtMark } from '../debt/debt-register';

function debtOf(mark: DebtMark) {
  return { status: mark.status, reason: mark.reason, ...(mark.owner ? { owner: mark.owner } : {}), ...(mark.expires ? { expires: mark.expires } : {}), originalSeverity: mark.originalSeverity };
}

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
      ...(f.data?.debt ? { debt: debtOf(f.data.debt as DebtMark) } : {}),
    })),
    configDiagnostics: result.configDiagnostics.map((d) => ({ severity: d.severity, message: d.message, path: d.path, range: d.range })),
    notices: result.notices,
    skipped: result.skipped.map((s) => ({ file: relativeTo(result.root, s.file), reason: s.reason })),
    projectChecks: result.projectChecks.map((c) => ({
      id: c.id,
      foundation: c.foundation,
      title: c.title,
      status: c.status,
      summary: c.summary,
      evidence: c.evidence.map((e) => ({ file: e.file, ...(e.line !== undefined ? { line: e.line } : {}), ...(e.folder ? { folder: true } : {}), note: e.note })),
    })),
    ...(result.debt
      ? {
          debt: {
            file: relativeTo(result.root, result.debt.file),
            entries: result.debt.entries,
            accepted: result.debt.accepted,
            expired: result.debt.expired,
            stale: result.debt.stale,
            problems: result.debt.problems,
          },
        }
      : {}),
    summary: { ...summarize(result.findings), filesChecked: result.filesChecked },
    timing: result.timing,
  };
  return JSON.stringify(report, null, 2) + '\n';
}
