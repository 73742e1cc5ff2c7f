import type { Config } from '../config/config';
import type { ImportGraph, ResolvedImport } from '../graph/import-graph';
import type { FoundationId, Range, Severity } from '../model';
import type { Membership, WorkspaceModel } from '../workspace/workspace-model';

/** What every rule tells the user about itself: shown in hovers, docs, SARIF and the CLI. */
export interface RuleMeta {
  id: string;
  foundation: FoundationId;
  defaultSeverity: Severity;
  /** One line: what the rule reports. */
  description: string;
  /** One paragraph: why it matters. */
  rationale: string;
  /** What to do instead. */
  help: string;
}

/** A finding as a rule reports it; the engine adds rule id, severity and file. */
export interface Report {
  range: Range;
  message: string;
  domains?: { from?: string; to?: string };
  layers?: { from?: string; to?: string };
  data?: Record<string, unknown>;
}

export interface FileRuleContext {
  file: string;
  membership: Membership;
  imports: readonly ResolvedImport[];
  model: WorkspaceModel;
  config: Config;
  options: Record<string, unknown>;
  report(report: Report): void;
}

/** A rule whose findings in a file depend only on that file's facts and where its imports lead. */
export interface FileRule extends RuleMeta {
  scope: 'file';
  check(ctx: FileRuleContext): void;
}

/** Domain → domain → the files of the first domain that import the second. */
export type DomainEdges = ReadonlyMap<string, ReadonlyMap<string, ReadonlySet<string>>>;

export interface WorkspaceRuleContext {
  graph: ImportGraph;
  model: WorkspaceModel;
  config: Config;
  domainEdges: DomainEdges;
  options: Record<string, unknown>;
  report(file: string, report: Report): void;
}

/** A rule over the whole workspace (cycles between domains). */
export interface WorkspaceRule extends RuleMeta {
  scope: 'workspace';
  check(ctx: WorkspaceRuleContext): void;
}

export type Rule = FileRule | WorkspaceRule;

/** The domain a resolved import lands in, with where it lands. */
export function targetMembership(ctx: { model: WorkspaceModel }, imp: ResolvedImport): Membership | undefined {
  return imp.target.kind === 'file' ? ctx.model.membership(imp.target.file) : undefined;
}
