import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as v8 from 'node:v8';

/**
 * What a restarted server needs to skip the work of the last one: per-file facts (keyed by
 * content hash, so a changed file is simply parsed again) and the resolution memo (valid only
 * while the file list and the resolution inputs — tsconfigs, package manifests — are the same).
 * Stored with v8's serializer (Maps and Sets survive, and it is fast), outside the workspace.
 */
export interface PersistedCache {
  format: number;
  toolVersion: string;
  files: [file: string, facts: unknown][];
  resolution: { signature: string; inputs: string[]; projects: [key: string, memo: [string, unknown][]][] };
}

/** Bumped when the shape of facts changes, so an old cache is ignored rather than misread. */
export const CACHE_FORMAT = 1;

export function readPersistedCache(file: string, toolVersion: string): PersistedCache | undefined {
  try {
    const data = v8.deserialize(fs.readFileSync(file)) as PersistedCache;
    return data.format === CACHE_FORMAT && data.toolVersion === toolVersion ? data : undefined;
  } catch {
    // Missing, truncated or from another version: start cold.
    return undefined;
  }
}

/** Written to a temporary file and renamed, so a crash mid-write never leaves a broken cache. */
export function writePersistedCache(file: string, data: PersistedCache): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, v8.serialize(data));
  fs.renameSync(tmp, file);
}

/** A digest of everything resolution depends on besides the importing file: the file list and the inputs' text. */
export function resolutionSignature(files: readonly string[], inputs: readonly string[], read: (file: string) => string | undefined): string {
  const hash = createHash('sha1');
  for (const f of files) hash.update(f).update('\0');
  for (const f of inputs) hash.update(f).update('\0').update(read(f) ?? '\u0001missing').update('\0');
  return hash.digest('hex');
}
