import type * as ts from 'typescript';
import type { Config } from '../config/config';
import type { GraphView, ImportGraph, ResolvedImport } from '../graph/import-graph';
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
  /** A milder case of what the rule reports: one severity below the rule's configured one (error → warning → info). */
  milder?: boolean;
}

/**
 * Facts a rule reads from a file's syntax tree: a pure function of the file's text, computed
 * once per content hash (sharing the parse with import extraction) and cached — the trees
 * themselves are never kept.
 */
export interface FactCollector<T = unknown> {
  id: string;
  /** Whether a file needs these facts at all (e.g. only UI files), judged on where it sits. */
  appliesTo(membership: Membership): boolean;
  /**
   * Whether checks of other files read these facts. Only such facts are part of a file's interface:
   * when they change, the files that read them are re-checked; a change to the others re-checks the file alone.
   */
  readByOtherFiles: boolean;
  collect(sourceFile: ts.SourceFile): T;
}

export interface FileRuleContext {
  file: string;
  membership: Membership;
  imports: readonly ResolvedImport[];
  /** The other files whose imports or importers a check looks at through this are re-checked with them. */
  graph: GraphView;
  model: WorkspaceModel;
  config: Config;
  options: Record<string, unknown>;
  /** Facts of this file, or of another file of the workspace (undefined if it cannot be read). */
  facts<T>(collector: FactCollector<T>, file?: string): T | undefined;
  report(report: Report): void;
}

/** A rule whose findings in a file depend on that file's facts, where its imports lead and (optionally) its importers. */
export interface FileRule extends RuleMeta {
  scope: 'file';
  /** Collectors this rule reads; computed eagerly during the scan, on the shared parse. */
  collectors?: readonly FactCollector[];
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

/**
 * A rule over the whole workspace (cycles between domains). Its findings may depend on the domain
 * edges and on the imports of the files it reports in: the session runs it again when a file's
 * foreign domains change, or when a file it reported in changes its imports.
 */
export interface WorkspaceRule extends RuleMeta {
  scope: 'workspace';
  check(ctx: WorkspaceRuleContext): void;
}

export type Rule = FileRule | WorkspaceRule;

/** The domain a resolved import lands in, with where it lands. */
export function targetMembership(ctx: { model: WorkspaceModel }, imp: ResolvedImport): Membership | undefined {
  return imp.target.kind === 'file' ? ctx.model.membership(imp.target.file) : undefined;
}
