import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { COLLECTORS, ON_DEMAND_COLLECTORS, RULES } from './checks';
import type { DomainEdges, FactCollector, FileRule, Report, Rule, RuleMeta, WorkspaceRule } from './checks/rule';
import type { Config, ConfigDiagnostic } from './config/config';
import { CONFIG_FILE_NAME } from './config/defaults';
import { configRangeOf, loadConfig } from './config/load-config';
import { type FileStamp, type Host, OverlayHost, isInsideDir, normalizePath, spelledFrom } from './host';
import type { ExtractResult, ImportFact } from './graph/extract-imports';
import { ImportGraph, RecordingGraph, type Reads, addRead, type ResolvedImport } from './graph/import-graph';
import { type ReadEntry, ReadIndex } from './graph/read-index';
import { type ResolvedTarget, Resolver } from './graph/resolver';
import { type EditPlan, type Finding, type Range, type Severity, compareFindings, sameFindings } from './model';
import { runDependencyCruiser } from './depcruise/run-dependency-cruiser';
import { type CacheContents, type CachedFile, type CheckedState, readPersistedCache, resolutionSignature, writePersistedCache } from './cache/persisted-cache';
import { FileFacts } from './cache/file-facts';
import { version as toolVersion } from '../package.json';
import { type DebtEntry, DebtMatcher, type DebtRegister, debtDiagnostics, loadDebtRegister, today } from './debt/debt-register';
import { createProjectContext } from './project-checks/context';
import { type ProjectCheckResult, runProjectChecks } from './project-checks';
import { type FixArguments, type FixContext, FixError, type FixOffer } from './fixes/fix';
import { fixesForRule } from './fixes';
import { discoverSourceFiles, isSourceFile, wouldDiscover } from './workspace/discover-files';
import { WorkspaceModel } from './workspace/workspace-model';
import { type ParsedFile, parseBuffer, parseFile } from './scan/parse-file';
import { type CpuSample, type ParseWorker, defaultParseWorkers, sampleCpus, startParseWorkers } from './scan/parse-pool';

export interface CancellationToken {
  readonly isCancellationRequested: boolean;
}

export interface ScanProgress {
  phase: 'discover' | 'analyze' | 'check';
  done: number;
  total: number;
}

export interface ScanOptions {
  token?: CancellationToken;
  onProgress?: (p: ScanProgress) => void;
  /**
   * Leave writing the cache file to `persistDeferred()` (the editor publishes the findings first:
   * writing 18 MB at 7,000 files costs ~0.2 s). Safe however late: an edit in between is an
   * overlay, which has no stamp, so the next start reads that file again.
   */
  deferPersist?: boolean;
}

export type Change =
  /** An editor buffer was opened or edited: its text shadows the disk. */
  | { type: 'buffer'; file: string; text: string }
  /** An editor buffer was closed: the disk is the truth again. */
  | { type: 'buffer-closed'; file: string }
  | { type: 'disk'; file: string; event: 'created' | 'changed' | 'deleted' };

export interface UpdateResult {
  /** Files whose findings changed (publish these). */
  files: string[];
  /** Whether the configuration diagnostics changed (publish the config file). */
  configChanged: boolean;
  /** Whether the debt register was reloaded (publish its diagnostics). */
  debtChanged?: boolean;
}

export interface SessionOptions {
  /** Today as YYYY-MM-DD, for the expiry of debt entries (tests pass a fixed day). */
  today?: () => string;
  /**
   * Where to keep the facts of the last scan (outside the workspace: the editor's storage), so a
   * restarted server re-parses only what changed. Written after each full scan.
   */
  cacheFile?: string;
  /** How a large scan parses on worker threads. */
  parallel?: ParallelOptions;
}

export interface ScanStatistics {
  /** Files parsed (their content was not in the cache). */
  parsed: number;
  /** Of those, the files parse workers parsed. */
  parsedByWorkers: number;
  /** Parse workers started. */
  workers: number;
}

export interface ParallelOptions {
  /** Parse workers besides the main thread; 0 parses on the main thread alone. Default: one per core that other processes leave idle while the files are listed. */
  workers?: number;
  /**
   * Fewer files to parse than this are parsed on the main thread. A worker's start and second
   * warm-up of the parser cost as much as parsing a few thousand files: on 2 cores a worker gained
   * nothing at 5,000 files and ~10% at 20,000, and it raises the memory a scan peaks at.
   */
  minFiles?: number;
  /** The worker script (tests start a failing one). */
  script?: string;
}

/** Files per message to a parse worker: large enough to amortise a message, small enough to share the work evenly. */
const PARSE_CHUNK = 100;

export interface SkippedFile {
  file: string;
  reason: string;
}

/** A file the scan read and hashed; its text until it is parsed, then the parse (none when the cache knew the content). */
interface Scanned {
  hash: string;
  text?: string;
  parsed?: ParsedFile;
}

/** Collectors whose facts other files' checks read: the part of a file's facts that is its interface. */
const READ_BY_OTHERS = new Set([...COLLECTORS.values(), ...ON_DEMAND_COLLECTORS].filter((c) => c.readByOtherFiles).map((c) => c.id));

/** Files whose change means resolution results may be stale. */
const RESOLUTION_INPUTS = /(^|\/)(tsconfig[^/]*\.json|jsconfig\.json|package\.json|pnpm-workspace\.yaml)$/;

/**
 * One workspace folder, analysed: configuration, workspace model, import graph and findings.
 * Everything the language server and the CLI ask goes through here, and both get the same answers.
 * Per-file work is cached by content hash; a change re-checks the file and its importers only.
 */
export class Session {
  readonly root: string;
  readonly host: OverlayHost;
  private configState: { config: Config; diagnostics: ConfigDiagnostic[]; file?: string; usable: boolean };
  private model: WorkspaceModel;
  private resolver: Resolver;
  private readonly graph = new ImportGraph();
  /** The graph file rules see, recording what each check looks at. */
  private readonly ruleGraph = new RecordingGraph(this.graph);
  private readonly facts = new Map<string, FileFacts>();
  private readonly skipped = new Map<string, string>();
  /** Folders the scan could not list, and files some rule failed on: reported with the skipped files. */
  private skippedFolders = new Map<string, string>();
  private readonly ruleFailures = new Map<string, string>();
  private sourceFiles = new Set<string>();
  private readonly fileFindings = new Map<string, Finding[]>();
  private workspaceFindings = new Map<string, Finding[]>();
  private dependencyCruiserFindings = new Map<string, Finding[]>();
  private dependencyCruiserProblemText: string | undefined;
  /** A dependency-cruiser configuration that does not load or that dependency-cruiser refuses: an error in foundations.json. */
  private dependencyCruiserConfigError: ConfigDiagnostic | undefined;
  private readonly foreignDomainsOf = new Map<string, Set<string>>();
  private readonly domainEdges = new Map<string, Map<string, Set<string>>>();
  /** Whose facts and import lists each file's last check read: when they change, the readers are re-checked. */
  private readonly factReads = new ReadIndex();
  /** Whose importers each file's last check listed: when a file's imports move, the readers of its targets are re-checked. */
  private readonly importerReads = new ReadIndex();
  private scanned = false;
  private debt: DebtMatcher;
  private readonly today: () => string;
  private revisionValue = 0;
  private projectCache: { revision: number; results: ProjectCheckResult[] } | undefined;

