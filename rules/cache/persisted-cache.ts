import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import type { ImportKind } from '../graph/extract-imports';
import type { ResolvedImport } from '../graph/import-graph';
import type { ResolvedTarget } from '../graph/resolver';
import type { ReadEntry } from '../graph/read-index';
import { NO_SUPPRESSIONS } from './file-facts';
import type { FileStamp } from '../host';
import type { Finding } from '../model';

/**
 * What a restarted server needs to skip the work of the last one: per-file facts (keyed by
 * content hash, so a changed file is simply parsed again), the resolution memo (valid only while
 * the file list and the resolution inputs — tsconfigs, package manifests — are the same) and the
 * outcome of the last check (valid only while every input of it is the same). Outside the workspace.
 */
export interface CacheContents {
  toolVersion: string;
  files: CachedFile[];
  resolution: { signature: string; inputs: string[]; projects: [key: string, memo: [string, ResolvedTarget][]][] };
  checked?: CheckedState;
}

export interface CachedFile {
  file: string;
  /** sha1 of the text the facts are for, in hex. */
  hash: string;
  /** The disk metadata known to describe the content of `hash`; absent when that is not sure. */
  stamp?: FileStamp;
  syntaxErrors: number;
  failure?: string;
  /** Its imports as resolved when the cache was written (targets are stale if the resolution signature differs). */
  imports: ResolvedImport[];
  suppressions: ReadonlyMap<number, ReadonlySet<string>>;
  /** The collectors' facts, serialised (see FileFacts). */
  semantic: Uint8Array;
}

/** The outcome of a full check, and what it was computed from besides the files' contents and resolution. */
export interface CheckedState {
  /** Digest of the configuration in force (see Session.checkInputs). */
  inputs: string;
  fileFindings: [file: string, findings: Finding[]][];
  workspaceFindings: [file: string, findings: Finding[]][];
  ruleFailures: [file: string, reason: string][];
  /** Who read whose facts or import list (see ReadIndex), and whose importers. */
  factReads: ReadEntry[];
  importerReads: ReadEntry[];
  /** File → its domain and the other domains it imports (the domain edges, per file). */
  foreignDomains: [file: string, domain: string, imports: string[]][];
}

/** Bumped when the layout or the shape of facts changes, so an old cache is ignored rather than misread. */
const CACHE_FORMAT = 7;
const TAG = 0x464e4432; // "FND2"

/**
 * The engine that wrote a cache: its format and build. A rebuilt engine may check differently
 * under the same version number, and restored findings must be the ones it would compute.
 */
const ENGINE = (() => {
  const stats = fs.statSync(__filename, { throwIfNoEntry: false });
  return `${CACHE_FORMAT}:${stats?.size}:${stats?.mtimeMs}`;
})();

/**
 * The head of the file, v8-serialised. Tens of thousands of imports, paths and hashes as objects
 * and strings would be most of the cache and most of the time (and garbage collection) it takes
 * to read it; as columns of integers into one string table they are a fraction of both.
 * The collectors' facts follow the head, each file's serialised on its own, so a restarted
 * session keeps them as bytes and deserialises a file's only when something reads them.
 */
interface Head {
  toolVersion: string;
  engine: string;
  /** Every string the head refers to, concatenated, and their lengths. */
  text: string;
  lengths: Int32Array;
  /** Per file: its path, its sha1 (20 bytes), its stamp (NaN when none), its syntax errors, the length of its facts. */
  files: Int32Array;
  hashes: Uint8Array;
  stamps: Float64Array;
  syntaxErrors: Int32Array;
  factLengths: Int32Array;
  /** File index → why it could not be analysed; file index → line → rules suppressed. Few files have either. */
  failures: [number, string][];
  suppressions: [number, [number, string[]][]][];
  /** Every file's imports, in `files` order (see StringTable.encodeImports). */
  imports: Int32Array;
  resolution: { signature: string; inputs: string[]; projects: [key: string, memo: Int32Array][] };
  checked?: Omit<CheckedState, 'factReads' | 'importerReads' | 'foreignDomains'> & { factReads: Int32Array; importerReads: Int32Array; foreignDomains: Int32Array };
}

