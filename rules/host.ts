import * as fs from 'node:fs';
import * as path from 'node:path';
import { decodeText } from './text/encoding';

/**
 * The only I/O the engine sees. The CLI uses the Node host as is; the language server wraps it
 * so open buffers shadow the disk. Paths are absolute with forward slashes.
 */
export interface Host {
  readFile(file: string): string | undefined;
  fileExists(file: string): boolean;
  directoryExists(dir: string): boolean;
  /** Entries of a directory; symbolic links are reported as such and never followed blindly. */
  readDirectory(dir: string): DirectoryEntry[];
  realpath(file: string): string;
  /**
   * Why a folder cannot be listed (EACCES…), asked only when readDirectory found nothing, so an
   * unreadable folder is reported as skipped instead of passing for an empty one.
   */
  directoryError?(dir: string): string | undefined;
  /** Why a file that is there cannot be read (EACCES, EISDIR), asked only when readFile found nothing; undefined when it is simply absent. */
  fileError?(file: string): string | undefined;
  /**
   * What a file's metadata says about its content (size, times, identity), to tell that it has not
   * changed since it was last read without reading it. Undefined when unknown: then it is read.
   */
  stamp?(file: string): FileStamp | undefined;
  /** Whether the workspace is trusted: only then may workspace code (a JS config) be loaded. */
  readonly trusted: boolean;
}

/** [size, mtimeMs, ctimeMs, inode]: the ctime and inode change with every write and every rename, even when a tool restores the mtime. */
export type FileStamp = readonly [size: number, mtimeMs: number, ctimeMs: number, ino: number];

export interface DirectoryEntry {
  name: string;
  kind: 'file' | 'directory' | 'symlink';
}

export function toPosix(p: string): string {
  return p.replace(/\\/g, '/');
}

export function normalizePath(p: string): string {
  return toPosix(path.resolve(p));
}

/**
 * Whether `file` lies under the folder `dir`. Spelt out because `file.startsWith(dir + '/')` builds
 * and flattens a string on every call: finding the domains of 20,000 files took 100 ms that way.
 */
export function isInsideDir(file: string, dir: string): boolean {
  return file.length > dir.length && file.charCodeAt(dir.length) === SLASH && file.startsWith(dir);
}

const SLASH = 0x2f;

/** Whether `file` is one of the folders `dirs` or lies under one. */
export function isInAnyDir(file: string, dirs: readonly string[]): boolean {
  return dirs.some((dir) => file === dir || isInsideDir(file, dir));
}

/** `file` relative to the workspace `root`, forward slashes (what reports and the debt register show); a file outside it as it is. */
export function relativeTo(root: string, file: string): string {
  return isInsideDir(file, root) ? file.slice(root.length + 1) : file;
}

export function createNodeHost(options: { trusted: boolean }): Host {
  return {
    trusted: options.trusted,
    readFile(file) {
      try {
        return decodeText(fs.readFileSync(file));
      } catch {
        return undefined;
      }
    },
    // Most probes (module resolution's candidates) miss: without throwIfNoEntry each miss builds an Error, 5× the cost of the stat.
    fileExists(file) {
      try {
        return fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false;
      } catch {
        return false;
      }
    },
    directoryExists(dir) {
      try {
        return fs.statSync(dir, { throwIfNoEntry: false })?.isDirectory() ?? false;
      } catch {
        return false;
      }
    },
    readDirectory(dir) {
      let entries: fs.Dirent[];
      try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
      } catch {
        // Unreadable folders are skipped, not fatal: the scan reports what it could read (see directoryError).
        return [];
      }
      const result: DirectoryEntry[] = [];
      for (const e of entries) {
        if (e.isFile()) result.push({ name: e.name, kind: 'file' });
        else if (e.isDirectory()) result.push({ name: e.name, kind: 'directory' });
        else if (e.isSymbolicLink()) result.push({ name: e.name, kind: 'symlink' });
      }
      return result;
    },
    directoryError(dir) {
      try {
        fs.readdirSync(dir);
        return undefined;
      } catch (err) {
        return (err as NodeJS.ErrnoException).code ?? (err as Error).message;
      }
    },
    fileError(file) {
      try {
        fs.readFileSync(file);
        return undefined;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        return code === 'ENOENT' ? undefined : (code ?? (err as Error).message);
      }
    },
    stamp(file) {
      try {
        const stats = fs.statSync(file);
        return stats.isFile() ? [stats.size, stats.mtimeMs, stats.ctimeMs, stats.ino] : undefined;
      } catch {
        return undefined;
      }
    },
    realpath(file) {
      try {
        return toPosix(fs.realpathSync.native(file));
      } catch {
        return file;
      }
    },
  };
}

