import ignore, { type Ignore } from 'ignore';
import type { DirectoryEntry, Host } from '../host';
import { ALWAYS_IGNORED_DIRS, SOURCE_EXTENSIONS } from '../config/defaults';

export function isSourceFile(file: string): boolean {
  const dot = file.lastIndexOf('.');
  return dot > file.lastIndexOf('/') && SOURCE_EXTENSIONS.includes(file.slice(dot));
}

interface IgnoreScope {
  /** Folder of the .gitignore, relative to the root ('' for the root). */
  base: string;
  rules: Ignore;
}

/** The .gitignore scopes in force in a folder: its parent's, and its own .gitignore if it has one. */
function scopesOf(host: Host, dir: string, relDir: string, entries: DirectoryEntry[], parentScopes: IgnoreScope[]): IgnoreScope[] {
  if (!entries.some((e) => e.name === '.gitignore' && e.kind === 'file')) return parentScopes;
  const text = host.readFile(`${dir}/.gitignore`);
  return text === undefined ? parentScopes : [...parentScopes, { base: relDir, rules: ignore().add(text) }];
}

function isIgnored(scopes: IgnoreScope[], rel: string, isDir: boolean): boolean {
  return scopes.some((s) => {
    const local = s.base ? rel.slice(s.base.length + 1) : rel;
    return local !== '' && s.rules.ignores(isDir ? `${local}/` : local);
  });
}

/** Whether the walk enters a folder: never node_modules, ignored or excluded folders. */
function entersFolder(name: string, rel: string, scopes: IgnoreScope[], isExcluded: (relative: string) => boolean): boolean {
  return !ALWAYS_IGNORED_DIRS.has(name) && !isIgnored(scopes, rel, true) && !isExcluded(rel);
}

/**
 * Lists the source files under `root`, honouring every .gitignore on the way (nested ones apply
 * to their own folder) and never entering node_modules. Symbolic links to folders are not
 * followed, so a symlink loop cannot trap the scan; links to files are read like files.
 */
export function discoverSourceFiles(
  host: Host,
  root: string,
  isExcluded: (relative: string) => boolean,
  /** Told about each folder that could not be read, so it is reported rather than passing for empty. */
  onUnreadable?: (dir: string, reason: string) => void,
): string[] {
  const files: string[] = [];
  const walk = (dir: string, relDir: string, scopes: IgnoreScope[]) => {
    const entries = host.readDirectory(dir);
    if (entries.length === 0 && onUnreadable) {
      const error = host.directoryError?.(dir);
      if (error) onUnreadable(dir, `the folder could not be read (${error})`);
    }
    const active = scopesOf(host, dir, relDir, entries, scopes);
    for (const entry of entries) {
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      const abs = `${dir}/${entry.name}`;
      if (entry.kind === 'directory') {
        if (entersFolder(entry.name, rel, active, isExcluded)) walk(abs, rel, active);
      } else if (entry.kind === 'symlink' && onUnreadable && !isSourceFile(entry.name) && host.directoryExists(abs) && entersFolder(entry.name, rel, active, isExcluded)) {
        // Said once, so a domain folder that is a link does not pass for an empty one.
        onUnreadable(abs, 'it is a symbolic link to a folder, which the scan does not follow (a link could loop)');
      } else if (isSourceFile(entry.name)) {
        if (entry.kind === 'symlink' && !host.fileExists(abs)) continue;
        if (isIgnored(active, rel, false) || isExcluded(rel)) continue;
        files.push(abs);
      }
    }
  };
  walk(root, '', []);
  return files.sort();
}

/**
 * Whether `discoverSourceFiles` would list this one file (`relative` to `root`), without walking
 * the workspace: only the folders on its path are read. An editor buffer counts as a file.
 */
export function wouldDiscover(host: Host, root: string, relative: string, isExcluded: (relative: string) => boolean): boolean {
  if (!isSourceFile(relative) || !host.fileExists(`${root}/${relative}`)) return false;
  let scopes: IgnoreScope[] = [];
  let relDir = '';
  // Each folder on the way, as the walk meets it: its .gitignore applies below it, and it must be entered.
  for (const name of relative.split('/')) {
    const dir = relDir ? `${root}/${relDir}` : root;
    const entries = host.readDirectory(dir);
    scopes = scopesOf(host, dir, relDir, entries, scopes);
    const rel = relDir ? `${relDir}/${name}` : name;
    if (rel === relative) break;
    // A link to a folder is not followed by the walk: it is not a `directory` entry.
    if (!entries.some((e) => e.name === name && e.kind === 'directory') || !entersFolder(name, rel, scopes, isExcluded)) return false;
    relDir = rel;
  }
  return !isIgnored(scopes, relative, false) && !isExcluded(relative);
}
