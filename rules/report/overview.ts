import type { RuleMeta } from '../checks/rule';
import { isInAnyDir } from '../host';
import type { Finding, FoundationId, Severity } from '../model';
import type { Evidence, ProjectCheckStatus } from '../project-checks';
import type { Session } from '../session';
import { foundationTitle } from './rule-docs';

/** Narrows what the overview counts: only errors (or errors and warnings), one file, one domain. */
export interface FindingFilter {
  severity?: 'error' | 'warning';
  /** Absolute path. */
  file?: string;
  /** Findings located in the domain's files: what the domain's own counts (domain graph, Domains view) are made of. */
  domain?: string;
  /**
   * Folders (absolute) whose findings are not this session's to show: workspace folders nested in
   * its root, which check and count their own files. Not a narrowing: every check is still listed.
   */
  excludeFolders?: readonly string[];
}

export interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

export interface CheckOverview {
  kind: 'rule' | 'project';
  /** Rule id or project check id. */
  id: string;
  foundation: FoundationId;
  title: string;
  /** pass / fail / not-applicable: for a rule, fail when it has errors or warnings, n/a when it is off. */
  status: ProjectCheckStatus;
  /** A rule's configured severity. */
  severity?: Severity | 'off';
  /** Findings of the rule that pass the filter. */
  counts: Counts;
  /** A project check's verdict and evidence. */
  summary?: string;
  evidence?: Evidence[];
}

export interface FoundationOverview {
  id: FoundationId;
  title: string;
  status: ProjectCheckStatus;
  counts: Counts;
  checks: CheckOverview[];
}

export const FOUNDATIONS: readonly FoundationId[] = ['clean-architecture', 'integration-boundaries', 'production-devops', 'quality-discipline'];

export function matchesFilter(session: Session, finding: Finding, filter: FindingFilter | undefined): boolean {
  if (!filter) return true;
  if (filter.excludeFolders && isInAnyDir(finding.file, filter.excludeFolders)) return false;
  if (filter.severity === 'error' && finding.severity !== 'error') return false;
  if (filter.severity === 'warning' && finding.severity === 'info') return false;
  if (filter.file && finding.file !== filter.file) return false;
  if (filter.domain && session.workspaceModel.membership(finding.file).domain?.name !== filter.domain) return false;
  return true;
}

function isFiltering(filter: FindingFilter | undefined): boolean {
  return !!filter && (filter.severity !== undefined || filter.file !== undefined || filter.domain !== undefined);
}

function count(findings: readonly Finding[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings) {
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'warning') c.warnings++;
    else c.infos++;
  }
  return c;
}

/** The rules a workspace reports on: the built-in ones and the dependency-cruiser rules that fired. */
function rulesOf(session: Session, findings: readonly Finding[]): { meta: Pick<RuleMeta, 'id' | 'foundation' | 'description'>; severity: Severity | 'off' }[] {
  const rules = session.rules().map((meta) => ({ meta: meta as Pick<RuleMeta, 'id' | 'foundation' | 'description'>, severity: session.severityOf(meta) }));
  const depcruise = [...new Set(findings.map((f) => f.ruleId).filter((id) => id.startsWith('depcruise/')))].sort();
  for (const id of depcruise) {
    rules.push({ meta: { id, foundation: 'clean-architecture', description: `dependency-cruiser rule "${id.slice('depcruise/'.length)}"` }, severity: 'warning' });
  }
  return rules;
}

/**
 * The four foundations → their checks (every rule, every project check) with pass/fail and counts:
 * the Foundations tree, and the CLI summary. With a filter, only checks with matching findings stay,
 * and the project checks that fail: they judge the whole workspace, so no filter narrows them, and
 * leaving them out made their foundations look not applicable.
 */
export function foundationsOverview(session: Session, filter?: FindingFilter): FoundationOverview[] {
  const all = ownFindings(session, filter?.excludeFolders);
  const byRule = new Map<string, Finding[]>();
  for (const f of all) {
    const list = byRule.get(f.ruleId) ?? [];
    list.push(f);
    byRule.set(f.ruleId, list);
  }
  const filtering = isFiltering(filter);
  const checks: CheckOverview[] = [];
  for (const { meta, severity } of rulesOf(session, all)) {
    const findings = byRule.get(meta.id) ?? [];
    const matching = filtering ? findings.filter((f) => matchesFilter(session, f, filter)) : findings;
    if (filtering && matching.length === 0) continue;
    const unfiltered = count(findings);
    checks.push({
      kind: 'rule',
      id: meta.id,
      foundation: meta.foundation,
      title: meta.description,
      status: severity === 'off' ? 'not-applicable' : unfiltered.errors + unfiltered.warnings > 0 ? 'fail' : 'pass',
      severity,
      counts: count(matching),
    });
  }
  for (const result of session.projectChecks()) {
    if (filtering && result.status !== 'fail') continue;
    checks.push({
      kind: 'project',
      id: result.id,
      foundation: result.foundation,
      title: result.title,
      status: result.status,
      counts: { errors: 0, warnings: 0, infos: 0 },
      summary: result.summary,
      evidence: result.evidence,
    });
  }
  return FOUNDATIONS.map((id) => {
    const own = checks.filter((c) => c.foundation === id);
    const counts = own.reduce((acc, c) => ({ errors: acc.errors + c.counts.errors, warnings: acc.warnings + c.counts.warnings, infos: acc.infos + c.counts.infos }), { errors: 0, warnings: 0, infos: 0 });
    const status: ProjectCheckStatus = own.some((c) => c.status === 'fail') ? 'fail' : own.some((c) => c.status === 'pass') ? 'pass' : 'not-applicable';
    return { id, title: foundationTitle(id), status, counts, checks: own };
  });
}

/** The session's findings but those in `excludeFolders`. */
export function ownFindings(session: Session, excludeFolders: readonly string[] = []): readonly Finding[] {
  const all = session.findings();
  return excludeFolders.length === 0 ? all : all.filter((f) => !isInAnyDir(f.file, excludeFolders));
}

/** The findings of one check (rule id) that pass the filter, in file order. */
export function findingsOfRule(session: Session, ruleId: string, filter?: FindingFilter): Finding[] {
  return session.findings().filter((f) => f.ruleId === ruleId && matchesFilter(session, f, filter));
}
