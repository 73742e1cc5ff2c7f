import { version } from '../package.json';
import type { Host } from './host';
import type { CheckResult } from './report/check-result';
import { type ScanOptions, Session } from './session';

export const TOOL_VERSION: string = version;

export interface CheckOptions extends ScanOptions {
  host: Host;
}

/** One whole-workspace check, as `foundations check` runs it: scan, then collect the result. */
export async function checkWorkspace(root: string, options: CheckOptions): Promise<{ session: Session; result: CheckResult }> {
  const started = performance.now();
  const session = Session.open(root, options.host);
  await session.scan(options);
  const scanMs = performance.now() - started;
  const dependencyCruiser = session.config.dependencyCruiser ? await session.runDependencyCruiser() : undefined;
  const timing = { totalMs: performance.now() - started, scanMs, ...(dependencyCruiser ? { dependencyCruiserMs: dependencyCruiser.ms } : {}) };
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
    notices: session.dependencyCruiserProblem ? [session.dependencyCruiserProblem] : [],
    rules: session.rules().map((meta) => ({ meta, severity: session.severityOf(meta) })),
    filesChecked: session.files().length,
    timing,
  };
}