  private readonly cacheFile: string | undefined;
  private readonly parallel: ParallelOptions;

  private constructor(root: string, host: Host, options: SessionOptions = {}) {
    this.root = root;
    this.cacheFile = options.cacheFile;
    this.parallel = options.parallel ?? {};
    this.host = new OverlayHost(host);
    this.resolver = new Resolver(this.host, root);
    const loaded = loadConfig(this.host, root);
    const usable = loaded.config !== undefined;
    this.configState = {
      config: loaded.config ?? loadConfig(emptyHost(this.host), root).config!,
      diagnostics: loaded.diagnostics,
      file: loaded.file,
      usable,
    };
    this.model = new WorkspaceModel(this.configState.config);
    this.today = options.today ?? today;
    this.debt = new DebtMatcher(loadDebtRegister(this.host, root, this.configState.config.debt), root);
  }

  static open(root: string, host: Host, options?: SessionOptions): Session {
    const spelt = normalizePath(root);
    return new Session(spelt, spelledFrom(host, spelt), options);
  }

  /** Grows whenever findings, configuration, debt or the files project checks read change: views refresh on it. */
  get revision(): number {
    return this.revisionValue;
  }

  get config(): Config {
    return this.configState.config;
  }

  /** Errors and warnings in foundations.json, with ranges in it. */
  get configDiagnostics(): readonly ConfigDiagnostic[] {
    return this.dependencyCruiserConfigError ? [...this.configState.diagnostics, this.dependencyCruiserConfigError] : this.configState.diagnostics;
  }

  /** foundations.json's path when it exists. */
  get configFile(): string | undefined {
    return this.configState.file;
  }

  /** Whether the configuration in use came from a foundations.json without errors. */
  get hasUsableConfig(): boolean {
    return this.configState.usable && this.configState.file !== undefined;
  }

  get workspaceModel(): WorkspaceModel {
    return this.model;
  }

  get importGraph(): ImportGraph {
    return this.graph;
  }

  get isScanned(): boolean {
    return this.scanned;
  }

  files(): string[] {
    return [...this.sourceFiles].sort();
  }

  /** Whether a file is one of the analysed source files (cheaper than searching files()). */
  hasFile(file: string): boolean {
    return this.sourceFiles.has(file);
  }

  get fileCount(): number {
    return this.sourceFiles.size;
  }

  skippedFiles(): SkippedFile[] {
    const all = new Map([...this.skippedFolders, ...this.ruleFailures, ...this.skipped]);
    return [...all].map(([file, reason]) => ({ file, reason })).sort((a, b) => (a.file < b.file ? -1 : 1));
  }

  rules(): readonly RuleMeta[] {
    return RULES;
  }

  severityOf(rule: RuleMeta): Severity | 'off' {
    return this.config.rules.get(rule.id)?.severity ?? rule.defaultSeverity;
  }

  /** Every finding, sorted by file and position, with the debt register applied. */
  findings(): Finding[] {
    const all: Finding[] = [];
    for (const list of this.fileFindings.values()) all.push(...list);
    for (const list of this.workspaceFindings.values()) all.push(...list);
    for (const list of this.dependencyCruiserFindings.values()) all.push(...list);
    return this.debt.apply(all.sort(compareFindings), this.today());
  }

  findingsFor(file: string): Finding[] {
    return this.debt.apply(this.rawFindingsFor(file), this.today());
  }

  /** Findings as the rules report them, before the debt register. */
  private rawFindingsFor(file: string): Finding[] {
    return [...(this.fileFindings.get(file) ?? []), ...(this.workspaceFindings.get(file) ?? []), ...(this.dependencyCruiserFindings.get(file) ?? [])].sort(compareFindings);
  }

  /** The debt register (foundations-debt.json, or the file `debt` names): its entries, whether it exists. */
  get debtRegister(): DebtRegister {
    return this.debt.register;
  }

  debtEntries(): DebtEntry[] {
    return this.debt.register.entries;
  }

  /** Entries of the register no finding matches any more (fixed): `foundations debt prune` removes them. */
  staleDebt(): DebtEntry[] {
    return this.debt.stale(
      (file) => this.rawFindingsFor(file),
      (rule) => (this.config.rules.get(rule)?.severity ?? RULES.find((r) => r.id === rule)?.defaultSeverity) === 'off',
    );
  }

  /** Problems to show in the register file: invalid entries, stale and expired ones. */
  debtDiagnostics(): ConfigDiagnostic[] {
    return debtDiagnostics(this.debt.register, this.staleDebt(), this.today());
  }

  /** The project-level checks (CI, environments, logging, rollback, tests, Definition of Done), computed on demand. */
  projectChecks(): ProjectCheckResult[] {
    if (this.projectCache?.revision === this.revisionValue) return this.projectCache.results;
    const results = runProjectChecks(
      createProjectContext({
        root: this.root,
        host: this.host,
        config: this.config,
        model: this.model,
        sourceFiles: this.files(),
        findings: this.findings(),
        importsOf: (file) => (this.graph.has(file) ? this.graph.importsOf(file) : this.importsOfUnanalysed(file)),
      }),
    );
    this.projectCache = { revision: this.revisionValue, results };
    return results;
  }

  /** Imports of a file outside the analysis (an excluded test), parsed and resolved on demand. */
  private importsOfUnanalysed(file: string): ResolvedImport[] {
    const text = this.host.readFile(file);
    if (text === undefined) return [];
    return parseFile(file, text, []).extract.imports.map((i) => withTarget(i, this.resolver.resolve(i.specifier, file)));
  }

  /** The project configurations (tsconfig.json) that could not be read as written, one line each. */
  get projectConfigProblems(): string[] {
    return this.resolver.projectConfigProblems();
  }

  /** Why the user's dependency-cruiser rules are not reported (untrusted, not installed, failed), if so. */
  get dependencyCruiserProblem(): string | undefined {
    return this.dependencyCruiserProblemText;
  }

