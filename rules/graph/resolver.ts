import { builtinModules } from 'node:module';
import * as path from 'node:path';
// A plain require: esbuild's namespace-import getters make every `ts.x` on the hot path a call.
import ts = require('typescript');
import { type Host, isInsideDir, relativeTo } from '../host';
import { packageNameOf } from '../config/config';
import { SOURCE_EXTENSIONS } from '../config/defaults';
import { FastModuleResolution, matchesPathAlias } from './fast-resolve';
import { type WorkspacePackage, findWorkspacePackages } from './workspace-packages';

export type ResolvedTarget =
  /** A source file of the workspace (absolute path). */
  | { kind: 'file'; file: string }
  /** A third-party package (installed or not). */
  | { kind: 'external'; packageName: string }
  | { kind: 'builtin'; packageName: string }
  /** A relative or aliased path that leads nowhere. */
  | { kind: 'unresolved' };

const BUILTINS = new Set(builtinModules);

const DEFAULT_OPTIONS: ts.CompilerOptions = {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowJs: true,
  resolveJsonModule: true,
  jsx: ts.JsxEmit.Preserve,
};

interface ProjectOptions {
  options: ts.CompilerOptions;
  cache: ts.ModuleResolutionCache;
  /** Our own memo on top of TypeScript's: (directory, specifier) → target. Read it through memoOf. */
  memo: Map<string, ResolvedTarget>;
  /** Persisted memo entries not in `memo` yet: a warm start that resolves nothing never builds the map. */
  restored?: readonly [string, ResolvedTarget][];
  /** Bare specifiers by lookup scope (see bareLookupScope): (scope, specifier) → target. */
  bareMemo: Map<string, ResolvedTarget>;
  /** TypeScript's answers for relative and mapped specifiers without asking it; undefined when the options rule it out. */
  fast: FastModuleResolution | undefined;
}

function memoOf(project: ProjectOptions): Map<string, ResolvedTarget> {
  if (project.restored) {
    for (const [k, v] of project.restored) project.memo.set(k, v);
    project.restored = undefined;
  }
  return project.memo;
}

export interface ResolverOptions {
  /** Answer what it can without TypeScript (fast-resolve.ts) and share bare specifiers' answers between folders. On unless a test compares against TypeScript alone. */
  fastPath?: boolean;
}

/**
 * Specifier + importing file → target, with TypeScript's module resolution under the nearest
 * tsconfig.json / jsconfig.json (so `paths`, `baseUrl` and `extends` behave as the compiler
 * says), and workspace packages (npm/yarn/pnpm) mapped to their sources. One resolution cache
 * per project configuration, shared by every file under it. Relative and mapped specifiers are
 * answered without calling TypeScript when its answer is certain (fast-resolve.ts): a call
 * costs tens of microseconds, thousands of times per scan.
 */
export class Resolver {
  private projects = new Map<string, ProjectOptions>();
  private projectOfDir = new Map<string, string>();
  private readonly existsCache = new Map<string, boolean>();
  private readonly dirExistsCache = new Map<string, boolean>();
  /** The workspace's source files as last discovered: known to exist without asking the disk. */
  private knownFiles = new Set<string>();
  private readonly bareLookupScopes = new Map<string, string>();
  private readonly fastPath: boolean;
  private workspacePackages: Map<string, WorkspacePackage>;
  /** What is wrong with each project configuration read: text TypeScript had to guess at, an `extends` that is not there. */
  private readonly configProblems = new Map<string, string>();
  private readonly moduleHost: ts.ModuleResolutionHost;

  constructor(
    private readonly host: Host,
    private readonly root: string,
    { fastPath = true }: ResolverOptions = {},
  ) {
    this.fastPath = fastPath;
    this.workspacePackages = findWorkspacePackages(host, root);
    this.moduleHost = {
      fileExists: (f) => this.fileExists(f),
      readFile: (f) => host.readFile(f),
      directoryExists: (d) => this.directoryExists(d),
      realpath: (f) => host.realpath(f),
      getCurrentDirectory: () => root,
    };
  }

