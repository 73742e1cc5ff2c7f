import type { ConfigDiagnostic } from '../config/config';
import type { RuleMeta } from '../checks/rule';
import type { Finding, Severity } from '../model';
import type { SkippedFile } from '../session';

/** Everything a formatter needs about one check run: data only, no behaviour. */
export interface CheckResult {
  root: string;
  toolVersion: string;
  findings: Finding[];
  configFile?: string;
  configDiagnostics: readonly ConfigDiagnostic[];
  skipped: SkippedFile[];
  /** Checks that could not run, and why (e.g. dependency-cruiser in an untrusted workspace). */
  notices: string[];
  rules: { meta: RuleMeta; severity: Severity | 'off' }[];
  filesChecked: number;
  timing: { totalMs: number; scanMs: number; dependencyCruiserMs?: number };
}

export interface Summary {
  errors: number;
  warnings: number;
  infos: number;
  files: number;
}

export function summarize(findings: readonly Finding[]): Summary {
  const summary: Summary = { errors: 0, warnings: 0, infos: 0, files: new Set(findings.map((f) => f.file)).size };
  for (const f of findings) {
    if (f.severity === 'error') summary.errors++;
    else if (f.severity === 'warning') summary.warnings++;
    else summary.infos++;
  }
  return summary;
}

/** Workspace-relative, forward slashes: what reports show and SARIF needs. */
export function relativeTo(root: string, file: string): string {
  return file.startsWith(root + '/') ? file.slice(root.length + 1) : file;
}
