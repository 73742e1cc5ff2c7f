import type { Diagnostic } from 'vscode-languageserver';
import { CONFIG_FILE_NAME, type Change, type Host, Session, type SkippedFile, isInAnyDir, isInsideDir, ownFindings, summarize } from '../../rules';
import { configToDiagnostic, toDiagnostic } from './diagnostics';
import type { FoundationsSettings } from './settings';

/** What a folder's analysis needs from the editor; the server passes the real connection, tests a fake. */
export interface AnalysisClient {
  publish(file: string, diagnostics: Diagnostic[]): void;
  beginProgress(title: string): Promise<ProgressReporter>;
  log(level: 'info' | 'warn' | 'error', message: string): void;
  /** A line for the client's protocol trace (LSP `$/logTrace`), sent only when the client turned tracing on. */
  trace(message: string): void;
  /** A scan has ended, or its facts cache was written: the syntax trees it parsed, or the facts the cache replaced, are dead and can be collected now. */
  releaseScanGarbage(): void;
  /** The totals or a folder's state changed (`stateChanged`: the state itself, to be told at once). */
  statusChanged(stateChanged?: boolean): void;
  /** The roots of the workspace folders nested in `root`: their files are theirs to publish and count. */
  foldersInside(root: string): string[];
}

export interface ProgressReporter {
  report(percentage: number, message: string): void;
  done(): void;
}

export type FolderState = 'starting' | 'scanning' | 'ready' | 'error';

/**
 * A full collection costs ~40 ms at 7,000 files whatever the scan parsed: worth it after a scan
 * that parsed many files (~15 KB of dead tree each), not after a warm start that parsed a few.
 */
const PARSED_FILES_WORTH_A_COLLECTION = 500;

/**
 * How long the folder must go without an edit before a scan's facts cache is written (~0.2 s at
 * 7,000 files, and a collection after it), so that neither delays an edit's diagnostics. A folder
 * disposed of first writes it at once.
 */
const QUIET_BEFORE_PERSIST_MS = 1000;

/**
 * One workspace folder in the language server: its engine session, the debounce of its buffers,
 * and what has been published for it. Edits that arrive while the first scan runs wait for it.
 */