  /** Files appeared or vanished, or a tsconfig / package.json changed: forget what was learnt. */
  invalidate(): void {
    this.projects.clear();
    this.projectOfDir.clear();
    this.configProblems.clear();
    this.existsCache.clear();
    this.dirExistsCache.clear();
    this.knownFiles.clear();
    this.bareLookupScopes.clear();
    this.workspacePackages = findWorkspacePackages(this.host, this.root);
  }

  /**
   * The source files discovery found. Only a shortcut for "this file exists": a file not listed
   * (gitignored, excluded, generated) is still looked for on disk, so answers never depend on it.
   */
  setKnownFiles(files: readonly string[]): void {
    this.knownFiles = new Set(files);
  }

  /**
   * After a scan, TypeScript's resolution caches (failed lookup locations of every import: most of
   * the resolver's memory) have served their purpose: the memo answers for every import seen, and
   * an import typed later is resolved from the disk again.
   */
  releaseScanCaches(): void {
    for (const project of this.projects.values()) project.cache.clear();
  }

  /** Files whose text decides resolution (tsconfigs in use, manifests): a persisted memo is valid while they are unchanged. */
  resolutionInputs(): string[] {
    const inputs = new Set<string>([...this.projects.keys()].filter(Boolean));
    for (const name of ['package.json', 'pnpm-workspace.yaml']) inputs.add(`${this.root}/${name}`);
    for (const pkg of this.workspacePackages.values()) inputs.add(`${pkg.dir}/package.json`);
    return [...inputs].sort();
  }

  /** The memo of every project, to persist. */
  exportMemo(): [string, [string, ResolvedTarget][]][] {
    return [...this.projects].map(([key, p]) => [key, [...memoOf(p)]]);
  }

  /** Restores a persisted memo (the caller checked that nothing it depends on changed). */
  importMemo(projects: [string, [string, ResolvedTarget][]][]): void {
    for (const [key, memo] of projects) {
      const project = key ? this.projectForKey(key) : this.projectForKey('');
      project.restored = project.restored ? [...project.restored, ...memo] : memo;
    }
  }

  /** The compiler options that govern a file (its nearest tsconfig, adjusted for resolution). */
  compilerOptionsFor(file: string): ts.CompilerOptions {
    return this.projectFor(path.posix.dirname(file)).options;
  }

  /** The tsconfig (or jsconfig) that governs a file, if any — used to report which one applies. */
  configFileFor(file: string): string | undefined {
    const key = this.projectKeyFor(path.posix.dirname(file));
    return key === '' ? undefined : key;
  }

  resolve(specifier: string, fromFile: string): ResolvedTarget {
    const dir = path.posix.dirname(fromFile);
    const project = this.projectFor(dir);
    const memoKey = `${dir}\0${specifier}`;
    let target = memoOf(project).get(memoKey);
    if (!target) {
      const scope = this.fastPath && isBare(specifier) ? this.bareLookupScope(dir) : undefined;
      const bareKey = scope === undefined ? undefined : `${scope}\0${specifier}`;
      target = (bareKey && project.bareMemo.get(bareKey)) || this.compute(specifier, fromFile, project);
      if (bareKey) project.bareMemo.set(bareKey, target);
      project.memo.set(memoKey, target);
    }
    return target;
  }

