/**
 * The domain graph webview: lays the graph out with dagre and draws it as SVG. Runs in the
 * webview (a browser), bundled with dagre into dist/graph-webview.js by esbuild — nothing is
 * loaded from the network. Talks to the extension by messages only (messages.ts).
 */
import { Graph, layout } from '@dagrejs/dagre';
import type { DomainGraphResult, GraphEdge, GraphNode } from '../../../protocol';
import type { FromWebview, ToWebview } from './messages';

declare function acquireVsCodeApi(): { postMessage(message: FromWebview): void };

const vscode = acquireVsCodeApi();
const SVG = 'http://www.w3.org/2000/svg';
const NODE_PADDING_X = 14;
const LINE_HEIGHT = 17;

interface Point {
  x: number;
  y: number;
}

interface NodeLabel {
  width: number;
  height: number;
  x: number;
  y: number;
  lines: { text: string; cls: string }[];
  node: GraphNode;
}

interface EdgeLabel {
  width: number;
  height: number;
  labelpos: string;
  x: number;
  y: number;
  points: Point[];
  edge: GraphEdge;
  text: string;
}

let current: DomainGraphResult | undefined;

window.addEventListener('message', (event: MessageEvent<ToWebview>) => {
  if (event.data?.type === 'graph') render(event.data.graph);
});
document.getElementById('folder')!.addEventListener('change', (e) => {
  vscode.postMessage({ type: 'openFolder', folderUri: (e.target as HTMLSelectElement).value });
});
vscode.postMessage({ type: 'ready' });

const measure = (() => {
  const context = document.createElement('canvas').getContext('2d');
  const font = getComputedStyle(document.body).fontFamily || 'sans-serif';
  return (text: string, size: number, bold = false): number => {
    if (!context) return text.length * size * 0.6;
    context.font = `${bold ? '600 ' : ''}${size}px ${font}`;
    return context.measureText(text).width;
  };
})();

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function nodeLines(n: GraphNode): { text: string; cls: string }[] {
  const lines = [{ text: n.name, cls: 'name' }];
  if (n.owners.length > 0) lines.push({ text: n.owners.join(', '), cls: 'detail' });
  const problems = [n.counts.errors > 0 ? plural(n.counts.errors, 'error') : '', n.counts.warnings > 0 ? plural(n.counts.warnings, 'warning') : ''].filter(Boolean).join(', ');
  lines.push(problems ? { text: problems, cls: n.counts.errors > 0 ? 'detail errors' : 'detail' } : { text: plural(n.files, 'file'), cls: 'detail' });
  return lines;
}

function edgeText(e: GraphEdge): string {
  if (e.violating) return 'undeclared';
  if (!e.actual) return 'unused';
  return '';
}

function edgeClass(e: GraphEdge): string {
  if (e.violating) return 'violating';
  if (!e.actual) return 'unused';
  return e.inCycle ? 'cycle' : 'declared';
}

function el<K extends keyof SVGElementTagNameMap>(name: K, attrs: Record<string, string | number> = {}, parent?: Element): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  parent?.appendChild(node);
  return node;
}

/** A smooth path through dagre's points (the B-spline d3 calls curveBasis). */
function basisPath(points: Point[]): string {
  if (points.length < 3) return `M${points[0].x},${points[0].y}` + points.slice(1).map((p) => `L${p.x},${p.y}`).join('');
  let d = `M${points[0].x},${points[0].y}`;
  let [p0, p1] = [points[0], points[1]];
  d += `L${(5 * p0.x + p1.x) / 6},${(5 * p0.y + p1.y) / 6}`;
  const curve = (a: Point, b: Point, c: Point) =>
    `C${(2 * a.x + b.x) / 3},${(2 * a.y + b.y) / 3} ${(a.x + 2 * b.x) / 3},${(a.y + 2 * b.y) / 3} ${(a.x + 4 * b.x + c.x) / 6},${(a.y + 4 * b.y + c.y) / 6}`;
  for (const p of points.slice(2)) {
    d += curve(p0, p1, p);
    [p0, p1] = [p1, p];
  }
  d += curve(p0, p1, p1);
  return d + `L${p1.x},${p1.y}`;
}

