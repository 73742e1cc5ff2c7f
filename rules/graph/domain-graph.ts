import { cyclicComponents } from '../checks/domain-cycle';
import { ownFindings } from '../report/overview';
import type { Session } from '../session';

export interface DomainNode {
  name: string;
  /** Workspace-relative folder. */
  path: string;
  owners: string[];
  dependsOn: string[];
  /** `"*"` when every file is public, else the globs of `publicApi`. */
  publicApi: string[] | '*';
  /** The domain's files other domains may import (workspace-relative). */
  publicApiFiles: string[];
  files: number;
  errors: number;
  warnings: number;
  infos: number;
  inCycle: boolean;
}

export interface DomainEdge {
  from: string;
  to: string;
  /** Listed in `from`'s dependsOn. */
  declared: boolean;
  /** Some file of `from` imports `to`. */
  actual: boolean;
  /** Actual but not declared: a cross-domain-import. */
  violating: boolean;
  /** Both domains are in one dependency cycle and this edge is part of it. */
  inCycle: boolean;
  /** The files of `from` that import `to` (workspace-relative). */
  files: string[];
}

/** The domains and their dependencies, declared and actual: what the graph view and `foundations graph` draw. */
export interface DomainGraph {
  nodes: DomainNode[];
  edges: DomainEdge[];
  /** Groups of domains that depend on each other in a cycle. */
  cycles: string[][];
}

/** `excludeFolders`: folders whose findings the domains do not count (workspace folders nested in the session's root count their own). */
export function buildDomainGraph(session: Session, excludeFolders: readonly string[] = []): DomainGraph {
  const model = session.workspaceModel;
  const domains = session.config.domains;
  const actual = new Map<string, Map<string, Set<string>>>();
  const stats = new Map(domains.map((d) => [d.name, { files: 0, errors: 0, warnings: 0, infos: 0, publicApiFiles: [] as string[] }]));
  for (const file of session.files()) {
    const m = model.membership(file);
    if (!m.domain) continue;
    const s = stats.get(m.domain.name)!;
    s.files++;
    if (m.isPublicApi && !m.domain.publicApiAll) s.publicApiFiles.push(m.workspaceRelative);
    if (m.isTest) continue;
    for (const imp of session.importGraph.importsOf(file)) {
      if (imp.target.kind !== 'file') continue;
      const to = model.membership(imp.target.file).domain?.name;
      if (!to || to === m.domain.name) continue;
      let targets = actual.get(m.domain.name);
      if (!targets) actual.set(m.domain.name, (targets = new Map()));
      let files = targets.get(to);
      if (!files) targets.set(to, (files = new Set()));
      files.add(m.workspaceRelative);
    }
  }
  for (const f of ownFindings(session, excludeFolders)) {
    const domain = model.membership(f.file).domain?.name;
    const s = domain ? stats.get(domain) : undefined;
    if (!s) continue;
    if (f.severity === 'error') s.errors++;
    else if (f.severity === 'warning') s.warnings++;
    else s.infos++;
  }
  const cycles = cyclicComponents(actual);
  const cycleOf = new Map<string, number>();
  cycles.forEach((c, i) => c.forEach((d) => cycleOf.set(d, i)));

  const edges: DomainEdge[] = [];
  for (const d of domains) {
    const targets = new Set([...d.dependsOn, ...(actual.get(d.name)?.keys() ?? [])]);
    for (const to of [...targets].sort()) {
      const files = [...(actual.get(d.name)?.get(to) ?? [])].sort();
      const declared = d.dependsOn.includes(to);
      const isActual = files.length > 0;
      edges.push({
        from: d.name,
        to,
        declared,
        actual: isActual,
        violating: isActual && !declared,
        inCycle: isActual && cycleOf.has(d.name) && cycleOf.get(d.name) === cycleOf.get(to),
        files,
      });
    }
  }
  const nodes: DomainNode[] = domains.map((d) => {
    const s = stats.get(d.name)!;
    return {
      name: d.name,
      path: d.path,
      owners: d.owners,
      dependsOn: d.dependsOn,
      publicApi: d.publicApiAll ? '*' : d.publicApi,
      publicApiFiles: s.publicApiFiles.sort(),
      files: s.files,
      errors: s.errors,
      warnings: s.warnings,
      infos: s.infos,
      inCycle: cycleOf.has(d.name),
    };
  });
  return { nodes, edges, cycles };
}
