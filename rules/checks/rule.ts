import type * as ts from 'typescript';
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

/**
 * Facts a rule reads from a file's syntax tree: a pure function of the file's text, computed
 * once per content hash (sharing the parse with import extraction) and cached — the trees
 * themselves are never kept.
 */
export interface FactCollector<T = unknown> {
  id: string;
  /** Whether a file needs these facts at all (e.g. only UI files), judged on where it sits. */
  appliesTo(membership: Membership): boolean;
  collect(sourceFile: ts.SourceFile): T;
}

export interface FileRuleContext {
  file: string;
  membership: Membership;
  imports: readonly ResolvedImport[];
  graph: ImportGraph;
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
  /**
   * Set when a file's findings depend on its importers (an exported state mutated elsewhere):
   * an edit of an importer then re-checks the files it imports too.
   */
  dependsOnImporters?: boolean;
  /**
   * With dependsOnImporters: whether a file can affect the files it imports at all (it mutates
   * something); when it cannot, before and after an edit, the imported files are not re-checked.
   */
  affectsImports?(facts: <T>(collector: FactCollector<T>) => T | undefined): boolean;
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