export function readPersistedCache(file: string, toolVersion: string): CacheContents | undefined {
  try {
    const { head: headBytes, facts } = readSections(file);
    const head = v8.deserialize(headBytes) as Head;
    if (head.toolVersion !== toolVersion || head.engine !== ENGINE) return undefined;
    // Facts are deserialised long after this: a cache cut short must be refused now.
    if (head.factLengths.reduce((sum, n) => sum + n, 0) !== facts.byteLength) return undefined;
    const table = StringTable.decode(head.text, head.lengths);
    const imports = table.decodeImports(head.imports, head.files.length);
    const failures = new Map(head.failures);
    const suppressions = new Map(head.suppressions);
    const hashes = Buffer.from(head.hashes.buffer, head.hashes.byteOffset, head.hashes.byteLength);
    let offset = 0;
    const files = [...head.files].map((ref, i): CachedFile => {
      const s = head.stamps.subarray(i * 4, i * 4 + 4);
      const semantic = facts.subarray(offset, (offset += head.factLengths[i]));
      return {
        file: table.strings[ref],
        hash: hashes.toString('hex', i * 20, i * 20 + 20),
        stamp: Number.isNaN(s[0]) ? undefined : [s[0], s[1], s[2], s[3]],
        syntaxErrors: head.syntaxErrors[i],
        failure: failures.get(i),
        imports: imports[i],
        suppressions: suppressionsFrom(suppressions.get(i)),
        semantic,
      };
    });
    const checked = head.checked && {
      ...head.checked,
      factReads: table.decodeLists(head.checked.factReads).map(([reader, read, ...names]): ReadEntry => [reader, read, names]),
      importerReads: table.decodeLists(head.checked.importerReads).map(([reader, read, ...names]): ReadEntry => [reader, read, names]),
      foreignDomains: table.decodeLists(head.checked.foreignDomains).map(([file, domain, ...imports]): [string, string, string[]] => [file, domain, imports]),
    };
    return {
      toolVersion,
      files,
      resolution: { ...head.resolution, projects: head.resolution.projects.map(([key, memo]) => [key, table.decodeMemo(memo)]) },
      checked,
    };
  } catch {
    // Missing, truncated or from another version: start cold.
    return undefined;
  }
}

