import type { DomainEdge, DomainNode } from '../graph/domain-graph';

/** The colours both graph formats (and the graph view's legend) use. */
export const GRAPH_COLORS = {
  violating: '#d33333',
  cycle: '#e08a00',
  unused: '#9a9a9a',
  declared: '#4a6fa5',
} as const;

export type EdgeKind = 'declared' | 'unused' | 'violating';

export function edgeKind(e: DomainEdge): EdgeKind {
  if (e.violating) return 'violating';
  return e.actual ? 'declared' : 'unused';
}

/** "billing · @payments-team · 3 errors, 1 warning": what a node says besides its name. */
export function nodeDetails(n: DomainNode): string[] {
  const lines: string[] = [];
  if (n.owners.length > 0) lines.push(n.owners.join(', '));
  const counts = [n.errors > 0 ? `${n.errors} error${n.errors === 1 ? '' : 's'}` : '', n.warnings > 0 ? `${n.warnings} warning${n.warnings === 1 ? '' : 's'}` : ''].filter(Boolean);
  lines.push(counts.length > 0 ? counts.join(', ') : `${n.files} file${n.files === 1 ? '' : 's'}`);
  return lines;
}
