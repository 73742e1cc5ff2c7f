import type { ImportFact } from './extract-imports';
import type { ResolvedTarget } from './resolver';

export interface ResolvedImport extends ImportFact {
  target: ResolvedTarget;
}

/** File → its resolved imports, and the reverse index (file → the files that import it). */
export class ImportGraph {
  private readonly forward = new Map<string, readonly ResolvedImport[]>();
  private readonly reverse = new Map<string, Set<string>>();

  importsOf(file: string): readonly ResolvedImport[] {
    return this.forward.get(file) ?? [];
  }

  importersOf(file: string): ReadonlySet<string> {
    return this.reverse.get(file) ?? new Set();
  }

  files(): IterableIterator<string> {
    return this.forward.keys();
  }

  has(file: string): boolean {
    return this.forward.has(file);
  }

  set(file: string, imports: readonly ResolvedImport[]): void {
    this.unlink(file);
    this.forward.set(file, imports);
    for (const i of imports) {
      if (i.target.kind !== 'file') continue;
      let importers = this.reverse.get(i.target.file);
      if (!importers) this.reverse.set(i.target.file, (importers = new Set()));
      importers.add(file);
    }
  }

  delete(file: string): void {
    this.unlink(file);
    this.forward.delete(file);
  }

  private unlink(file: string): void {
    for (const i of this.forward.get(file) ?? []) {
      if (i.target.kind === 'file') this.reverse.get(i.target.file)?.delete(file);
    }
  }
}

/** What a rule may ask of the import graph. */
export interface GraphView {
  /** `names`: the imported names the caller looks for, when only imports of those matter to it. */
  importsOf(file: string, names?: ReadonlySet<string>): readonly ResolvedImport[];
  /** `names`: the exports of `file` the caller looks for, when only their importers matter to it. */
  importersOf(file: string, names?: ReadonlySet<string>): ReadonlySet<string>;
  files(): IterableIterator<string>;
  has(file: string): boolean;
}

/** What a check read: each file, with the names that mattered (undefined: all of it). */
export type Reads = Map<string, Set<string> | undefined>;

/** Adds a read of `file`, narrowed to `names` unless it was or is read whole. */
export function addRead(reads: Reads, file: string, names?: ReadonlySet<string>): void {
  const known = reads.get(file);
  if (!names || (reads.has(file) && !known)) reads.set(file, undefined);
  else reads.set(file, new Set([...(known ?? []), ...names]));
}

/**
 * The graph as a file rule sees it while one file is checked. Which other files' import lists and
 * importer sets the check looked at is recorded: a change to exactly those re-checks the file.
 * One instance per session, so caches keyed by the graph a rule sees stay valid across checks.
 */
export class RecordingGraph implements GraphView {
  private checking: string | undefined;
  private importsRead: Reads | undefined;
  private importersRead: Reads | undefined;

  constructor(private readonly graph: ImportGraph) {}

  /** Records into these maps until `end()`: the import lists of other files, and whose importers were listed. */
  begin(file: string, importsRead: Reads, importersRead: Reads): void {
    this.checking = file;
    this.importsRead = importsRead;
    this.importersRead = importersRead;
  }

  end(): void {
    this.checking = this.importsRead = this.importersRead = undefined;
  }

  importsOf(file: string, names?: ReadonlySet<string>): readonly ResolvedImport[] {
    if (this.importsRead && file !== this.checking) addRead(this.importsRead, file, names);
    return this.graph.importsOf(file);
  }

  importersOf(file: string, names?: ReadonlySet<string>): ReadonlySet<string> {
    if (this.importersRead) addRead(this.importersRead, file, names);
    return this.graph.importersOf(file);
  }

  files(): IterableIterator<string> {
    return this.graph.files();
  }

  has(file: string): boolean {
    return this.graph.has(file);
  }
}