export class FolderAnalysis {
  private session: Session | undefined;
  private stateValue: FolderState = 'starting';
  private readonly pending: Change[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Buffer texts waiting for their debounce; `flush` applies them at once. */
  private readonly buffered = new Map<string, string>();
  private readonly published = new Set<string>();
  private readonly token = { isCancellationRequested: false };
  private dependencyCruiserTimer: NodeJS.Timeout | undefined;
  private persistTimer: NodeJS.Timeout | undefined;
  /** When the last edit was re-checked (or the scan ended). */
  private lastActivity = 0;
  private dependencyCruiserRunning: Promise<void> | undefined;
  private reportedSkips = new Set<string>();
  private publishedDebt = '';

  constructor(
    readonly root: string,
    private readonly host: Host,
    private readonly client: AnalysisClient,
    private readonly settings: () => Promise<FoundationsSettings>,
    /** Where the engine keeps this folder's facts between server starts (the editor's storage), if anywhere. */
    private readonly cacheFile?: string,
  ) {}

  get state(): FolderState {
    return this.stateValue;
  }

  get engine(): Session | undefined {
    return this.session;
  }

  private countsCache: { revision: number; counts: ReturnType<FolderAnalysis['counts']> } | undefined;

  counts(): { errors: number; warnings: number; infos: number; files: number } {
    if (!this.session) return { errors: 0, warnings: 0, infos: 0, files: 0 };
    // Asked after every burst of keystrokes: summarise all findings again only when they changed.
    if (this.countsCache?.revision !== this.session.revision) {
      const nested = this.nestedFolders();
      const s = summarize(ownFindings(this.session, nested));
      const files = nested.length === 0 ? this.session.fileCount : this.session.files().filter((file) => this.owns(file, nested)).length;
      this.countsCache = { revision: this.session.revision, counts: { errors: s.errors, warnings: s.warnings, infos: s.infos, files } };
    }
    return this.countsCache.counts;
  }

  /** The workspace folders nested in this one: their files are theirs to publish and count, and to show in the views. */
  nestedFolders(): string[] {
    return this.client.foldersInside(this.root);
  }

  /** Whether a file is this folder's to publish and count, not that of a workspace folder nested in it. */
  private owns(file: string, nested = this.nestedFolders()): boolean {
    return !isInAnyDir(file, nested);
  }

  /** A workspace folder was added inside this one or removed from it: the files this one owns changed. */
  nestedFoldersChanged(): void {
    this.countsCache = undefined;
    if (this.session) this.publishAll();
    this.client.statusChanged();
  }

  contains(file: string): boolean {
    return file === this.root || isInsideDir(file, this.root);
  }

  async start(openBuffers: { file: string; text: string }[]): Promise<void> {
    const started = performance.now();
    this.setState('scanning');
    let progress: ProgressReporter | undefined;
    try {
      progress = await this.client.beginProgress(`Foundations: checking ${this.root.split('/').pop()}`);
      if (!(await this.settings()).enable) {
        this.setState('ready');
        return;
      }
      const session = Session.open(this.root, this.host, { cacheFile: this.cacheFile });
      session.update(openBuffers.map((b) => ({ type: 'buffer' as const, file: b.file, text: b.text })));
      await session.scan({
        deferPersist: true,
        token: this.token,
        onProgress: (p) => {
          if (p.phase === 'analyze' && p.total > 0) progress?.report(Math.round((p.done / p.total) * 90), `${p.done}/${p.total} files`);
        },
      });
      if (this.token.isCancellationRequested) return;
      const parsedMany = session.scanStatistics.parsed >= PARSED_FILES_WORTH_A_COLLECTION;
      if (parsedMany) this.client.releaseScanGarbage();
      this.session = session;
      this.publishAll();
      const queued = this.pending.splice(0);
      if (queued.length > 0) this.apply(queued);
      this.reportSkipped(session.skippedFiles());
      this.client.log('info', `${this.root}: ${session.fileCount} files checked in ${Math.round(performance.now() - started)} ms`);
      this.setState('ready');
      // The facts cache is written once the findings have reached the editor (see ScanOptions.deferPersist):
      // written at once, it held them in the server's output queue for its ~0.2 s at 7,000 files.
      this.lastActivity = performance.now();
      this.persistWhenQuiet(() => {
        // Written, the cache keeps every file's facts as its bytes: the objects they were are garbage,
        // which V8's idle-time collection may leave resident for minutes.
        if (session.persistDeferred() && parsedMany) this.client.releaseScanGarbage();
      });
      this.scheduleDependencyCruiser(0);
    } catch (err) {
      this.client.log('error', `${this.root}: the check failed: ${(err as Error).stack ?? String(err)}`);
      this.setState('error');
    } finally {
      progress?.done();
    }
  }

  /** An editor buffer changed: re-check it after the debounce. */
  async bufferChanged(file: string, text: string): Promise<void> {
    // Recorded before any await, so a fix computed during the debounce already sees this text.
    this.buffered.set(file, text);
    const { debounceMs } = await this.settings();
    if (!this.buffered.has(file)) return; // flushed or closed meanwhile
    // No debounce means now: a zero-delay timer would still wait a millisecond or more.
    if (debounceMs === 0) return this.flush(file);
    clearTimeout(this.timers.get(file));
    this.timers.set(
      file,
      setTimeout(() => this.flush(file), debounceMs),
    );
  }

  /**
   * Applies buffer edits still waiting for their debounce now (one file's, or all): a fix must be
   * computed on the text the editor has, never on the text of a few keystrokes ago.
   */
  flush(file?: string): void {
    const files = file === undefined ? [...this.buffered.keys()] : this.buffered.has(file) ? [file] : [];
    if (files.length === 0) return;
    const changes: Change[] = [];
    for (const f of files) {
      clearTimeout(this.timers.get(f));
      this.timers.delete(f);
      changes.push({ type: 'buffer', file: f, text: this.buffered.get(f)! });
      this.buffered.delete(f);
    }
    this.submit(changes);
  }

  bufferClosed(file: string): void {
    clearTimeout(this.timers.get(file));
    this.timers.delete(file);
    this.buffered.delete(file);
    this.submit([{ type: 'buffer-closed', file }]);
  }

  diskChanged(changes: Change[]): void {
    const started = performance.now();
    this.submit(changes);
    // One line per batch of file events: a branch switch of hundreds of files is one re-check, and says so.
    if (this.session) this.client.log('info', `${changes.length} file event(s) re-checked in one pass (${Math.round(performance.now() - started)} ms)`);
    this.scheduleDependencyCruiser();
  }

  /** A file was saved: the user's dependency-cruiser rules are re-run (never on keystrokes). */
  saved(): void {
    this.scheduleDependencyCruiser();
  }

  /** Why the user's dependency-cruiser rules are not reported, if they are not. */
  get notice(): string | undefined {
    return this.session?.dependencyCruiserProblem;
  }

  private scheduleDependencyCruiser(delayMs = 500): void {
    if (!this.session?.config.dependencyCruiser) return;
    clearTimeout(this.dependencyCruiserTimer);
    this.dependencyCruiserTimer = setTimeout(() => void this.runDependencyCruiser(), delayMs);
  }

  private async runDependencyCruiser(): Promise<void> {
    // One run at a time; a save during a run schedules the next one after it.
    if (this.dependencyCruiserRunning) {
      await this.dependencyCruiserRunning;
      return this.scheduleDependencyCruiser();
    }
    const session = this.session;
    if (!session || this.token.isCancellationRequested) return;
    this.dependencyCruiserRunning = (async () => {
      try {
        const result = await session.runDependencyCruiser();
        if (this.token.isCancellationRequested) return;
        for (const file of result.files) this.publishFile(file);
        if (result.configChanged) this.publishConfig();
        this.publishDebt();
        if (session.dependencyCruiserProblem) this.client.log('warn', `dependency-cruiser: ${session.dependencyCruiserProblem}`);
        else this.client.log('info', `dependency-cruiser rules checked in ${Math.round(result.ms)} ms`);
        this.client.statusChanged();
      } catch (err) {
        this.client.log('error', `dependency-cruiser run failed: ${(err as Error).stack ?? String(err)}`);
      } finally {
        this.dependencyCruiserRunning = undefined;
      }
    })();
    await this.dependencyCruiserRunning;
  }

  dispose(): void {
    this.token.isCancellationRequested = true;
    clearTimeout(this.dependencyCruiserTimer);
    clearTimeout(this.persistTimer);
    this.session?.persistDeferred();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.buffered.clear();
    for (const file of this.published) this.client.publish(file, []);
    this.published.clear();
    if (this.publishedDebt) this.client.publish(this.publishedDebt.slice(0, this.publishedDebt.indexOf('|')), []);
    this.publishedDebt = '';
  }

  private submit(changes: Change[]): void {
    if (!this.session) {
      // Until the scan ends only each buffer's latest text matters: keep the queue from growing with every keystroke.
      for (const c of changes) {
        if (c.type === 'buffer' || c.type === 'buffer-closed') {
          const earlier = this.pending.findIndex((p) => (p.type === 'buffer' || p.type === 'buffer-closed') && p.file === c.file);
          if (earlier >= 0) this.pending.splice(earlier, 1);
        }
        this.pending.push(c);
      }
      return;
    }
    this.apply(changes);
  }

  private persistWhenQuiet(persist: () => void): void {
    const quiet = performance.now() - this.lastActivity;
    if (quiet >= QUIET_BEFORE_PERSIST_MS) persist();
    else this.persistTimer = setTimeout(() => this.persistWhenQuiet(persist), QUIET_BEFORE_PERSIST_MS - quiet);
  }

  private apply(changes: Change[]): void {
    const session = this.session!;
    try {
      const started = performance.now();
      const hadConfig = !!session.configFile;
      const result = session.update(changes);
      if (hadConfig && !session.configFile) {
        this.client.log('warn', `${CONFIG_FILE_NAME} was deleted from ${this.root}: no domains are declared any more, so no boundaries are checked and their findings are cleared.`);
      }
      for (const file of result.files) this.publishFile(file);
      // The edited buffer itself is always republished: the editor may have shifted its old squiggles.
      for (const c of changes) if (c.type === 'buffer' && !result.files.includes(c.file) && session.hasFile(c.file)) this.publishFile(c.file);
      if (result.configChanged) this.publishConfig();
      this.publishDebt();
      this.reportSkipped(session.skippedFiles());
      this.client.statusChanged();
      const elapsed = performance.now() - started;
      if (elapsed > 50) this.client.log('info', `re-check of ${changes.length} change(s) took ${Math.round(elapsed)} ms`);
      // What "as you type" costs in the server, edit by edit (the transport and the debounce excluded).
      this.client.trace(`re-checked ${changes.length} change(s) in ${elapsed.toFixed(2)} ms, ${result.files.length} file(s) republished`);
      this.lastActivity = performance.now();
    } catch (err) {
      this.client.log('error', `update failed: ${(err as Error).stack ?? String(err)}`);
    }
  }

  private publishAll(): void {
    const session = this.session!;
    const now = new Set(session.filesWithFindings());
    for (const file of this.published) if (!now.has(file)) this.publishFile(file);
    for (const file of now) this.publishFile(file);
    this.publishConfig();
    this.publishDebt();
  }

  private publishFile(file: string): void {
    if (!this.owns(file)) {
      // The nested folder publishes it; cleared here only if this folder published it before that one came.
      if (this.published.delete(file)) this.client.publish(file, []);
      return;
    }
    const findings = this.session!.findingsFor(file);
    this.client.publish(file, findings.map(toDiagnostic));
    if (findings.length > 0) this.published.add(file);
    else this.published.delete(file);
  }

  /** The debt register's own problems and its stale and expired entries, in the register file; republished only when they change. */
  private publishDebt(): void {
    const session = this.session!;
    const register = session.debtRegister;
    const diagnostics = register.exists ? session.debtDiagnostics().map((d) => ({ ...configToDiagnostic(d), code: 'debt' })) : [];
    const signature = `${register.file}|${JSON.stringify(diagnostics)}`;
    if (signature === this.publishedDebt) return;
    if (!this.publishedDebt && diagnostics.length === 0) {
      // Nothing was ever published for it: no need to clear anything.
      this.publishedDebt = signature;
      return;
    }
    if (this.publishedDebt && !this.publishedDebt.startsWith(`${register.file}|`)) this.client.publish(this.publishedDebt.slice(0, this.publishedDebt.indexOf('|')), []);
    this.publishedDebt = signature;
    this.client.publish(register.file, diagnostics);
  }

  private publishConfig(): void {
    const session = this.session!;
    const file = session.configFile ?? `${this.root}/${CONFIG_FILE_NAME}`;
    this.client.publish(file, session.configDiagnostics.map(configToDiagnostic));
  }

  /** Each skipped file is said once, with why, not on every keystroke. */
  private reportSkipped(skipped: SkippedFile[]): void {
    for (const s of skipped) {
      if (this.reportedSkips.has(s.file)) continue;
      this.reportedSkips.add(s.file);
      this.client.log('warn', `skipped ${s.file}: ${s.reason}`);
    }
  }

  private setState(state: FolderState): void {
    const changed = this.stateValue !== state;
    this.stateValue = state;
    this.client.statusChanged(changed);
  }
}