  /**
   * Runs the workspace's own dependency-cruiser configuration, if it has one. It re-reads the
   * disk and takes seconds on a large repository, so the server calls it after the scan and on
   * save, never on a keystroke.
   */
  async runDependencyCruiser(): Promise<UpdateResult & { ms: number }> {
    const configFile = this.config.dependencyCruiser;
    const before = this.findingsOf(this.filesWithFindings());
    if (!configFile) {
      this.dependencyCruiserFindings = new Map();
      this.dependencyCruiserProblemText = undefined;
      const configChanged = this.dependencyCruiserConfigError !== undefined;
      this.dependencyCruiserConfigError = undefined;
      return { files: this.diff(before), configChanged, ms: 0 };
    }
    const roots = this.config.sourceRoots.map((r) => (r === this.root ? '.' : r.slice(this.root.length + 1)));
    const run = await runDependencyCruiser(this.root, configFile, this.host.trusted, this.graph, roots.length > 0 ? roots : ['.']);
    const next = new Map<string, Finding[]>();
    for (const f of run.findings) {
      if (this.isSuppressed(f.file, f.ruleId, f.range)) continue;
      if (this.severityOf({ id: f.ruleId, defaultSeverity: f.severity } as RuleMeta) === 'off') continue;
      const list = next.get(f.file) ?? [];
      list.push(f);
      next.set(f.file, list);
    }
    this.dependencyCruiserFindings = next;
    this.dependencyCruiserProblemText = run.problem;
    const previousError = JSON.stringify(this.dependencyCruiserConfigError);
    this.dependencyCruiserConfigError = run.configProblem ? this.dependencyCruiserConfigDiagnostic(configFile, run.problem!) : undefined;
    const configChanged = JSON.stringify(this.dependencyCruiserConfigError) !== previousError;
    const files = this.diff(before);
    if (files.length > 0 || configChanged) this.revisionValue++;
    return { files, configChanged, ms: run.ms };
  }

