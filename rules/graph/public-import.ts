import * as path from 'node:path';
import type { DomainSpec } from '../config/config';
import type { WorkspaceModel } from '../workspace/workspace-model';
import type { ImportGraph } from './import-graph';

/** What the choice of a public import reads: who imports what, and which files are public. */
export interface ImportedWorkspace {
  model: WorkspaceModel;
  graph: ImportGraph;
  files(): string[];
}

/**
 * How code in `fromFile` should import `domain`'s public API: the specifier the file already
 * imports it with, else the one the workspace uses for it most (an alias or package name), else a
 * relative path to its index. The hover recommends it and the public-API fix writes it, so the two
 * never disagree.
 */
export function publicImportFor(workspace: ImportedWorkspace, fromFile: string, domain: DomainSpec): { specifier: string; file: string } | undefined {
  const { model, graph } = workspace;
  const reachesApi = (target: string) => {
    const t = model.membership(target);
    return t.domain === domain && t.isPublicApi && (!domain.publicApiAll || /(^|\/)index\.[cm]?[jt]sx?$/.test(target));
  };
  const own = graph.importsOf(fromFile).find((imp) => imp.target.kind === 'file' && reachesApi(imp.target.file));
  if (own?.target.kind === 'file') return { specifier: own.specifier, file: model.membership(own.target.file).workspaceRelative };
  const uses = new Map<string, { count: number; file: string }>();
  let publicFile: string | undefined;
  for (const file of workspace.files()) {
    const m = model.membership(file);
    if (m.domain === domain && m.isPublicApi && !domain.publicApiAll && (!publicFile || file.length < publicFile.length)) publicFile = file;
    for (const imp of graph.importsOf(file)) {
      if (imp.target.kind !== 'file' || imp.specifier.startsWith('.') || !reachesApi(imp.target.file)) continue;
      const u = uses.get(imp.specifier) ?? { count: 0, file: imp.target.file };
      u.count++;
      uses.set(imp.specifier, u);
    }
  }
  const best = [...uses].sort((a, b) => b[1].count - a[1].count || a[0].length - b[0].length)[0];
  if (best) return { specifier: best[0], file: model.membership(best[1].file).workspaceRelative };
  if (!publicFile) return undefined;
  let relative = path.posix.relative(path.posix.dirname(fromFile), publicFile).replace(/\.[cm]?[jt]sx?$/, '').replace(/\/index$/, '');
  if (!relative.startsWith('.')) relative = `./${relative}`;
  return { specifier: relative, file: model.membership(publicFile).workspaceRelative };
}
