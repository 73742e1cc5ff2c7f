/**
 * Loads the bundle next to the starters (dist/server.js: language server and CLI in one) with V8's
 * code cache. Compiling its 7.6 MB (TypeScript's parser is most of it) and then compiling each
 * function on its first call costs ~0.2 s of every process; a cache written after a run holds the
 * bytecode of everything that run compiled. Kept free of imports but Node's own: it is loaded, not
 * cached, on every start.
 */
import { isAscii } from 'node:buffer';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

export interface ServerBundle {
  startServer(connection?: undefined, options?: { onReady?: () => void }): void;
  main(argv: string[]): Promise<number>;
}

/** Node's own module wrapper, so the bundle sees exactly what `require` would give it. */
export const WRAPPER = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];

const BUNDLE = path.join(__dirname, 'server.js');

/** The file the code cache of this bundle on this Node lives in; V8 checks only the source's length, so the name carries the rest. */
function cacheFileFor(dir: string): string {
  const stat = fs.statSync(BUNDLE);
  const key = crypto.createHash('sha256').update(`${process.version} ${process.arch} ${stat.size} ${stat.mtimeMs}`).digest('hex').slice(0, 16);
  return path.join(dir, `server-${key}.code-cache`);
}

/** esbuild writes ASCII (it escapes the rest): read as such, that is a copy instead of a UTF-8 decoding of 7.6 MB (~10 ms). */
function readSource(): string {
  const bytes = fs.readFileSync(BUNDLE);
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

function readCache(file: string): Buffer | undefined {
  try {
    return fs.readFileSync(file);
  } catch {
    return undefined;
  }
}

/** Writes the cache whole or not at all, and drops caches of other bundles or Node versions. */
function writeCache(dir: string, file: string, data: Buffer): void {
  try {
    fs.mkdirSync(dir, { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, data);
    fs.renameSync(temporary, file);
    for (const name of fs.readdirSync(dir)) {
      if (name.endsWith('.code-cache') && path.join(dir, name) !== file) fs.rmSync(path.join(dir, name), { force: true });
    }
  } catch (err) {
    // Only speed is lost: the next start compiles the bundle again.
    process.stderr.write(`foundations: could not write the code cache in ${dir}: ${(err as Error).message}\n`);
  }
}

export interface LoadedBundle {
  bundle: ServerBundle;
  /** Set when `cacheDir` held no cache V8 accepted: writes one of what has been compiled so far. */
  saveCache?: () => void;
}

function loadWithCodeCache(dir: string): LoadedBundle {
  const file = cacheFileFor(dir);
  const cachedData = readCache(file);
  const source = readSource();
  // Such a script cannot import(): the bundle imports dependency-cruiser through dist/import-module.js.
  const script = new vm.Script(WRAPPER[0] + source + WRAPPER[1], { filename: BUNDLE, cachedData });
  const bundleModule = { exports: {} as ServerBundle };
  (script.runInThisContext() as (...args: unknown[]) => void)(bundleModule.exports, createRequire(BUNDLE), bundleModule, BUNDLE, __dirname);
  const stale = !cachedData || script.cachedDataRejected === true;
  return { bundle: bundleModule.exports, saveCache: stale ? () => writeCache(dir, file, script.createCachedData()) : undefined };
}

/** The bundle, compiled with the code cache in `cacheDir` when there is one (a cache V8 refuses is simply not used). */
export function loadBundle(cacheDir: string | undefined): LoadedBundle {
  if (cacheDir) {
    try {
      return loadWithCodeCache(cacheDir);
    } catch {
      // An unreadable bundle or folder: load it the plain way.
    }
  }
  return { bundle: require(BUNDLE) as ServerBundle };
}