  /** At the "dependencyCruiser" key when foundations.json names the file, else at its top. */
  private dependencyCruiserConfigDiagnostic(configFile: string, problem: string): ConfigDiagnostic {
    const text = this.configState.file ? this.host.readFile(this.configState.file) : undefined;
    const key = text !== undefined && /"dependencyCruiser"\s*:/.test(text) ? ['dependencyCruiser'] : [];
    const name = configFile.slice(this.root.length + 1);
    return {
      severity: 'error',
      message: `The dependency-cruiser configuration ${name} cannot be used: ${problem}`,
      path: key,
      range: text === undefined ? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } : configRangeOf(text, key),
    };
  }

  /** Domain → the domains its files actually import (declared or not). */
  domainDependencies(): Map<string, Set<string>> {
    const result = new Map<string, Set<string>>();
    for (const [from, targets] of this.domainEdges) result.set(from, new Set(targets.keys()));
    return result;
  }

  /** Every file that has findings now. */
  filesWithFindings(): string[] {
    return [...new Set([...this.fileFindings.keys(), ...this.workspaceFindings.keys(), ...this.dependencyCruiserFindings.keys()])].sort();
  }

  /** The first full analysis: discover, read, parse, resolve, check. Yields between batches. */
  async scan(options: ScanOptions = {}): Promise<void> {
    const { onProgress } = options;
    // What the cores do while the files are listed says whether parse workers would find one idle.
    const cpusAtStart = sampleCpus();
    onProgress?.({ phase: 'discover', done: 0, total: 0 });
    const files = this.discover();
    this.sourceFiles = new Set(files);
    // Taken before any file is read: a stamp can only vouch for content read after it (see persist).
    const scanStarted = Date.now();
    const stamps = this.cacheFile ? new Map(files.map((file) => [file, this.host.stamp?.(file)])) : new Map<string, FileStamp | undefined>();
    const persisted = this.cacheFile && this.facts.size === 0 ? readPersistedCache(this.cacheFile, toolVersion) : undefined;
    const restored = persisted ? this.restore(persisted, files, stamps) : { pending: files, stale: files, checked: false, unvouched: files.length };
    const parsesBefore = this.parses;
    if (!(await this.analyzeAll(restored.pending, options, cpusAtStart))) return;
    onProgress?.({ phase: 'check', done: 0, total: files.length });
    // The last check's outcome is restored as it was: files changed since are re-checked as edits are.
    if (!restored.checked) this.checkAll();
    else if (restored.stale.length > 0) this.update(restored.stale.map((file) => ({ type: 'disk', file, event: 'changed' })));
    this.resolver.releaseScanCaches();
    this.scanned = true;
    // Rewriting an unchanged cache would cost the warm start a good part of what it saved; files that
    // had to be read to be validated (touched, or written just before the last scan) get their stamps recorded.
    if (this.cacheFile && (this.parses !== parsesBefore || restored.unvouched > 0)) {
      const persist = () => this.persist(files, stamps, scanStarted);
      if (options.deferPersist) this.pendingPersist = persist;
      else persist();
    }
    this.revisionValue++;
    onProgress?.({ phase: 'check', done: files.length, total: files.length });
  }

  private pendingPersist: (() => void) | undefined;

  /** Writes the cache a scan with `deferPersist` left to write, if any; whether there was one. */
  persistDeferred(): boolean {
    const persist = this.pendingPersist;
    this.pendingPersist = undefined;
    persist?.();
    return persist !== undefined;
  }

  /**
   * What other files can see of a file: its resolved imports and its facts, without positions.
   * Equal before and after an edit means no other file's findings can change.
   */
  private interfaceOf(file: string): string {
    const facts = this.facts.get(file);
    const imports = this.graph.importsOf(file).map((i) => [i.specifier, i.kind, i.typeOnly, i.names, i.target]);
    const shared = facts ? [...facts.semantic].filter(([id]) => READ_BY_OTHERS.has(id)) : [];
    return JSON.stringify([imports, facts?.extract.failure, shared], (key, value: unknown) => {
      if (key === 'range' || key === 'line' || key === 'character') return undefined;
      if (value instanceof Map) return [...value];
      if (value instanceof Set) return [...value];
      return value;
    });
  }

  /**
   * Takes what the cache knows of files whose content is unchanged: their facts always; their
   * resolved imports when resolution is unchanged (same file list, same tsconfigs and manifests);
   * and the outcome of the last check when, besides, the configuration is the same. Then only the
   * files that changed are read again, and (with the outcome) re-checked like edits.
   * A file is unchanged when its stamp is the one recorded with its hash, else when its text hashes the same.
   */
  private restore(cache: CacheContents, files: string[], stamps: ReadonlyMap<string, FileStamp | undefined>): Restored {
    const cached = new Map(cache.files.map((entry) => [entry.file, entry]));
    const restoreFacts = (entry: CachedFile, imports: ImportFact[]) =>
      this.facts.set(entry.file, new FileFacts(entry.hash, { imports, syntaxErrors: entry.syntaxErrors, failure: entry.failure }, entry.suppressions, entry.semantic));
    if (resolutionSignature(files, cache.resolution.inputs, (f) => this.host.readFile(f)) !== cache.resolution.signature) {
      // The targets of every import may have moved: each file is resolved again (its parse is reused when its hash matches).
      for (const file of files) {
        const entry = cached.get(file);
        if (entry) restoreFacts(entry, entry.imports.map(withoutTarget));
      }
      return { pending: files, stale: files, checked: false, unvouched: files.length };
    }
    this.resolver.importMemo(cache.resolution.projects);
    const unvouched = files.filter((file) => !vouches(stamps.get(file), cached.get(file)?.stamp));
    const stale = new Set(unvouched.filter((file) => !this.hashes(file, cached.get(file)?.hash)));
    const checked =
      cache.checked !== undefined &&
      cache.checked.inputs === this.checkInputs() &&
      files.every((file) => cached.has(file)) &&
      reach(stale, cache.files, cache.checked.factReads) <= files.length * MAX_RECHECKED_SHARE;
    for (const file of files) {
      const entry = cached.get(file);
      // Without the last outcome, a changed file is simply analysed again; with it, it is restored as it
      // was, so that re-checking it as an edit compares with what it was.
      if (!entry || (!checked && stale.has(file))) continue;
      restoreFacts(entry, entry.imports);
      if (entry.failure) this.skipped.set(file, entry.failure);
      this.graph.set(file, entry.imports);
    }
    if (checked) this.restoreOutcome(cache.checked!);
    return { pending: checked ? [] : [...stale], stale: [...stale], checked, unvouched: unvouched.length };
  }

  /** Whether a file's text has this hash. */
  private hashes(file: string, hash: string | undefined): boolean {
    const text = hash === undefined ? undefined : this.host.readFile(file);
    return text !== undefined && digest(text) === hash;
  }

  private restoreOutcome(checked: CheckedState): void {
    for (const [file, findings] of checked.fileFindings) this.fileFindings.set(file, findings);
    this.workspaceFindings = new Map(checked.workspaceFindings);
    for (const [file, reason] of checked.ruleFailures) this.ruleFailures.set(file, reason);
    this.factReads.load(checked.factReads);
    this.importerReads.load(checked.importerReads);
    for (const [file, from, domains] of checked.foreignDomains) this.setForeignDomains(file, new Set(domains), from);
  }

  /**
   * Everything besides the files, their resolution and the engine that a check's outcome depends on:
   * the configuration in force (not the text on disk: a broken foundations.json keeps the last good
   * one) and trust. The configuration's functions are derived from the data beside them, except
   * isExcluded, which decides the file list (part of the resolution signature).
   */
  private checkInputs(): string {
    const data = JSON.stringify([this.host.trusted, this.config], (_key, value: unknown) =>
      value instanceof Map || value instanceof Set ? [...value] : typeof value === 'function' ? undefined : value,
    );
    return digest(data);
  }

  /**
   * Writes the facts of every file, the resolution memo and the outcome of the check. A file's
   * stamp is recorded only when it vouches for the content that was read: the file had it before
   * the scan read anything and still has it, and was last written well before the scan started, so
   * a write during the scan cannot hide behind the file system's timestamp granularity.
   */
  private persist(files: string[], stamps: ReadonlyMap<string, FileStamp | undefined>, scanStarted: number): void {
    const trusted = (file: string): FileStamp | undefined => {
      const now = this.host.stamp?.(file);
      return now && vouches(now, stamps.get(file)) && Math.max(now[1], now[2]) < scanStarted - TIMESTAMP_SLACK_MS ? now : undefined;
    };
    const inputs = this.resolver.resolutionInputs();
    try {
      writePersistedCache(this.cacheFile!, {
        toolVersion,
        files: files.flatMap((file) => {
          const facts = this.facts.get(file);
          if (!facts) return [];
          const { hash, extract, suppressions } = facts;
          const imports = this.graph.importsOf(file) as ResolvedImport[];
          return [{ file, hash, stamp: trusted(file), syntaxErrors: extract.syntaxErrors, failure: extract.failure, imports, suppressions, semantic: facts.serialized() }];
        }),
        resolution: { signature: resolutionSignature(files, inputs, (f) => this.host.readFile(f)), inputs, projects: this.resolver.exportMemo() },
        checked: {
          inputs: this.checkInputs(),
          fileFindings: [...this.fileFindings],
          workspaceFindings: [...this.workspaceFindings],
          ruleFailures: [...this.ruleFailures],
          factReads: this.factReads.entries(),
          importerReads: this.importerReads.entries(),
          foreignDomains: [...this.foreignDomainsOf].map(([file, domains]) => [file, this.model.membership(file).domain!.name, [...domains]]),
        },
      });
    } catch {
      // A cache that cannot be written costs the next start its speed, nothing else.
    }
    for (const facts of this.facts.values()) facts.keepSerializedOnly();
  }

  /** Applies changes (edits, saves, file events) and says which files' findings changed. */
  update(changes: readonly Change[]): UpdateResult {
    let configText: string | undefined | null = null;
    let structural = false;
    let debtTouched = false;
    let projectTouched = false;
    let appearedOrVanished = false;
    const touched = new Set<string>();
    for (const change of changes) {
      const file = normalizePath(change.file);
      if (change.type === 'disk' && change.event !== 'changed') appearedOrVanished = true;
      if (change.type === 'buffer') this.host.setOverlay(file, change.text);
      else if (change.type === 'buffer-closed') {
        this.host.deleteOverlay(file);
        this.bufferTrees.delete(file);
      }
      const relative = isInsideDir(file, this.root) ? file.slice(this.root.length + 1) : undefined;
      if (relative === undefined) continue;
      if (relative === CONFIG_FILE_NAME) {
        configText = change.type === 'buffer' ? change.text : undefined;
      } else if (RESOLUTION_INPUTS.test(relative) || relative.endsWith('.gitignore')) {
        structural = true;
      } else if (isSourceFile(file)) {
        if (change.type === 'disk' && change.event !== 'changed') structural = true;
        else if (this.scanned && this.changesTheFileSet(file, relative)) appearedOrVanished = true;
        else touched.add(file);
      } else if (relative === this.config.debt) {
        debtTouched = true;
      } else {
        // CI files, .env files, migrations, docs: what the project checks read.
        projectTouched = true;
      }
    }
    // Edits of source files alone change only the files they re-check: those are compared then, not every file.
    const sourcesOnly = configText === null && !structural && !appearedOrVanished && !debtTouched;
    let before = sourcesOnly ? new Map<string, Finding[]>() : this.findingsOf(this.filesWithFindings());
    let configChanged = false;
    if (configText !== null) configChanged = this.reloadConfig(configText);
    else if (appearedOrVanished) {
      // Whether domain folders and the files it names exist is part of the configuration's validity
      // (a domain declared before its folder was created): judge it again when files come and go.
      configChanged = this.reloadConfig(undefined);
      structural = true;
    }
    const debtBefore = this.debt.register;
    if (configText !== null || debtTouched) this.debt = new DebtMatcher(loadDebtRegister(this.host, this.root, this.config.debt), this.root);
    const debtChanged = this.debt.register !== debtBefore && JSON.stringify(this.debt.register) !== JSON.stringify(debtBefore);
    /** Whether the workspace rules must run again: a file's foreign domains changed, or a file they report in moved its imports. */
    let workspaceStale = false;
    if (configText !== null || structural) {
      // Before the first scan (editor buffers open at start-up) there is nothing to rebuild: the scan
      // analyses with what is in force then, and can still use the persisted cache.
      if (this.scanned) this.rebuild();
    } else {
      const recheck = new Set<string>();
      for (const file of touched) {
        if (!this.sourceFiles.has(file)) continue;
        const namesBefore = this.importedNames(file);
        const interfaceBefore = this.interfaceOf(file);
        const foreignBefore = this.foreignDomainsOf.get(file);
        const moved = this.analyze(file);
        // The domain edges decide which imports a cycle is reported at: only a change of them, or a move of an
        // import in a file reported in (even within its line), can change the workspace rules' findings.
        if (moved && (this.workspaceFindings.has(file) || symmetricDifference(foreignBefore, this.foreignDomainsOf.get(file)).size > 0)) workspaceStale = true;
        recheck.add(file);
        // Typing inside a body changes neither what the file imports nor the facts other files read
        // from it: then its own findings are all that can change (the keystroke path).
        if (this.interfaceOf(file) === interfaceBefore) continue;
        const namesAfter = this.importedNames(file);
        const changedByTarget = new Map<string, Set<string>>();
        for (const target of new Set([...namesBefore.keys(), ...namesAfter.keys()])) {
          const changed = symmetricDifference(namesBefore.get(target), namesAfter.get(target));
          if (changed.size > 0) changedByTarget.set(target, changed);
        }
        // Files whose findings were computed from this file's facts (a re-exported state, a mount prefix), or
        // from its imports of names that changed (who imports the router a reader looks for)…
        for (const reader of this.factReads.readersOf(file, new Set([...changedByTarget.values()].flatMap((names) => [...names])))) recheck.add(reader);
        if (!moved) continue;
        // …and from the importers of what it imported or now imports (who changes an exported state, who
        // mounts a router), when the names it imports from there are among those the reader looked for.
        for (const [target, changed] of changedByTarget) for (const reader of this.importerReads.readersOf(target, changed)) recheck.add(reader);
      }
      if (sourcesOnly) before = this.findingsOf([...recheck, ...(workspaceStale ? this.workspaceFindings.keys() : [])]);
      for (const file of recheck) this.checkFile(file);
      if (workspaceStale) this.checkWorkspace();
      if (sourcesOnly && workspaceStale) for (const file of this.workspaceFindings.keys()) if (!before.has(file)) before.set(file, []);
    }
    const files = this.diff(before, sourcesOnly);
    if (files.length > 0 || configChanged || debtChanged || projectTouched || workspaceStale || structural || configText !== null) this.revisionValue++;
    return { files, configChanged, ...(debtChanged ? { debtChanged } : {}) };
  }

  /**
   * Whether an edit or a save is the first news of a file the scan did not find (created since, in a
   * client that watches no files: Neovim 0.7), or the last of one that no longer is (an unsaved
   * buffer closed): then discovery, not the edit, decides what is checked.
   */
  private changesTheFileSet(file: string, relative: string): boolean {
    return this.sourceFiles.has(file) ? !this.host.fileExists(file) : wouldDiscover(this.host, this.root, relative, this.config.isExcluded);
  }

  /** Workspace file → the names this file imports from it ('*': a namespace, `export *`, or a require). A type-only import counts apart. */
  private importedNames(file: string): Map<string, Set<string>> {
    const byTarget = new Map<string, Set<string>>();
    for (const i of this.graph.importsOf(file)) {
      if (i.target.kind !== 'file') continue;
      let names = byTarget.get(i.target.file);
      if (!names) byTarget.set(i.target.file, (names = new Set()));
      for (const name of i.names.length > 0 ? i.names : ['*']) names.add(i.typeOnly ? `type ${name}` : name);
    }
    return byTarget;
  }

  /** Reads foundations.json again; a broken file keeps the last good configuration in force. */
  private reloadConfig(text: string | undefined): boolean {
    const loaded = loadConfig(this.host, this.root, text);
    const previous = this.configState.diagnostics;
    if (loaded.config) {
      this.configState = { config: loaded.config, diagnostics: loaded.diagnostics, file: loaded.file, usable: true };
      this.model = new WorkspaceModel(loaded.config);
    } else {
      this.configState = { ...this.configState, diagnostics: loaded.diagnostics, file: loaded.file, usable: false };
    }
    return JSON.stringify(previous) !== JSON.stringify(loaded.diagnostics);
  }

  /** Files appeared or vanished, or resolution inputs changed: rediscover and re-resolve, reusing parses. */
  private rebuild(): void {
    this.resolver.invalidate();
    const files = this.discover();
    const current = new Set(files);
    for (const file of this.sourceFiles) {
      if (!current.has(file)) this.forget(file);
    }
    this.sourceFiles = current;
    for (const file of files) this.analyze(file, true);
    this.checkAll();
  }

  private discover(): string[] {
    const unreadable = new Map<string, string>();
    const files = discoverSourceFiles(this.host, this.root, this.config.isExcluded, (dir, reason) => unreadable.set(dir, reason));
    this.skippedFolders = unreadable;
    this.resolver.setKnownFiles(files);
    return files;
  }

  private forget(file: string): void {
    this.factReads.record(file, new Map());
    this.importerReads.record(file, new Map());
    this.graph.delete(file);
    this.facts.delete(file);
    this.bufferTrees.delete(file);
    this.skipped.delete(file);
    this.ruleFailures.delete(file);
    this.fileFindings.delete(file);
    this.setForeignDomains(file, new Set());
  }

  /**
   * Reads, parses and resolves every file of a scan; false when cancelled. Files whose content the
   * cache does not know are parsed on worker threads as well as here when there are enough of them;
   * files are resolved and recorded in the order they were listed either way, so the result does not
   * depend on who parsed what.
   */
  private async analyzeAll(files: string[], { token, onProgress }: ScanOptions, cpusAtStart: CpuSample): Promise<boolean> {
    const { workers = defaultParseWorkers(cpusAtStart), minFiles = 10_000, script } = this.parallel;
    // With nothing cached every file will be parsed: no need to read them first, and the workers can
    // start now, loading while the main thread parses its first chunk.
    const nothingCached = this.facts.size === 0;
    let pool = nothingCached && files.length >= minFiles ? startParseWorkers(workers, script) : [];
    try {
      /** Files read, hashed (and parsed, if their content is new), waiting to be recorded in order. */
      const ready = new Map<string, Scanned>();
      /** Files to parse that are not parsed yet; a changed file's text, when it was read to be hashed. */
      const toParse = new Map<string, Scanned | undefined>();
      for (const file of files) {
        if (nothingCached) {
          toParse.set(file, undefined);
          continue;
        }
        const text = this.host.readFile(file);
        if (text === undefined) continue;
        const hash = digest(text);
        if (this.facts.get(file)?.hash === hash) ready.set(file, { hash });
        else toParse.set(file, { hash, text });
      }
      if (pool.length === 0 && toParse.size >= minFiles) pool = startParseWorkers(workers, script);
      this.lastScan = { parsed: 0, parsedByWorkers: 0, workers: pool.length };
      const queue: string[][] = [];
      const unparsed = [...toParse.keys()];
      for (let i = 0; i < unparsed.length; i += PARSE_CHUNK) queue.push(unparsed.slice(i, i + PARSE_CHUNK));
      /**
       * The texts of a chunk, read now unless they were. They stay to parse until parsed, so a failed
       * worker's chunk goes back with them; an unreadable file leaves the chunk (analyze reports it).
       */
      const take = (chunk: string[]) =>
        chunk.flatMap((file) => {
          let scanned = toParse.get(file);
          if (!scanned) {
            const text = this.host.readFile(file);
            if (text === undefined) {
              toParse.delete(file);
              return [];
            }
            toParse.set(file, (scanned = { hash: digest(text), text }));
          }
          return [{ file, scanned }];
        });
      const parsed = (file: string, scanned: Scanned, result: ParsedFile) => {
        toParse.delete(file);
        ready.set(file, { hash: scanned.hash, parsed: result });
        this.lastScan.parsed++;
      };
      // Each worker takes the next chunk when done with one; a worker that fails hands its chunk back.
      const feed = async (worker: ParseWorker) => {
        for (let chunk = queue.shift(); chunk; chunk = queue.shift()) {
          const taken = take(chunk);
          try {
            const results = await worker.parse(taken.map(({ file, scanned }) => ({ file, text: scanned.text!, collectors: this.collectorsFor(file).map((c) => c.id) })));
            taken.forEach(({ file, scanned }, i) => parsed(file, scanned, results[i]));
            this.parses += results.length;
            this.lastScan.parsedByWorkers += results.length;
          } catch {
            queue.unshift(chunk);
            return;
          }
        }
      };
      const feeding = new Set<Promise<void>>();
      // Two chunks in flight per worker: this thread reads a worker's results only between two chunks
      // of its own, and with one the worker would wait idle for that.
      for (const worker of [...pool, ...pool]) {
        const done: Promise<void> = feed(worker).finally(() => feeding.delete(done));
        feeding.add(done);
      }
      let next = 0;
      while (next < files.length) {
        if (token?.isCancellationRequested) return false;
        const chunk = queue.shift();
        if (chunk) for (const { file, scanned } of take(chunk)) parsed(file, scanned, this.parse(file, scanned.text!));
        else if (feeding.size > 0) await Promise.race(feeding);
        // Record what is ready, in order: resolution overlaps the workers' parsing.
        const before = next;
        for (; next < files.length; next++) {
          const file = files[next];
          if (toParse.has(file)) break;
          this.analyze(file, false, ready.get(file));
          ready.delete(file);
        }
        if (next > before) onProgress?.({ phase: 'analyze', done: next, total: files.length });
        await yieldToEventLoop();
      }
      return true;
    } finally {
      for (const worker of pool) worker.close();
    }
  }

  /**
   * Reads, parses (when the content changed) and resolves one file — or takes what the scan read and
   * parsed of it. Returns whether its resolved imports changed.
   */
  private analyze(file: string, forceResolve = false, scanned?: Scanned): boolean {
    if (!scanned) {
      const text = this.host.readFile(file);
      if (text === undefined && !this.host.fileExists(file)) {
        // Deleted since it was listed (a branch switch mid-scan): it is gone, not skipped; the
        // file event that follows rebuilds the file list.
        this.sourceFiles.delete(file);
        this.forget(file);
        return true;
      }
      if (text === undefined) {
        this.skipped.set(file, 'it could not be read');
        this.graph.set(file, []);
        return true;
      }
      scanned = { hash: digest(text), text };
    }
    const { hash } = scanned;
    const cached = this.facts.get(file);
    if (cached?.hash === hash && !forceResolve && this.graph.has(file)) return false;
    let extract: ExtractResult;
    if (cached?.hash === hash) extract = cached.extract;
    else {
      // A scan hands over the parse; otherwise the text is here (new content is never recorded unparsed).
      const parsed = scanned.parsed ?? this.parse(file, scanned.text!);
      extract = parsed.extract;
      // Serialised for the cache while the first scan parses; an edit's facts only when the cache is next written.
      this.facts.set(file, new FileFacts(hash, extract, parsed.suppressions, parsed.semantic, { serializeNow: this.cacheFile !== undefined && !this.scanned }));
    }
    if (extract.failure) this.skipped.set(file, extract.failure);
    else this.skipped.delete(file);
    // Spelt out rather than spread: spread copies of these objects each got a hidden class of their own (~9 MB at 7,000 files).
    const resolved: ResolvedImport[] = extract.imports.map((i) => withTarget(i, this.resolver.resolve(i.specifier, file)));
    const changed = !sameImports(this.graph.importsOf(file), resolved);
    this.graph.set(file, resolved);
    this.updateDomainEdges(file);
    return changed;
  }

  /** Parses done so far (a warm start that parsed nothing need not rewrite its cache). */
  private parses = 0;
  private lastScan: ScanStatistics = { parsed: 0, parsedByWorkers: 0, workers: 0 };

  /** What the last scan parsed (the rest came from the cache), and how much of it parse workers did. */
  get scanStatistics(): ScanStatistics {
    return { ...this.lastScan };
  }

  /**
   * One parse serves import extraction and the facts of every rule that applies to the file. An
   * editor buffer keeps its tree, so the next keystroke's parse is incremental.
   */
  private parse(file: string, text: string): ParsedFile {
    this.parses++;
    if (!this.host.hasOverlay(file)) return parseFile(file, text, this.collectorsFor(file));
    const { parsed, tree } = parseBuffer(file, text, this.collectorsFor(file), this.bufferTrees.get(file));
    if (tree) this.bufferTrees.set(file, tree);
    else this.bufferTrees.delete(file);
    return parsed;
  }

  /** The syntax trees of open editor buffers, the only trees kept. */
  private readonly bufferTrees = new Map<string, import('typescript').SourceFile>();

  private collectorsFor(file: string): FactCollector[] {
    const membership = this.model.membership(file);
    return this.activeCollectors().filter((c) => c.appliesTo(membership));
  }

  /** The collectors of the rules in force; computed once per configuration, like the rules (it is asked per file). */
  private activeCollectors(): FactCollector[] {
    const rules = this.activeRules('file');
    let collectors = this.activeRulesCache!.collectors;
    if (!collectors) {
      const byId = new Map<string, FactCollector>();
      for (const rule of rules) for (const c of rule.collectors ?? []) byId.set(c.id, c);
      collectors = this.activeRulesCache!.collectors = [...byId.values()];
    }
    return collectors;
  }

  /** Facts of a file, from the cache or from a fresh parse of its current text. */
  private factsOf<T>(collector: FactCollector<T>, file: string): T | undefined {
    const entry = this.facts.get(file);
    if (!entry || entry.extract.failure) return undefined;
    if (entry.semantic.has(collector.id)) return entry.semantic.get(collector.id) as T | undefined;
    const text = this.host.readFile(file);
    if (text === undefined || digest(text) !== entry.hash) return undefined;
    const value = parseFile(file, text, [collector]).semantic.get(collector.id) as T | undefined;
    entry.addSemantic(collector.id, value);
    return value;
  }

  private updateDomainEdges(file: string): void {
    const membership = this.model.membership(file);
    // What a test imports is no dependency of the product: it makes no domain edge, no cycle.
    const from = membership.isTest ? undefined : membership.domain?.name;
    const foreign = new Set<string>();
    if (from) {
      for (const imp of this.graph.importsOf(file)) {
        if (imp.target.kind !== 'file') continue;
        const to = this.model.membership(imp.target.file).domain?.name;
        if (to && to !== from) foreign.add(to);
      }
    }
    this.setForeignDomains(file, foreign, from);
  }

  private setForeignDomains(file: string, foreign: Set<string>, from?: string): void {
    const previous = this.foreignDomainsOf.get(file);
    if (previous) {
      for (const [source, targets] of this.domainEdges) {
        for (const to of previous) targets.get(to)?.delete(file);
        for (const [to, files] of targets) if (files.size === 0) targets.delete(to);
        if (targets.size === 0) this.domainEdges.delete(source);
      }
    }
    if (!from || foreign.size === 0) {
      this.foreignDomainsOf.delete(file);
      return;
    }
    this.foreignDomainsOf.set(file, foreign);
    let targets = this.domainEdges.get(from);
    if (!targets) this.domainEdges.set(from, (targets = new Map()));
    for (const to of foreign) {
      let files = targets.get(to);
      if (!files) targets.set(to, (files = new Set()));
      files.add(file);
    }
  }

  private checkAll(): void {
    this.fileFindings.clear();
    // Domain edges depend on the model, which may be new: recompute them from the graph.
    this.foreignDomainsOf.clear();
    this.domainEdges.clear();
    for (const file of this.sourceFiles) this.updateDomainEdges(file);
    for (const file of this.sourceFiles) this.checkFile(file);
    this.checkWorkspace();
  }

  private activeRulesCache: { config: Config; byScope: Map<string, (Rule & { severity: Severity })[]>; collectors?: FactCollector[] } | undefined;

  /** The rules in force with their severities; computed once per configuration (it is asked per file). */
  private activeRules<T extends Rule['scope']>(scope: T): (Extract<Rule, { scope: T }> & { severity: Severity })[] {
    if (this.activeRulesCache?.config !== this.config) this.activeRulesCache = { config: this.config, byScope: new Map() };
    let rules = this.activeRulesCache.byScope.get(scope);
    if (!rules) {
      rules = [];
      for (const rule of RULES) {
        if (rule.scope !== scope) continue;
        const severity = this.severityOf(rule);
        if (severity !== 'off') rules.push({ ...rule, severity });
      }
      this.activeRulesCache.byScope.set(scope, rules);
    }
    return rules as (Extract<Rule, { scope: T }> & { severity: Severity })[];
  }

  private checkFile(file: string): void {
    if (!this.sourceFiles.has(file)) return;
    const findings: Finding[] = [];
    const reads: Reads = new Map();
    const importerReads: Reads = new Map();
    const failures: string[] = [];
    const membership = this.model.membership(file);
    const imports = this.graph.importsOf(file);
    this.ruleGraph.begin(file, reads, importerReads);
    for (const rule of this.activeRules('file') as (FileRule & { severity: Severity })[]) {
      const options = this.config.rules.get(rule.id)?.options ?? {};
      if (membership.isTest && options.includeTests !== true) continue;
      try {
        rule.check({
          file,
          membership,
          imports,
          graph: this.ruleGraph,
          model: this.model,
          config: this.config,
          options,
          facts: <T>(collector: FactCollector<T>, other?: string) => {
            if (other !== undefined && other !== file) {
              // A read the interface does not cover would never re-check this file when the facts change.
              if (!collector.readByOtherFiles) throw new Error(`the facts "${collector.id}" are not declared readByOtherFiles`);
              addRead(reads, other);
            }
            return this.factsOf(collector, other ?? file);
          },
          report: (r: Report) => {
            if (!this.isSuppressed(file, rule.id, r.range)) findings.push(findingOf(rule, file, r));
          },
        });
      } catch (err) {
        // One rule's bug on one odd file costs that rule's findings there, never the scan or the server.
        failures.push(ruleFailure(rule.id, err));
      }
    }
    this.ruleGraph.end();
    if (failures.length > 0) this.ruleFailures.set(file, failures.join('; '));
    else this.ruleFailures.delete(file);
    if (findings.length > 0) this.fileFindings.set(file, findings.sort(compareFindings));
    else this.fileFindings.delete(file);
    this.factReads.record(file, reads);
    this.importerReads.record(file, importerReads);
  }

  private checkWorkspace(): void {
    const next = new Map<string, Finding[]>();
    const failures: string[] = [];
    for (const rule of this.activeRules('workspace') as (WorkspaceRule & { severity: Severity })[]) {
      try {
        rule.check({
          graph: this.graph,
          model: this.model,
          config: this.config,
          domainEdges: this.domainEdges as DomainEdges,
          options: this.config.rules.get(rule.id)?.options ?? {},
          report: (file, r) => {
            if (this.isSuppressed(file, rule.id, r.range)) return;
            let list = next.get(file);
            if (!list) next.set(file, (list = []));
            list.push(findingOf(rule, file, r));
          },
        });
      } catch (err) {
        failures.push(ruleFailure(rule.id, err));
      }
    }
    if (failures.length > 0) this.ruleFailures.set(this.root, failures.join('; '));
    else this.ruleFailures.delete(this.root);
    for (const list of next.values()) list.sort(compareFindings);
    this.workspaceFindings = next;
  }

  private isSuppressed(file: string, ruleId: string, range: Range): boolean {
    return this.facts.get(file)?.suppressions.get(range.start.line)?.has(ruleId) ?? false;
  }

  /** The current finding of a rule at a position, if it still exists (code actions arrive later than diagnostics). */
  findingAt(file: string, ruleId: string, range: Range): Finding | undefined {
    return this.findingsFor(file).find(
      (f) => f.ruleId === ruleId && f.range.start.line === range.start.line && f.range.start.character === range.start.character,
    );
  }

  /** The fixes the engine can offer for a finding; cheap: no edit is computed. */
  fixesFor(finding: Finding): FixOffer[] {
    const ctx = this.fixContext();
    const offers: FixOffer[] = [];
    for (const fix of fixesForRule(finding.ruleId)) {
      try {
        const offer = fix.offer(finding, ctx);
        if (offer) offers.push(offer);
      } catch (err) {
        offers.push({ fixId: fix.id, title: fix.id, kind: 'quickfix', disabledReason: `the fix failed: ${(err as Error).message}` });
      }
    }
    return offers;
  }

  /** The edit of one fix, against the current text of every file it touches (open buffers included). */
  computeFix(finding: Finding, fixId: string, args: FixArguments = {}): EditPlan {
    const fix = fixesForRule(finding.ruleId).find((f) => f.id === fixId);
    if (!fix) throw new FixError(`no fix "${fixId}" for ${finding.ruleId}`);
    const plan = fix.edit(finding, this.fixContext(), args);
    for (const target of [...plan.edits, ...plan.creates, ...plan.deletes].map((change) => change.file)) {
      // Fixes write only inside the workspace, whatever a configuration or a finding says.
      if (!isInsideDir(target, this.root)) throw new FixError(`the fix would write outside the workspace (${target})`);
    }
    return plan;
  }

  private fixContext(): FixContext {
    return {
      root: this.root,
      config: this.config,
      model: this.model,
      graph: this.graph,
      readFile: (f) => this.host.readFile(f),
      fileExists: (f) => this.host.fileExists(f),
      resolve: (specifier, from) => this.resolver.resolve(specifier, from),
      importAt: (finding) =>
        this.graph
          .importsOf(finding.file)
          .find((i) => i.range.start.line === finding.range.start.line && i.range.start.character === finding.range.start.character),
      configFile: this.configState.file ?? `${this.root}/${CONFIG_FILE_NAME}`,
      compilerOptions: (file) => this.resolver.compilerOptionsFor(file),
      files: () => this.files(),
      findingsFor: (file) => this.findingsFor(file),
    };
  }

  private findingsOf(files: Iterable<string>): Map<string, Finding[]> {
    const snap = new Map<string, Finding[]>();
    for (const file of files) snap.set(file, this.findingsFor(file));
    return snap;
  }

  /** The files whose findings differ from `before`: the files it holds and, unless it holds every file that could have changed, those with findings now. */
  private diff(before: Map<string, Finding[]>, complete = false): string[] {
    const changed: string[] = [];
    for (const file of complete ? before.keys() : new Set([...before.keys(), ...this.filesWithFindings()])) {
      if (!sameFindings(before.get(file) ?? [], this.findingsFor(file))) changed.push(file);
    }
    return changed.sort();
  }
}

