import type * as ts from 'typescript';
import type { Config, DomainSpec } from '../config/config';
import type { ImportGraph, ResolvedImport } from '../graph/import-graph';
import type { ResolvedTarget } from '../graph/resolver';
import type { EditPlan, Finding } from '../model';
import type { WorkspaceModel } from '../workspace/workspace-model';

export type FixKind = 'quickfix' | 'refactor.move' | 'refactor.rewrite';

/** What the editor needs to ask the user before the edit can be computed. */
export type FixInput = { kind: 'reason'; prompt: string } | { kind: 'reason-and-expiry'; prompt: string } | { kind: 'pick-file'; prompt: string; choices: string[] };

/** A fix as offered: cheap to compute, the edit comes later (on resolve). */
export interface FixOffer {
  fixId: string;
  title: string;
  kind: FixKind;
  isPreferred?: boolean;
  /** Why the fix cannot apply here; the editor shows it disabled instead of hiding it. */
  disabledReason?: string;
  /** Set when the user must answer before the edit exists (a reason, a target file). */
  input?: FixInput;
}

export interface FixArguments {
  reason?: string;
  expiry?: string;
  file?: string;
}

export interface FixContext {
  root: string;
  config: Config;
  model: WorkspaceModel;
  graph: ImportGraph;
  readFile(file: string): string | undefined;
  fileExists(file: string): boolean;
  resolve(specifier: string, fromFile: string): ResolvedTarget;
  /** The import a finding sits on, if it sits on one. */
  importAt(finding: Finding): ResolvedImport | undefined;
  /** The configuration file's path (it may not exist yet). */
  configFile: string;
  /** Compiler options that govern a file (for TypeScript's refactorings). */
  compilerOptions(file: string): ts.CompilerOptions;
  /** Every source file of the workspace. */
  files(): string[];
  /** The current findings of a file (a fix for one finding may need its siblings). */
  findingsFor(file: string): Finding[];
}

export interface Fix {
  id: string;
  /** Rule ids this fix answers. */
  rules: readonly string[] | '*';
  offer(finding: Finding, ctx: FixContext): FixOffer | undefined;
  /** The edit; throws FixError when it cannot be computed (stale finding, missing file…). */
  edit(finding: Finding, ctx: FixContext, args: FixArguments): EditPlan;
}

/** A fix that cannot be applied, with the reason the user sees. */
export class FixError extends Error {}

/** The file a domain's public API starts at, if the domain has one on disk. */
export function publicEntryOf(domain: DomainSpec, ctx: FixContext): string | undefined {
  const literal = domain.publicApi.filter((g) => !/[*?{[]/.test(g));
  const candidates = [...literal, ...['ts', 'tsx', 'mts', 'cts', 'js', 'jsx', 'mjs', 'cjs'].map((ext) => `index.${ext}`)];
  for (const c of candidates) {
    if (!domain.isPublic(c)) continue;
    const file = `${domain.dir}/${c}`;
    if (ctx.fileExists(file)) return file;
  }
  return undefined;
}