  /**
   * What TypeScript's answer for a bare specifier depends on besides the specifier and the
   * project's options: the nearest package.json (its name and `exports` for self-references,
   * its `imports` for `#` names) and the node_modules folders on the way up. `paths` and
   * `baseUrl` do not depend on the folder, nor do workspace packages. Folders above the root
   * are the same for every file, so they are left out. undefined outside the workspace and in
   * node_modules, where TypeScript walks differently.
   */
  private bareLookupScope(dir: string): string | undefined {
    let scope = this.bareLookupScopes.get(dir);
    if (scope !== undefined) return scope;
    if (dir !== this.root && !isInsideDir(dir, this.root)) return undefined;
    if (dir.endsWith('/node_modules') || dir.includes('/node_modules/')) return undefined;
    const [parentPackage, parentNodeModules] = dir === this.root ? ['', ''] : this.bareLookupScope(path.posix.dirname(dir))!.split('\0');
    const nearestPackage = this.fileExists(`${dir}/package.json`) ? dir : parentPackage;
    const nodeModules = this.directoryExists(`${dir}/node_modules`) ? `${parentNodeModules}${dir}|` : parentNodeModules;
    scope = `${nearestPackage}\0${nodeModules}`;
    this.bareLookupScopes.set(dir, scope);
    return scope;
  }

  private compute(specifier: string, fromFile: string, project: ProjectOptions): ResolvedTarget {
    const bare = isBare(specifier);
    if (specifier.startsWith('node:') || (bare && BUILTINS.has(specifier))) {
      return { kind: 'builtin', packageName: specifier.replace(/^node:/, '') };
    }
    const resolvedFile =
      (this.fastPath && project.fast?.resolve(specifier, path.posix.dirname(fromFile))) ||
      ts.resolveModuleName(specifier, fromFile, project.options, this.moduleHost, project.cache).resolvedModule?.resolvedFileName.replace(/\\/g, '/');
    if (resolvedFile && this.isWorkspaceSource(resolvedFile)) {
      return { kind: 'file', file: resolvedFile };
    }
    if (!bare) return { kind: 'unresolved' };
    const packageName = packageNameOf(specifier);
    const workspacePackage = this.workspacePackages.get(packageName);
    if (workspacePackage) {
      const source = this.workspacePackageSource(workspacePackage, specifier.slice(packageName.length + 1));
      if (source) return { kind: 'file', file: source };
    }
    // An alias (`paths`) that matched but found no file is a broken path, not a package.
    if (!resolvedFile && matchesPathAlias(specifier, project.options)) return { kind: 'unresolved' };
    return { kind: 'external', packageName };
  }

  private isWorkspaceSource(file: string): boolean {
    if (!isInsideDir(file, this.root) || file.includes('/node_modules/')) return false;
    if (file.endsWith('.d.ts') || file.endsWith('.d.mts') || file.endsWith('.d.cts')) return false;
    return SOURCE_EXTENSIONS.includes(path.posix.extname(file));
  }

  /** A workspace package imported by name resolves to its sources, not its build output. */
  private workspacePackageSource(pkg: WorkspacePackage, subpath: string): string | undefined {
    const candidates = subpath
      ? [`${pkg.dir}/${subpath}`, `${pkg.dir}/src/${subpath}`]
      : [pkg.source && `${pkg.dir}/${pkg.source}`, `${pkg.dir}/src/index`, `${pkg.dir}/index`].filter((c): c is string => !!c);
    for (const candidate of candidates) {
      const found = this.probe(candidate);
      if (found) return found;
    }
    return undefined;
  }

  private probe(base: string): string | undefined {
    const normalized = path.posix.normalize(base);
    if (this.isWorkspaceSource(normalized) && this.fileExists(normalized)) return normalized;
    const stem = normalized.replace(/\.(js|mjs|cjs|jsx)$/, '');
    for (const ext of SOURCE_EXTENSIONS) if (this.fileExists(stem + ext)) return stem + ext;
    for (const ext of SOURCE_EXTENSIONS) if (this.fileExists(`${normalized}/index${ext}`)) return `${normalized}/index${ext}`;
    return undefined;
  }

  private fileExists(file: string): boolean {
    let exists = this.existsCache.get(file);
    if (exists === undefined) {
      exists = this.host.fileExists(file);
      this.existsCache.set(file, exists);
    }
    return exists;
  }

