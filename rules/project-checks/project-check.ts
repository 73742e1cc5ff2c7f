import type { Config } from '../config/config';
import type { ResolvedImport } from '../graph/import-graph';
import type { Host } from '../host';
import type { Finding, FoundationId } from '../model';
import type { WorkspaceModel } from '../workspace/workspace-model';

/**
 * Project-level checks: questions about the whole project rather than about one file (is there a
 * CI pipeline that runs the tests? can a deploy be rolled back?). Each answers pass, fail or not
 * applicable, and says which files it judged by.
 */
export type ProjectCheckStatus = 'pass' | 'fail' | 'not-applicable';

/** A file a check judged by, with what it saw there. */
export interface Evidence {
  /** Workspace-relative, forward slashes (`../` when it lies above the workspace, e.g. a monorepo's CI). */
  file: string;
  /** 0-based line, when the evidence is one line of the file. */
  line?: number;
  /** The evidence is a folder (a domain, a migrations folder), not a file. */
  folder?: boolean;
  note: string;
}

export interface ProjectCheckResult {
  id: string;
  foundation: FoundationId;
  title: string;
  status: ProjectCheckStatus;
  /** One sentence: the verdict and why. */
  summary: string;
  evidence: Evidence[];
}

export interface ProjectCheckMeta {
  id: string;
  foundation: FoundationId;
  /** Short, for the tree: "CI pipeline runs the tests". */
  title: string;
  /** One paragraph: why it matters. */
  rationale: string;
  /** What to do when it fails. */
  help: string;
}

export interface ProjectCheck extends ProjectCheckMeta {
  run(ctx: ProjectContext): Verdict;
}

export type Verdict = Pick<ProjectCheckResult, 'status' | 'summary' | 'evidence'>;

export interface PackageJson {
  /** Workspace-relative path. */
  file: string;
  text: string;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
  scripts: Record<string, string>;
}

/** What a project check may look at: the workspace's files (any kind), its model and its findings. */
export interface ProjectContext {
  root: string;
  host: Host;
  config: Config;
  model: WorkspaceModel;
  /** The analysed source files (absolute). */
  sourceFiles: readonly string[];
  /** Every source file, excluded ones too (tests often are); absolute. */
  allSourceFiles(): readonly string[];
  /** Resolved imports of any source file, analysed or not. */
  importsOf(file: string): readonly ResolvedImport[];
  /** The session's findings, debt applied. */
  findings: readonly Finding[];
  /** The root package.json, parsed; undefined when there is none or it is not JSON. */
  packageJson(): PackageJson | undefined;
  /** Text of a workspace-relative file (may start with `../`), undefined when absent. */
  read(relative: string): string | undefined;
  exists(relative: string): boolean;
  /** Workspace-relative files under a folder, at most `maxDepth` folders down; skips node_modules, .gitignored and excluded paths. */
  listFiles(relativeDir: string, maxDepth: number): string[];
  /** Workspace-relative folders named `name` anywhere (bounded depth), skipping node_modules, ignored and excluded paths. */
  findDirectories(name: RegExp, maxDepth: number): string[];
  /** Whether a workspace-relative path is ignored by the .gitignore files on its way (so not committed). */
  isIgnored(relative: string): boolean;
  /** Workspace-relative path of an absolute one. */
  relative(file: string): string;
}

/** Tests by the usual conventions: `*.test.ts`, `*.spec.js`, `__tests__/`, `test/`, `tests/`, `e2e/`. */
export function isTestFile(relative: string): boolean {
  return (
    /\.(test|spec|e2e|contract|pact)\.[cm]?[jt]sx?$/.test(relative) ||
    /(^|\/)(__tests__|test|tests|spec|e2e|contract-tests|contracts)\//.test(relative)
  );
}

/** The line (0-based) of the first match of `pattern` in `text`. */
export function lineOf(text: string, pattern: RegExp | string): number | undefined {
  const index = typeof pattern === 'string' ? text.indexOf(pattern) : text.search(pattern);
  if (index < 0) return undefined;
  let line = 0;
  for (let i = 0; i < index; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** "a, b and 3 more" — evidence lists stay readable on large workspaces. */
export function listSome(items: readonly string[], max = 3): string {
  if (items.length <= max) return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

/** Evidence lists are capped: the tree and the reports show the first ones and say how many more. */
export const MAX_EVIDENCE = 25;