/** The names in one set and not the other, a type-only import counted as its name. */
function symmetricDifference(a: ReadonlySet<string> = new Set(), b: ReadonlySet<string> = new Set()): Set<string> {
  const result = new Set<string>();
  for (const name of a) if (!b.has(name)) result.add(name.replace(/^type /, ''));
  for (const name of b) if (!a.has(name)) result.add(name.replace(/^type /, ''));
  return result;
}

/**
 * What the scan does after restoring the cache: analyse `pending`; re-check `stale` (changed files)
 * as edits when the outcome was restored (`checked`). `unvouched` files had to be read to be validated.
 */
interface Restored {
  pending: string[];
  stale: string[];
  checked: boolean;
  unvouched: number;
}

/**
 * Re-checking a changed file as an edit costs more than its share of a full check (its importers
 * and the readers of its facts are re-checked with it, one by one): beyond this share of the
 * workspace that such re-checks could reach, a full check is the cheaper way (on a generated
 * 7,000-file monolith whose changed files all changed their exports, the two cost the same at ~6%).
 */
const MAX_RECHECKED_SHARE = 0.1;

/** How many files re-checking `changed` as edits could re-check: themselves, their importers, and the readers of their facts. */
function reach(changed: ReadonlySet<string>, files: readonly CachedFile[], factReads: readonly ReadEntry[]): number {
  if (changed.size === 0) return 0;
  const reached = new Set(changed);
  for (const { file, imports } of files) if (imports.some((i) => i.target.kind === 'file' && changed.has(i.target.file))) reached.add(file);
  for (const [reader, read] of factReads) if (changed.has(read)) reached.add(reader);
  return reached.size;
}

