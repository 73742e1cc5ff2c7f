import ignore, { type Ignore } from 'ignore';
import type { Host } from '../host';
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
    let active = scopes;
    if (entries.some((e) => e.name === '.gitignore' && e.kind === 'file')) {
      const text = host.readFile(`${dir}/.gitignore`);
      if (text !== undefined) active = [...scopes, { base: relDir, rules: ignore().add(text) }];
    }
    const ignored = (rel: string, isDir: boolean) =>
      active.some((s) => {
        const local = s.base ? rel.slice(s.base.length + 1) : rel;
        return local !== '' && s.rules.ignores(isDir ? `${local}/` : local);
      });
    for (const entry of entries) {
      const rel = relDir ? `${relDir}/${entry.name}` : entry.name;
      const abs = `${dir}/${entry.name}`;
      if (entry.kind === 'directory') {
        if (ALWAYS_IGNORED_DIRS.has(entry.name) || ignored(rel, true) || isExcluded(rel)) continue;
        walk(abs, rel, active);
      } else if (isSourceFile(entry.name)) {
        if (entry.kind === 'symlink' && !host.fileExists(abs)) continue;
        if (ignored(rel, false) || isExcluded(rel)) continue;
        files.push(abs);
      }
    }
  };
  walk(root, '', []);
  return files.sort();
}
