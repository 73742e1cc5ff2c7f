import { version } from '../package.json';
import type { Host } from './host';
import { PROJECT_CHECKS } from './project-checks';
import type { CheckResult, DebtSummary } from './report/check-result';
import { type ParallelOptions, type ScanOptions, Session } from './session';

export const TOOL_VERSION: string = version;

export interface CheckOptions extends ScanOptions {
  host: Host;
  /** A persisted cache of facts (see SessionOptions.cacheFile). */
  cacheFile?: string;
  /** Parse workers (see SessionOptions.parallel). */
  parallel?: ParallelOptions;
}

/** One whole-workspace check, as `foundations check` runs it: scan, then collect the result. */
export async function checkWorkspace(root: string, options: CheckOptions): Promise<{ session: Session; result: CheckResult }> {
  const started = performance.now();
  const session = Session.open(root, options.host, { cacheFile: options.cacheFile, parallel: options.parallel });
  await session.scan(options);
  const scanMs = performance.now() - started;
  // A broken foundations.json ends the check with exit 2 anyway: no need to run (and report) theirs.
  const configBroken = session.configDiagnostics.some((d) => d.severity === 'error');
  const dependencyCruiser = session.config.dependencyCruiser && !configBroken ? await session.runDependencyCruiser() : undefined;
  const { parsed, parsedByWorkers } = session.scanStatistics;
  const timing = { totalMs: performance.now() - started, scanMs, parsedFiles: parsed, parsedByWorkers, ...(dependencyCruiser ? { dependencyCruiserMs: dependencyCruiser.ms } : {}) };
  return { session, result: collectResult(session, timing) };
}

export function collectResult(session: Session, timing: CheckResult['timing']): CheckResult {
  return {
    root: session.root,
    toolVersion: TOOL_VERSION,
    findings: session.findings(),
    configFile: session.configFile,
    configDiagnostics: session.configDiagnostics,
    skipped: session.skippedFiles(),
    notices: [...(session.dependencyCruiserProblem ? [session.dependencyCruiserProblem] : []), ...session.projectConfigProblems],
    rules: session.rules().map((meta) => ({ meta, severity: session.severityOf(meta) })),
    projectChecks: session.projectChecks(),
    projectCheckMeta: PROJECT_CHECKS,
    ...(session.debtRegister.exists ? { debt: debtSummary(session) } : {}),
    filesChecked: session.files().length,
    timing,
  };
}

function debtSummary(session: Session): DebtSummary {
  const findings = session.findings();
  const status = (f: (typeof findings)[number]) => (f.data?.debt as { status?: string } | undefined)?.status;
  return {
    file: session.debtRegister.file,
    entries: session.debtEntries().length,
    accepted: findings.filter((f) => status(f) === 'accepted').length,
    expired: findings.filter((f) => status(f) === 'expired').length,
    stale: session.staleDebt().map((e) => ({ rule: e.rule, file: e.file, fingerprint: e.fingerprint, reason: e.reason })),
    problems: session.debtRegister.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`),
  };
}
