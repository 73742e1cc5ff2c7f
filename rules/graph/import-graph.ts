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
