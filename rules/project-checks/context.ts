import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { Config } from '../config/config';
import { ALWAYS_IGNORED_DIRS } from '../config/defaults';
import type { ResolvedImport } from '../graph/import-graph';
import { type Host, isInsideDir } from '../host';
import type { Finding } from '../model';
import { discoverSourceFiles } from '../workspace/discover-files';
import type { WorkspaceModel } from '../workspace/workspace-model';
import type { PackageJson, ProjectContext } from './project-check';

export interface ProjectContextInput {
  root: string;
  host: Host;
  config: Config;
  model: WorkspaceModel;
  sourceFiles: readonly string[];
  findings: readonly Finding[];
  importsOf(file: string): readonly ResolvedImport[];
}

/** The context the project checks share for one run: file listings and parses are memoised. */
export function createProjectContext(input: ProjectContextInput): ProjectContext {
  const { root, host } = input;
  const abs = (relative: string) => (relative === '' || relative === '.' ? root : path.posix.normalize(`${root}/${relative}`));
  const rel = (file: string) => (file === root ? '.' : isInsideDir(file, root) ? file.slice(root.length + 1) : path.posix.relative(root, file));
  const gitignores = new Map<string, Ignore | null>();
  const gitignoreOf = (relDir: string): Ignore | null => {
    let rules = gitignores.get(relDir);
    if (rules === undefined) {
      const text = host.readFile(`${abs(relDir)}/.gitignore`);
      rules = text === undefined ? null : ignore().add(text);
      gitignores.set(relDir, rules);
    }
    return rules;
  };
  const excluded = (relative: string) => !relative.startsWith('../') && input.config.isExcluded(relative);
  const isIgnored = (relative: string, isDir = false): boolean => {
    if (relative.startsWith('../')) return false;
    const parts = relative.split('/');
    if (parts.some((p) => ALWAYS_IGNORED_DIRS.has(p))) return true;
    // Each .gitignore on the way applies to the paths below its own folder.
    for (let depth = 0; depth < parts.length; depth++) {
      const base = parts.slice(0, depth).join('/');
      const rules = gitignoreOf(base);
      if (!rules) continue;
      const local = parts.slice(depth).join('/');
      if (rules.ignores(isDir ? `${local}/` : local)) return true;
      // A parent folder ignored means everything below it is too.
      for (let k = 1; k < parts.length - depth; k++) if (rules.ignores(`${parts.slice(depth, depth + k).join('/')}/`)) return true;
    }
    return false;
  };
  const listFiles = (relativeDir: string, maxDepth: number): string[] => {
    const out: string[] = [];
    const walk = (relDir: string, depth: number) => {
      for (const entry of host.readDirectory(abs(relDir))) {
        const child = relDir === '' || relDir === '.' ? entry.name : `${relDir}/${entry.name}`;
        if (entry.kind === 'directory') {
          if (depth < maxDepth && !ALWAYS_IGNORED_DIRS.has(entry.name) && !isIgnored(child, true) && !excluded(child)) walk(child, depth + 1);
        } else if (!isIgnored(child) && !excluded(child)) out.push(child);
      }
    };
    walk(relativeDir, 0);
    return out.sort();
  };
  const findDirectories = (name: RegExp, maxDepth: number): string[] => {
    const out: string[] = [];
    const walk = (relDir: string, depth: number) => {
      for (const entry of host.readDirectory(abs(relDir))) {
        if (entry.kind !== 'directory' || ALWAYS_IGNORED_DIRS.has(entry.name)) continue;
        const child = relDir === '' ? entry.name : `${relDir}/${entry.name}`;
        // Folders foundations.json excludes (fixtures, generated code) are not the project's own.
        if (isIgnored(child, true) || excluded(child)) continue;
        if (name.test(entry.name)) out.push(child);
        else if (depth < maxDepth) walk(child, depth + 1);
      }
    };
    walk('', 0);
    return out.sort();
  };
  let packageJson: PackageJson | undefined | null = null;
  let allSource: string[] | undefined;
  return {
    root,
    host,
    config: input.config,
    model: input.model,
    sourceFiles: input.sourceFiles,
    findings: input.findings,
    importsOf: input.importsOf,
    allSourceFiles: () => (allSource ??= discoverSourceFiles(host, root, () => false)),
    packageJson() {
      if (packageJson === null) packageJson = readPackageJson(host, root);
      return packageJson;
    },
    read: (relative) => host.readFile(abs(relative)),
    exists: (relative) => host.fileExists(abs(relative)),
    listFiles,
    findDirectories,
    isIgnored: (relative) => isIgnored(relative),
    relative: rel,
  };
}

function readPackageJson(host: Host, root: string): PackageJson | undefined {
  const text = host.readFile(`${root}/package.json`);
  if (text === undefined) return undefined;
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    const record = (v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {});
    return {
      file: 'package.json',
      text,
      dependencies: { ...record(json.peerDependencies), ...record(json.optionalDependencies), ...record(json.dependencies) },
      devDependencies: record(json.devDependencies),
      scripts: record(json.scripts),
    };
  } catch {
    return undefined;
  }
}