function render(graph: DomainGraphResult): void {
  current = graph;
  document.getElementById('title')!.textContent = graph.name ? `Domain graph — ${graph.name}` : 'Domain graph';
  const select = document.getElementById('folder') as HTMLSelectElement;
  select.hidden = graph.folders.length < 2;
  select.replaceChildren(
    ...graph.folders.map((f) => {
      const option = document.createElement('option');
      option.value = f.folderUri;
      option.textContent = f.name;
      option.selected = f.folderUri === graph.folderUri;
      return option;
    }),
  );
  const canvas = document.getElementById('canvas')!;
  const empty = document.getElementById('empty')!;
  canvas.replaceChildren();
  if (graph.nodes.length === 0) {
    empty.hidden = false;
    empty.textContent = 'No domains to draw: declare them in foundations.json.';
    return;
  }
  empty.hidden = true;

  const g = new Graph({ multigraph: false });
  g.setGraph({ rankdir: 'LR', nodesep: 36, ranksep: 110, edgesep: 18, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const n of graph.nodes) {
    const lines = nodeLines(n);
    const width = Math.max(...lines.map((l, i) => measure(l.text, i === 0 ? 14 : 12.5, i === 0))) + 2 * NODE_PADDING_X;
    g.setNode(n.name, { width: Math.max(width, 90), height: lines.length * LINE_HEIGHT + 16, lines, node: n });
  }
  for (const e of graph.edges) {
    const text = edgeText(e);
    g.setEdge(e.from, e.to, { edge: e, text, width: text ? measure(text, 11) + 8 : 0, height: text ? 14 : 0, labelpos: 'c', minlen: 1, weight: e.actual ? 2 : 1 });
  }
  layout(g);

  const size = g.graph() as { width?: number; height?: number };
  const [width, height] = [Math.ceil(size.width ?? 0), Math.ceil(size.height ?? 0)];
  // Natural size, scaled down (never up) to the panel's width by CSS.
  const svg = el('svg', { width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-label': 'Domain dependency graph' }, canvas);
  const defs = el('defs', {}, svg);
  for (const [id, color] of [
    ['declared', 'var(--vscode-foreground)'],
    ['unused', '#9a9a9a'],
    ['cycle', '#e08a00'],
    ['violating', '#d33333'],
  ]) {
    const marker = el('marker', { id: `arrow-${id}`, viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: 'auto-start-reverse' }, defs);
    el('path', { d: 'M0,0 L10,5 L0,10 z', fill: color }, marker);
  }
  // Edges first, so nodes sit on top of them; violating edges last, on top of the others.
  const edges = g.edges().map((ref) => g.edge(ref) as unknown as EdgeLabel).sort((a, b) => Number(a.edge.violating) - Number(b.edge.violating));
  for (const label of edges) {
    const cls = edgeClass(label.edge);
    const group = el('g', { class: `edge ${cls}` }, svg);
    el('path', { d: basisPath(label.points), 'marker-end': `url(#arrow-${cls})` }, group);
    const title = el('title', {}, group);
    title.textContent = `${label.edge.from} → ${label.edge.to}: ${label.edge.violating ? 'undeclared dependency (cross-domain-import)' : label.edge.actual ? 'declared' : 'declared, unused'}${label.edge.inCycle ? ', in a cycle' : ''}${label.edge.files > 0 ? ` — ${plural(label.edge.files, 'file')}` : ''}`;
    if (label.text) {
      const text = el('text', { x: label.x, y: label.y + 4, 'text-anchor': 'middle' }, group);
      text.textContent = label.text;
    }
  }
  for (const name of g.nodes()) {
    const n = g.node(name) as unknown as NodeLabel;
    const group = el('g', { class: `node${n.node.inCycle ? ' cycle' : ''}`, transform: `translate(${n.x - n.width / 2},${n.y - n.height / 2})`, tabindex: 0, role: 'button', 'data-domain': name, 'aria-label': `Domain ${name}: reveal it in the Domains view` }, svg);
    el('rect', { width: n.width, height: n.height, rx: 6 }, group);
    n.lines.forEach((line, i) => {
      const text = el('text', { x: NODE_PADDING_X, y: 8 + LINE_HEIGHT * (i + 1) - 4, class: line.cls }, group);
      text.textContent = line.text;
    });
    const title = el('title', {}, group);
    title.textContent = `${name} (${n.node.path}) — click to reveal it in the Domains view`;
    const reveal = () => vscode.postMessage({ type: 'reveal', domain: name, folderUri: current?.folderUri });
    group.addEventListener('click', reveal);
    group.addEventListener('keydown', (e) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        reveal();
      }
    });
  }
}