/** The head and the facts, each read into a buffer of its own: the head's is freed once decoded, the facts' is kept. */
function readSections(file: string): { head: Buffer; facts: Buffer } {
  const fd = fs.openSync(file, 'r');
  try {
    const read = (length: number, position: number) => {
      const bytes = Buffer.allocUnsafe(length);
      for (let done = 0; done < length; ) {
        const n = fs.readSync(fd, bytes, done, length - done, position + done);
        if (n === 0) throw new Error('truncated');
        done += n;
      }
      return bytes;
    };
    const prefix = read(8, 0);
    if (prefix.readUInt32LE(0) !== TAG) throw new Error('not a cache');
    const headLength = prefix.readUInt32LE(4);
    return { head: read(headLength, 8), facts: read(fs.fstatSync(fd).size - 8 - headLength, 8 + headLength) };
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Whether `file` holds something other than a cache: a mistyped `--cache src/index.ts` must not
 * turn a source file into a cache. Absent and empty files hold nothing.
 */
export function holdsOtherThanCache(file: string): boolean {
  let fd: number | undefined;
  try {
    fd = fs.openSync(file, 'r');
    const tag = Buffer.alloc(4);
    const n = fs.readSync(fd, tag, 0, 4, 0);
    return n > 0 && (n < 4 || tag.readUInt32LE(0) !== TAG);
  } catch (err) {
    // A folder, or a file this process may not read, is no cache either.
    return (err as NodeJS.ErrnoException).code !== 'ENOENT';
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

/** Written to a temporary file and renamed, so a crash mid-write never leaves a broken cache. */
export function writePersistedCache(file: string, data: CacheContents): void {
  if (holdsOtherThanCache(file)) throw new Error(`${file} is not a Foundations cache; it is left as it is`);
  const table = new StringTable();
  const count = data.files.length;
  const head: Omit<Head, 'text' | 'lengths'> = {
    toolVersion: data.toolVersion,
    engine: ENGINE,
    files: Int32Array.from(data.files, (f) => table.ref(f.file)),
    hashes: Buffer.concat(data.files.map((f) => Buffer.from(f.hash, 'hex'))),
    stamps: new Float64Array(count * 4).fill(NaN),
    syntaxErrors: Int32Array.from(data.files, (f) => f.syntaxErrors),
    factLengths: Int32Array.from(data.files, (f) => f.semantic.byteLength),
    failures: data.files.flatMap((f, i): [number, string][] => (f.failure === undefined ? [] : [[i, f.failure]])),
    suppressions: data.files.flatMap((f, i): [number, [number, string[]][]][] =>
      f.suppressions.size === 0 ? [] : [[i, [...f.suppressions].map(([line, rules]): [number, string[]] => [line, [...rules]])]],
    ),
    imports: table.encodeImports(data.files.map((f) => f.imports)),
    resolution: { ...data.resolution, projects: data.resolution.projects.map(([key, memo]) => [key, table.encodeMemo(memo)]) },
    checked: data.checked && {
      ...data.checked,
      factReads: table.encodeLists(data.checked.factReads.map(([reader, read, names]) => [reader, read, ...names])),
      importerReads: table.encodeLists(data.checked.importerReads.map(([reader, read, names]) => [reader, read, ...names])),
      foreignDomains: table.encodeLists(data.checked.foreignDomains.map(([file, domain, imports]) => [file, domain, ...imports])),
    },
  };
  data.files.forEach((f, i) => {
    if (f.stamp) head.stamps.set(f.stamp, i * 4);
  });
  const headBytes = v8.serialize({ ...head, ...table.encode() });
  const prefix = Buffer.alloc(8);
  prefix.writeUInt32LE(TAG, 0);
  prefix.writeUInt32LE(headBytes.byteLength, 4);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    const fd = fs.openSync(tmp, 'w');
    try {
      // Gathered by the system from where the pieces lie: one buffer of the whole file would be as large as the cache, for nothing.
      fs.writevSync(fd, contiguousRuns([prefix, headBytes, ...data.files.map((f) => f.semantic)]));
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } catch (err) {
    // A full disk leaves no half-written file behind in the editor's storage.
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}

/** A digest of everything resolution depends on besides the importing file: the file list and the inputs' text. */
export function resolutionSignature(files: readonly string[], inputs: readonly string[], read: (file: string) => string | undefined): string {
  const hash = createHash('sha1');
  for (const f of files) hash.update(f).update('\0');
  for (const f of inputs) hash.update(f).update('\0').update(read(f) ?? '\u0001missing').update('\0');
  return hash.digest('hex');
}

/** The pieces, those that lie side by side in one buffer (the facts of a restored cache) joined. */
function contiguousRuns(pieces: readonly Uint8Array[]): Uint8Array[] {
  const runs: Uint8Array[] = [];
  for (const piece of pieces) {
    const last = runs.at(-1);
    if (last && last.buffer === piece.buffer && last.byteOffset + last.byteLength === piece.byteOffset) {
      runs[runs.length - 1] = new Uint8Array(last.buffer, last.byteOffset, last.byteLength + piece.byteLength);
    } else runs.push(piece);
  }
  return runs;
}

function suppressionsFrom(entries: [number, string[]][] | undefined): ReadonlyMap<number, ReadonlySet<string>> {
  return entries ? new Map(entries.map(([line, rules]) => [line, new Set(rules)])) : NO_SUPPRESSIONS;
}

const KINDS: readonly ImportKind[] = ['import', 'export', 'dynamic', 'require', 'import-equals', 'import-type'];
const TARGET_KINDS: readonly ResolvedTarget['kind'][] = ['file', 'external', 'builtin', 'unresolved'];

/** Strings as integers, and the structures of the head built from them. Decoded targets are shared objects. */
class StringTable {
  private readonly index = new Map<string, number>();
  private readonly targets = new Map<number, ResolvedTarget>();

  constructor(readonly strings: string[] = []) {}

  static decode(text: string, lengths: Int32Array): StringTable {
    const strings: string[] = new Array(lengths.length);
    let at = 0;
    for (let i = 0; i < lengths.length; i++) strings[i] = text.slice(at, (at += lengths[i]));
    return new StringTable(strings);
  }

  /** One string and the lengths to cut it at: read back in one piece, not as tens of thousands of strings. */
  encode(): { text: string; lengths: Int32Array } {
    return { text: this.strings.join(''), lengths: Int32Array.from(this.strings, (s) => s.length) };
  }

  ref(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.strings.push(s) - 1;
      this.index.set(s, i);
    }
    return i;
  }

  /** Lists of strings: each as its length, then its strings. */
  encodeLists(lists: readonly (readonly string[])[]): Int32Array {
    const out: number[] = [];
    for (const list of lists) {
      out.push(list.length);
      for (const s of list) out.push(this.ref(s));
    }
    return Int32Array.from(out);
  }

  decodeLists(data: Int32Array): string[][] {
    const lists: string[][] = [];
    for (let p = 0; p < data.length; ) {
      const list: string[] = new Array(data[p++]);
      for (let k = 0; k < list.length; k++) list[k] = this.strings[data[p++]];
      lists.push(list);
    }
    return lists;
  }

  encodeImports(files: readonly (readonly ResolvedImport[])[]): Int32Array {
    const out: number[] = [];
    for (const imports of files) {
      out.push(imports.length);
      for (const i of imports) {
        const { start, end } = i.range;
        out.push(this.ref(i.specifier), KINDS.indexOf(i.kind), i.typeOnly ? 1 : 0, start.line, start.character, end.line, end.character, i.names.length);
        for (const name of i.names) out.push(this.ref(name));
        this.pushTarget(out, i.target);
      }
    }
    return Int32Array.from(out);
  }

  decodeImports(data: Int32Array, fileCount: number): ResolvedImport[][] {
    const result: ResolvedImport[][] = [];
    let p = 0;
    for (let f = 0; f < fileCount; f++) {
      const imports: ResolvedImport[] = new Array(data[p++]);
      for (let k = 0; k < imports.length; k++) {
        const specifier = this.strings[data[p]];
        const kind = KINDS[data[p + 1]];
        const typeOnly = data[p + 2] === 1;
        const range = { start: { line: data[p + 3], character: data[p + 4] }, end: { line: data[p + 5], character: data[p + 6] } };
        const names: string[] = new Array(data[p + 7]);
        p += 8;
        for (let n = 0; n < names.length; n++) names[n] = this.strings[data[p++]];
        const target = this.target(data[p], data[p + 1]);
        p += 2;
        imports[k] = { specifier, kind, typeOnly, range, names, target };
      }
      result.push(imports);
    }
    return result;
  }

  encodeMemo(memo: readonly [string, ResolvedTarget][]): Int32Array {
    const out: number[] = [];
    for (const [key, target] of memo) {
      out.push(this.ref(key));
      this.pushTarget(out, target);
    }
    return Int32Array.from(out);
  }

  decodeMemo(data: Int32Array): [string, ResolvedTarget][] {
    const memo: [string, ResolvedTarget][] = [];
    for (let p = 0; p < data.length; p += 3) memo.push([this.strings[data[p]], this.target(data[p + 1], data[p + 2])]);
    return memo;
  }

  private pushTarget(out: number[], target: ResolvedTarget): void {
    const name = target.kind === 'file' ? target.file : target.kind === 'unresolved' ? undefined : target.packageName;
    out.push(TARGET_KINDS.indexOf(target.kind), name === undefined ? -1 : this.ref(name));
  }

  private target(kind: number, name: number): ResolvedTarget {
    const key = name * TARGET_KINDS.length + kind;
    const known = this.targets.get(key);
    if (known) return known;
    const k = TARGET_KINDS[kind];
    const s = this.strings[name];
    const target: ResolvedTarget = k === 'file' ? { kind: k, file: s } : k === 'unresolved' ? { kind: k } : { kind: k, packageName: s };
    this.targets.set(key, target);
    return target;
  }
}
