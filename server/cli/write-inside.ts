import * as fs from 'node:fs';
import * as path from 'node:path';

/** A write the CLI refused because it would land outside the workspace. */
export class OutsideWorkspaceError extends Error {}

const inside = (file: string, dir: string) => file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);

/**
 * Why writing `file` would leave the workspace `root`, if it would. The path may look inside and
 * still lead out through a symbolic link: the file itself (even a link to nothing, which a write
 * would create at its target) or any folder on the way. So the nearest part of the path that
 * exists is resolved for real, and must resolve inside the real root.
 */
export function outsideWorkspace(root: string, file: string): string | undefined {
  const absolute = path.resolve(file);
  if (!inside(absolute, path.resolve(root))) return `${file} is outside the workspace`;
  const realRoot = fs.realpathSync(root);
  for (let existing = absolute; ; existing = path.dirname(existing)) {
    let isLink = false;
    try {
      isLink = fs.lstatSync(existing).isSymbolicLink();
    } catch {
      if (path.dirname(existing) === existing) return undefined;
      continue; // does not exist yet: the write creates it, so its folder decides
    }
    let real: string;
    try {
      real = fs.realpathSync(existing);
    } catch (err) {
      return isLink
        ? `${existing} is a symbolic link to nothing, so where a write would land is not known`
        : `${existing} cannot be resolved (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`;
    }
    return inside(real, realRoot) ? undefined : `${file} leads outside the workspace through a symbolic link (to ${real})`;
  }
}

function refuseOutside(root: string, file: string): void {
  const problem = outsideWorkspace(root, file);
  if (problem) throw new OutsideWorkspaceError(problem);
}

/** Writes a file of the workspace, never through a path or link that leaves it. */
export function writeInsideWorkspace(root: string, file: string, text: string | Uint8Array): void {
  refuseOutside(root, file);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** Deletes a file of the workspace (one a fix emptied), never through a path or link that leaves it. */
export function deleteInsideWorkspace(root: string, file: string): void {
  refuseOutside(root, file);
  fs.rmSync(file, { force: true });
}
