/**
 * Who read what during their last check: file → the other files it read, and the reverse. A change
 * to a file re-checks exactly the files whose findings were computed from what changed. A read can
 * be narrowed to some names (the exports whose importers a check looked for): then only a change
 * that involves one of them re-checks the reader.
 */
/** One read, as the persisted cache keeps it: the reader, the file it read, the names that mattered (none: all of it). */
export type ReadEntry = [reader: string, read: string, names: string[]];

export class ReadIndex {
  private readonly reads = new Map<string, ReadonlyMap<string, ReadonlySet<string> | undefined>>();
  /** File → reader → the names the reader cared about, or undefined for all of it. */
  private readonly readers = new Map<string, Map<string, ReadonlySet<string> | undefined>>();
  /** Loaded entries not indexed yet: a warm start without edits never needs the index (~150,000 entries at 7,000 files). */
  private loaded: readonly ReadEntry[] | undefined;

  /** Replaces what `file` read: each file read, with the names that mattered (undefined: everything). An empty map forgets it. */
  record(file: string, read: ReadonlyMap<string, ReadonlySet<string> | undefined>): void {
    this.indexLoaded();
    for (const other of this.reads.get(file)?.keys() ?? []) this.readers.get(other)?.delete(file);
    if (read.size === 0) {
      this.reads.delete(file);
      return;
    }
    this.reads.set(file, read);
    for (const [other, names] of read) {
      let readers = this.readers.get(other);
      if (!readers) this.readers.set(other, (readers = new Map()));
      readers.set(file, names);
    }
  }

  entries(): ReadEntry[] {
    this.indexLoaded();
    return [...this.reads].flatMap(([reader, read]) => [...read].map(([file, names]): ReadEntry => [reader, file, names ? [...names] : []]));
  }

  /** Adds persisted entries (see entries) to the index, when it is next used. */
  load(entries: readonly ReadEntry[]): void {
    this.indexLoaded();
    this.loaded = entries;
  }

  private indexLoaded(): void {
    const entries = this.loaded;
    if (!entries) return;
    this.loaded = undefined;
    const byReader = new Map<string, Map<string, ReadonlySet<string> | undefined>>();
    for (const [reader, file, names] of entries) {
      let read = byReader.get(reader);
      if (!read) byReader.set(reader, (read = new Map()));
      read.set(file, names.length > 0 ? new Set(names) : undefined);
    }
    for (const [reader, read] of byReader) this.record(reader, read);
  }

  /** The files that read `file`; with `changed`, only those that read everything or one of these names ('*' means all names changed). */
  readersOf(file: string, changed?: ReadonlySet<string>): string[] {
    this.indexLoaded();
    const readers = this.readers.get(file);
    if (!readers) return [];
    const all = changed === undefined || changed.has('*');
    const result: string[] = [];
    for (const [reader, names] of readers) {
      if (all || names === undefined || [...changed].some((n) => names.has(n))) result.push(reader);
    }
    return result;
  }
}
