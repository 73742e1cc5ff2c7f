import { shortestPath } from '../graph/shortest-path';
import type { DomainEdges, WorkspaceRule } from './rule';

/** Strongly connected components of the domain graph with more than one domain (Tarjan). */
export function cyclicComponents(edges: DomainEdges): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const components: string[][] = [];
  const connect = (v: string) => {
    indices.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v)?.keys() ?? []) {
      if (!indices.has(w)) {
        connect(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, indices.get(w)!));
      }
    }
    if (low.get(v) === indices.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const v of [...edges.keys()].sort()) if (!indices.has(v)) connect(v);
  return components;
}

export const domainCycle: WorkspaceRule = {
  id: 'domain-cycle',
  scope: 'workspace',
  foundation: 'clean-architecture',
  defaultSeverity: 'error',
  description: 'Domains depend on each other in a cycle.',
  rationale:
    'Domains in a cycle cannot be understood, tested, released or extracted separately: a change in one can break the other and back. A cycle between modules is the first step from a modular monolith to a distributed monolith. Dependencies between domains should form a directed acyclic graph, so there is always an order in which they can be built and reasoned about.',
  help: 'Break the cycle where the dependency is weakest: move the shared concept into one of the domains (or a shared domain), or invert one direction with an interface or an event.',
  check(ctx) {
    for (const component of cyclicComponents(ctx.domainEdges)) {
      const members = new Set(component);
      const edges: [string, string, ReadonlySet<string>][] = [];
      for (const from of component) {
        for (const [to, files] of ctx.domainEdges.get(from) ?? []) if (members.has(to)) edges.push([from, to, files]);
      }
      // The undeclared edges are where the cycle was introduced; blame only them when there are some.
      const undeclared = edges.filter(([from, to]) => !ctx.model.domain(from)?.dependsOn.includes(to));
      for (const [from, to, files] of undeclared.length > 0 ? undeclared : edges) {
        // The way back from `to` to `from` inside the component (it exists: both are in it), for the message.
        const back = shortestPath(to, from, (v) => [...(ctx.domainEdges.get(v)?.keys() ?? [])].filter((w) => members.has(w)).sort())!;
        const cycle = [from, ...back];
        // One finding per blamed edge, at its first import, so each team sees its part. (The first
        // file by name, found without sorting hundreds of paths at every import edit.)
        let file = '';
        for (const f of files) if (file === '' || f < file) file = f;
        const imp = ctx.graph.importsOf(file).find((i) => i.target.kind === 'file' && ctx.model.membership(i.target.file).domain?.name === to);
        if (imp?.target.kind !== 'file') continue;
        ctx.report(file, {
          range: imp.range,
          message: `Domains ${cycle.join(' → ')} form a dependency cycle; this import makes "${from}" depend on "${to}".`,
          domains: { from, to },
          data: { cycle, specifier: imp.specifier, target: ctx.model.membership(imp.target.file).workspaceRelative },
        });
      }
    }
  },
};