/** Whether a file that has `stamp` now is the one that had `recorded` (both known). */
function vouches(stamp: FileStamp | undefined, recorded: FileStamp | undefined): boolean {
  return stamp !== undefined && recorded !== undefined && stamp.every((v, i) => v === recorded[i]);
}

/**
 * A write within this long before the scan started may share its timestamp with a later write
 * (coarse file system clocks: 1–2 s on some): such files are hashed at the next start.
 */
const TIMESTAMP_SLACK_MS = 2000;

/** The content hash facts are cached under (and the digest of the configuration a check used). */
function digest(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

function withTarget(i: ImportFact, target: ResolvedTarget): ResolvedImport {
  return { specifier: i.specifier, kind: i.kind, typeOnly: i.typeOnly, range: i.range, names: i.names, target };
}

function withoutTarget(i: ResolvedImport): ImportFact {
  return { specifier: i.specifier, kind: i.kind, typeOnly: i.typeOnly, range: i.range, names: i.names };
}

function sameImports(a: readonly ResolvedImport[], b: readonly ResolvedImport[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x, i) => {
    const y = b[i];
    return (
      x.specifier === y.specifier &&
      x.kind === y.kind &&
      x.typeOnly === y.typeOnly &&
      x.range.start.line === y.range.start.line &&
      x.range.start.character === y.range.start.character &&
      x.range.end.character === y.range.end.character &&
      JSON.stringify(x.target) === JSON.stringify(y.target)
    );
  });
}

const MILDER: Record<Severity, Severity> = { error: 'warning', warning: 'info', info: 'info' };

/** A rule's report as a finding: the rule's id and configured severity (one below it for a milder case), the file. */
function findingOf(rule: { id: string; severity: Severity }, file: string, { milder, ...report }: Report): Finding {
  return { ruleId: rule.id, severity: milder ? MILDER[rule.severity] : rule.severity, file, ...report };
}

function ruleFailure(ruleId: string, err: unknown): string {
  return `the rule "${ruleId}" failed (${err instanceof Error ? err.message : String(err)}); the other rules ran`;
}

/** A collector that throws on some odd input costs its facts for that file, never the scan. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** A view of a host in which foundations.json does not exist: the built-in defaults. */
function emptyHost(host: Host): Host {
  return {
    trusted: host.trusted,
    readFile: (f) => (path.posix.basename(f) === CONFIG_FILE_NAME ? undefined : host.readFile(f)),
    fileExists: (f) => path.posix.basename(f) !== CONFIG_FILE_NAME && host.fileExists(f),
    directoryExists: (d) => host.directoryExists(d),
    readDirectory: (d) => host.readDirectory(d),
    realpath: (f) => host.realpath(f),
  };
}
