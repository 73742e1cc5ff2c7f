import type { ConfigDiagnostic } from '../config/config';
import type { RuleMeta } from '../checks/rule';
import type { ProjectCheckMeta, ProjectCheckResult } from '../project-checks';
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
  /** Project-level checks (CI, environments, logging, rollback, tests, Definition of Done). */
  projectChecks: ProjectCheckResult[];
  /** What each project check is for (SARIF describes them as rules). */
  projectCheckMeta: readonly ProjectCheckMeta[];
  /** The debt register: how many entries, how many accepted, expired and stale findings. */
  debt?: DebtSummary;
  filesChecked: number;
  /** parsedFiles: parsed in this run, the rest came from the cache; parsedByWorkers: of those, parsed on worker threads. */
  timing: { totalMs: number; scanMs: number; parsedFiles?: number; parsedByWorkers?: number; dependencyCruiserMs?: number };
}

export interface DebtSummary {
  /** Absolute path of the register. */
  file: string;
  entries: number;
  /** Findings the register accepts (reported as info). */
  accepted: number;
  /** Findings whose acceptance expired (reported as errors). */
  expired: number;
  /** Entries no finding matches any more. */
  stale: { rule: string; file: string; fingerprint: string; reason: string }[];
  /** Problems of the register file itself. */
  problems: string[];
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