  private directoryExists(dir: string): boolean {
    let exists = this.dirExistsCache.get(dir);
    if (exists === undefined) {
      exists = this.host.directoryExists(dir);
      this.dirExistsCache.set(dir, exists);
    }
    return exists;
  }

  private projectFor(dir: string): ProjectOptions {
    return this.projectForKey(this.projectKeyFor(dir));
  }

  private projectForKey(key: string): ProjectOptions {
    let project = this.projects.get(key);
    if (!project) {
      const options = key ? this.readCompilerOptions(key) : DEFAULT_OPTIONS;
      project = {
        options,
        cache: ts.createModuleResolutionCache(this.root, (f) => f, options),
        memo: new Map(),
        bareMemo: new Map(),
        fast: FastModuleResolution.for(options, this.root, (f) => this.knownFiles.has(f) || this.fileExists(f)),
      };
      this.projects.set(key, project);
    }
    return project;
  }

  /** The nearest tsconfig.json / jsconfig.json at or above `dir`, within the workspace; '' for none. */
  private projectKeyFor(dir: string): string {
    const known = this.projectOfDir.get(dir);
    if (known !== undefined) return known;
    let key = '';
    for (const name of ['tsconfig.json', 'jsconfig.json']) {
      if (this.fileExists(`${dir}/${name}`)) {
        key = `${dir}/${name}`;
        break;
      }
    }
    if (!key && dir !== this.root && isInsideDir(dir, this.root)) key = this.projectKeyFor(path.posix.dirname(dir));
    this.projectOfDir.set(dir, key);
    return key;
  }

  /** One line per project configuration that could not be read as written, for the report's notices. */
  projectConfigProblems(): string[] {
    return [...this.configProblems.values()];
  }

  private readCompilerOptions(configFile: string): ts.CompilerOptions {
    const read = ts.readConfigFile(configFile, (f) => this.host.readFile(f));
    // Like tsc, use what could be read of a file with a syntax error: a missing brace must not drop every path alias.
    if (!read.config) {
      if (read.error) this.noteProblem(configFile, read.error);
      return DEFAULT_OPTIONS;
    }
    // Only the options matter here; listing the project's files would cost a directory walk.
    const parseHost: ts.ParseConfigHost = {
      useCaseSensitiveFileNames: true,
      readDirectory: () => [],
      fileExists: (f) => this.host.fileExists(f),
      readFile: (f) => this.host.readFile(f),
    };
    const parsed = ts.parseJsonConfigFileContent(read.config, parseHost, path.posix.dirname(configFile), undefined, configFile);
    // TS18003 "no inputs": this host lists no files on purpose.
    const problem = read.error ?? parsed.errors.find((e) => e.category === ts.DiagnosticCategory.Error && e.code !== 18003);
    if (problem) this.noteProblem(configFile, problem);
    const options = { ...parsed.options, allowJs: true, resolveJsonModule: true };
    if (options.moduleResolution === undefined || options.moduleResolution === ts.ModuleResolutionKind.Classic) {
      // Classic resolution never looks in node_modules or at package.json; nobody means it today.
      options.moduleResolution = ts.ModuleResolutionKind.Bundler;
      options.module = ts.ModuleKind.ESNext;
    }
    return options;
  }

  private noteProblem(configFile: string, diagnostic: ts.Diagnostic): void {
    const at = diagnostic.file && diagnostic.start !== undefined ? ts.getLineAndCharacterOfPosition(diagnostic.file, diagnostic.start) : undefined;
    const where = `${relativeTo(this.root, configFile)}${at ? `:${at.line + 1}:${at.character + 1}` : ''}`;
    this.configProblems.set(configFile, `${where}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ')} Module resolution uses what TypeScript could read of it; path aliases may not resolve as the compiler's do.`);
  }
}

function isBare(specifier: string): boolean {
  return !specifier.startsWith('.') && !specifier.startsWith('/');
}
