/**
 * What an editor starts (dist/start-server.js): the language server of the bundle next to it.
 * Compiling that bundle (TypeScript's parser is most of its 11 MB) is a third of a warm start's
 * CPU, so when the editor names a folder of its own storage (`--code-cache <dir>`), the bundle is
 * compiled with V8's code cache kept there, written once after the first scan (when the parser and
 * the rules have been compiled too) and again whenever V8 refuses it (another Node or bundle).
 * Kept free of imports but Node's own: it is loaded, not cached, on every start.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

interface ServerBundle {
  startServer(connection?: undefined, options?: { onReady?: () => void }): void;
}

/** Node's own module wrapper, so the bundle sees exactly what `require` would give it. */
const WRAPPER = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];

const BUNDLE = path.join(__dirname, 'server.js');

/** The file the code cache of this bundle on this Node lives in; V8 checks only the source's length, so the name carries the rest. */
function cacheFileFor(dir: string): string {
  const stat = fs.statSync(BUNDLE);
  const key = crypto.createHash('sha256').update(`${process.version} ${process.arch} ${stat.size} ${stat.mtimeMs}`).digest('hex').slice(0, 16);
  return path.join(dir, `server-${key}.code-cache`);
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

type Loaded = { bundle: ServerBundle; saveCache?: () => void };

function loadWithCodeCache(dir: string): Loaded {
  const file = cacheFileFor(dir);
  const cachedData = readCache(file);
  const source = fs.readFileSync(BUNDLE, 'utf8');
  const script = new vm.Script(WRAPPER[0] + source + WRAPPER[1], { filename: BUNDLE, cachedData });
  const bundleModule = { exports: {} as ServerBundle };
  (script.runInThisContext() as (...args: unknown[]) => void)(bundleModule.exports, createRequire(BUNDLE), bundleModule, BUNDLE, __dirname);
  const stale = !cachedData || script.cachedDataRejected === true;
  return { bundle: bundleModule.exports, saveCache: stale ? () => writeCache(dir, file, script.createCachedData()) : undefined };
}

function load(dir: string | undefined): Loaded {
  if (dir) {
    try {
      return loadWithCodeCache(dir);
    } catch {
      // An unreadable bundle or folder: start the plain way (a cache V8 refuses is simply not used).
    }
  }
  return { bundle: require(BUNDLE) as ServerBundle };
}

/**
 * After the first scan the parser and the rules are compiled too: the cache then covers a warm
 * start's work. It is written a second after the scan, or as the server exits if that comes first.
 */
function saveAfterFirstScan(save: () => void): { onReady: () => void } {
  let pending: (() => void) | undefined;
  const flush = () => {
    pending?.();
    pending = undefined;
  };
  process.on('exit', flush);
  return {
    onReady: () => {
      pending = save;
      setTimeout(flush, 1000).unref();
    },
  };
}

function codeCacheDir(argv: readonly string[]): string | undefined {
  // SERVER_PROCESS.codeCacheFlag; spelt out, as this file imports nothing but Node's own.
  const at = argv.indexOf('--code-cache');
  return at >= 0 ? argv[at + 1] : undefined;
}

const { bundle, saveCache } = load(codeCacheDir(process.argv));
bundle.startServer(undefined, saveCache && saveAfterFirstScan(saveCache));
