import type { Host } from '../host';

export interface WorkspacePackage {
  name: string;
  /** Absolute folder of the package. */
  dir: string;
  /** The package.json "source" field, when it names the entry source file. */
  source?: string;
}

/** Globs of an npm/yarn `workspaces` field or a pnpm-workspace.yaml `packages` list. */
function workspaceGlobs(host: Host, root: string): string[] {
  const globs: string[] = [];
  const manifest = host.readFile(`${root}/package.json`);
  if (manifest) {
    try {
      const ws = (JSON.parse(manifest) as { workspaces?: string[] | { packages?: string[] } }).workspaces;
      globs.push(...(Array.isArray(ws) ? ws : ws?.packages ?? []));
    } catch {
      // A broken package.json is the package manager's error to report, not ours.
    }
  }
  const pnpm = host.readFile(`${root}/pnpm-workspace.yaml`);
  if (pnpm) {
    let inPackages = false;
    for (const line of pnpm.split(/\r?\n/)) {
      if (/^packages\s*:/.test(line)) inPackages = true;
      else if (/^\S/.test(line)) inPackages = false;
      else if (inPackages) {
        const m = /^\s*-\s*['"]?([^'"#]+?)['"]?\s*(#.*)?$/.exec(line);
        if (m) globs.push(m[1]);
      }
    }
  }
  return globs.filter((g) => !g.startsWith('!'));
}

/** Expands `packages/*`, `packages/**` and literal folders; enough for every layout seen in practice. */
function expand(host: Host, root: string, glob: string): string[] {
  const clean = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  const star = clean.indexOf('*');
  if (star < 0) return [`${root}/${clean}`];
  const base = clean.slice(0, star).replace(/\/$/, '');
  const recursive = clean.includes('**');
  const out: string[] = [];
  const walk = (dir: string, depth: number) => {
    for (const e of host.readDirectory(dir)) {
      if (e.kind !== 'directory' || e.name === 'node_modules' || e.name.startsWith('.')) continue;
      out.push(`${dir}/${e.name}`);
      if (recursive && depth < 3) walk(`${dir}/${e.name}`, depth + 1);
    }
  };
  walk(base ? `${root}/${base}` : root, 0);
  return out;
}

export function findWorkspacePackages(host: Host, root: string): Map<string, WorkspacePackage> {
  const packages = new Map<string, WorkspacePackage>();
  for (const glob of workspaceGlobs(host, root)) {
    for (const dir of expand(host, root, glob)) {
      const text = host.readFile(`${dir}/package.json`);
      if (!text) continue;
      try {
        const pkg = JSON.parse(text) as { name?: string; source?: string };
        if (pkg.name) packages.set(pkg.name, { name: pkg.name, dir, source: typeof pkg.source === 'string' ? pkg.source : undefined });
      } catch {
        // Skip a package whose manifest does not parse; its imports stay external.
      }
    }
  }
  return packages;
}
