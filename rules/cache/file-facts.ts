import * as v8 from 'node:v8';
import type { ExtractResult } from '../graph/extract-imports';

/** Most files suppress nothing: they share one empty map. */
export const NO_SUPPRESSIONS: ReadonlyMap<number, ReadonlySet<string>> = new Map();

/** Collector id → the facts it collected from one version of a file. */
export type SemanticFacts = ReadonlyMap<string, unknown>;

/**
 * What the engine learnt from one version (content hash) of a file: its imports, its suppression
 * comments and every collector's facts. The collectors' facts are most of a workspace's memory
 * (7,000 files: ~25 MB of small objects, whose strings also pin the source texts they were sliced
 * from) and are read only when a file is checked, so they are kept serialised: a parse serialises
 * them at once, a restarted session takes them as bytes from the persisted cache, and they stay
 * objects only while they are among the most recently read (see RecentFacts).
 */
export class FileFacts {
  private value: SemanticFacts | undefined;
  private bytes: Uint8Array;
  /** Line → rules suppressed on it by a `foundations-ignore` comment with a reason. */
  readonly suppressions: ReadonlyMap<number, ReadonlySet<string>>;

  constructor(
    readonly hash: string,
    readonly extract: ExtractResult,
    suppressions: ReadonlyMap<number, ReadonlySet<string>>,
    semantic: SemanticFacts | Uint8Array,
    private readonly recent: RecentFacts,
  ) {
    this.suppressions = suppressions.size > 0 ? suppressions : NO_SUPPRESSIONS;
    if (semantic instanceof Uint8Array) this.bytes = semantic;
    else {
      // Serialised now, while the scan's allocations keep the garbage collector busy: each
      // serialisation leaves ~8 KB of native memory that only a collection frees, and thousands
      // of them in a row (at the end of a scan) would pile up tens of megabytes.
      this.bytes = serialize(semantic);
      this.value = semantic;
      recent.add(this);
    }
  }

  get semantic(): SemanticFacts {
    if (!this.value) {
      this.value = v8.deserialize(this.bytes) as SemanticFacts;
      this.recent.add(this);
    }
    return this.value;
  }

  /** Records a collector's facts computed after the parse (a rule that was off when the file was parsed). */
  addSemantic(collectorId: string, facts: unknown): void {
    const value = new Map([...this.semantic, [collectorId, facts]]);
    this.bytes = serialize(value);
    this.value = value;
  }

  /** The collectors' facts as bytes, as the persisted cache stores them. */
  get serialized(): Uint8Array {
    return this.bytes;
  }

  /** Keeps the bytes only. */
  release(): void {
    this.value = undefined;
  }
}

/**
 * v8.serialize's buffer is its serialiser's, grown by doubling: kept, it would cost up to twice
 * its length. A copy has the exact size (and small ones share Node's buffer pool).
 */
function serialize(value: SemanticFacts): Uint8Array {
  return Buffer.from(v8.serialize(value));
}

/**
 * The facts deserialised last, oldest first; beyond `capacity` the oldest are released again.
 * Checking a file reads its own facts and those of a few files it imports, so a few hundred
 * cover a check without deserialising a file twice.
 */
export class RecentFacts {
  private readonly live = new Set<FileFacts>();

  constructor(private readonly capacity: number) {}

  add(facts: FileFacts): void {
    this.live.add(facts);
    if (this.live.size <= this.capacity) return;
    const oldest: FileFacts = this.live.values().next().value!;
    this.live.delete(oldest);
    oldest.release();
  }
}