/**
 * Editors drop a UTF-8 byte order mark from the text they show, and LSP positions count from
 * there: so does every reader of the disk, or the first line's columns would be one off (and a
 * foundations.json saved by Notepad would not even parse).
 */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The host as seen from `root` spelt as the editor spells it (macOS's /tmp is /private/tmp, a
 * project folder is often a link): a real path inside the workspace comes back under that
 * spelling, so every path the engine resolves and reports is one the editor knows.
 */
export function spelledFrom(host: Host, root: string): Host {
  const realRoot = host.realpath(root);
  if (realRoot === root) return host;
  const respell = (real: string) => (real === realRoot ? root : isInsideDir(real, realRoot) ? root + real.slice(realRoot.length) : real);
  return {
    get trusted() {
      return host.trusted;
    },
    readFile: (f) => host.readFile(f),
    fileExists: (f) => host.fileExists(f),
    directoryExists: (d) => host.directoryExists(d),
    readDirectory: (d) => host.readDirectory(d),
    realpath: (f) => respell(host.realpath(f)),
    ...(host.directoryError ? { directoryError: (d: string) => host.directoryError!(d) } : {}),
    ...(host.fileError ? { fileError: (f: string) => host.fileError!(f) } : {}),
    ...(host.stamp ? { stamp: (f: string) => host.stamp!(f) } : {}),
  };
}

/** A host whose files can be shadowed by in-memory text (unsaved editor buffers). */
export class OverlayHost implements Host {
  private readonly overlays = new Map<string, string>();

  constructor(private readonly base: Host) {}

  get trusted(): boolean {
    return this.base.trusted;
  }

  setOverlay(file: string, text: string): void {
    this.overlays.set(file, text);
  }

  deleteOverlay(file: string): void {
    this.overlays.delete(file);
  }

  hasOverlay(file: string): boolean {
    return this.overlays.has(file);
  }

  readFile(file: string): string | undefined {
    return this.overlays.get(file) ?? this.base.readFile(file);
  }

  fileExists(file: string): boolean {
    return this.overlays.has(file) || this.base.fileExists(file);
  }

  directoryExists(dir: string): boolean {
    return this.base.directoryExists(dir);
  }

  /** The folder as the editor sees it: a buffer not saved yet is one of its files. */
  readDirectory(dir: string): DirectoryEntry[] {
    const entries = this.base.readDirectory(dir);
    const unsaved: DirectoryEntry[] = [];
    for (const file of this.overlays.keys()) {
      const name = file.slice(dir.length + 1);
      if (file.startsWith(`${dir}/`) && !name.includes('/') && !entries.some((e) => e.name === name)) unsaved.push({ name, kind: 'file' });
    }
    return unsaved.length > 0 ? [...entries, ...unsaved] : entries;
  }

  realpath(file: string): string {
    return this.overlays.has(file) ? file : this.base.realpath(file);
  }

  directoryError(dir: string): string | undefined {
    return this.base.directoryError?.(dir);
  }

  fileError(file: string): string | undefined {
    return this.overlays.has(file) ? undefined : this.base.fileError?.(file);
  }

  /** An open buffer's text is not what the disk's metadata describes. */
  stamp(file: string): FileStamp | undefined {
    return this.overlays.has(file) ? undefined : this.base.stamp?.(file);
  }
}
