import * as v8 from 'node:v8';
import type { ExtractResult } from '../graph/extract-imports';

/** Most files suppress nothing: they share one empty map. */
export const NO_SUPPRESSIONS: ReadonlyMap<number, ReadonlySet<string>> = new Map();

/** Collector id → the facts it collected from one version of a file. */
export type SemanticFacts = ReadonlyMap<string, unknown>;

/**
 * What the engine learnt from one version (content hash) of a file: its imports, its suppression
 * comments and every collector's facts. The collectors' facts are also kept serialised for the
 * persisted cache: a restarted session takes them as bytes and deserialises a file's only when a
 * check reads them (an unchanged workspace reads none), and a parse serialises them at once when
 * the cache will be written (see serialized).
 */
export class FileFacts {
  private value: SemanticFacts | undefined;
  private bytes: Uint8Array | undefined;
  /** Line → rules suppressed on it by a `foundations-ignore` comment with a reason. */
  readonly suppressions: ReadonlyMap<number, ReadonlySet<string>>;

  constructor(
    readonly hash: string,
    readonly extract: ExtractResult,
    suppressions: ReadonlyMap<number, ReadonlySet<string>>,
    semantic: SemanticFacts | Uint8Array,
    options: { serializeNow?: boolean } = {},
  ) {
    this.suppressions = suppressions.size > 0 ? suppressions : NO_SUPPRESSIONS;
    if (semantic instanceof Uint8Array) this.bytes = semantic;
    else this.value = semantic;
    if (options.serializeNow) this.serialized();
  }

  get semantic(): SemanticFacts {
    return (this.value ??= v8.deserialize(this.bytes!) as SemanticFacts);
  }

  /** Records a collector's facts computed after the parse (a rule that was off when the file was parsed). */
  addSemantic(collectorId: string, facts: unknown): void {
    this.value = new Map([...this.semantic, [collectorId, facts]]);
    this.bytes = undefined;
  }

  /**
   * The collectors' facts as bytes, as the persisted cache stores them. Better made while the scan
   * parses (serializeNow), when its allocations keep the garbage collector busy: each serialisation
   * leaves ~8 KB of native memory that only a collection frees, and thousands of them in a row, as
   * the cache is written, would pile up tens of megabytes.
   */
  serialized(): Uint8Array {
    // v8.serialize's buffer is its serialiser's, grown by doubling; a copy has the exact size.
    return (this.bytes ??= Buffer.from(v8.serialize(this.value)));
  }

  /**
   * Once the cache is written, the facts are kept as its bytes only: as objects they took three
   * times the memory, and their names, slices of the parsed text, kept every file's whole text
   * alive. A check that reads them again deserialises them (tens of microseconds a file).
   */
  keepSerializedOnly(): void {
    if (this.bytes) this.value = undefined;
  }
}
