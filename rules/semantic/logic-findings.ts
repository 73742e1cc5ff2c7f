import type { FileRuleContext } from '../checks/rule';
import type { DomainSpec } from '../config/config';
import type { GraphView } from '../graph/import-graph';
import type { WorkspaceModel } from '../workspace/workspace-model';
import { isInsideDir } from '../host';
import { type FunctionLogic, type LogicSignal, SIGNAL_WEIGHTS, type SignalKind, logicFacts } from './logic-signals';

/** The score at which a function is reported, unless the rule's `minScore` option says otherwise. */
export const DEFAULT_MIN_SCORE = 3;

/** Sum of the signals' weights, each kind capped so that one repeated habit cannot decide alone. */
export function scoreOf(signals: readonly LogicSignal[]): number {
  const byKind = new Map<SignalKind, number>();
  for (const s of signals) byKind.set(s.kind, (byKind.get(s.kind) ?? 0) + s.weight);
  // Branches on a state that compute nothing (no rate, threshold, amount, cap, decision) are dispatch:
  // they can add up to DISPATCH_CAP, never enough alone for the default threshold.
  const computes = signals.some((s) => s.kind !== 'branch' || s.weight > SIGNAL_WEIGHTS.branch.weight);
  let score = 0;
  for (const [kind, sum] of byKind) score += Math.min(sum, kind === 'branch' && !computes ? DISPATCH_CAP : SIGNAL_WEIGHTS[kind].cap);
  return Math.round(score * 10) / 10;
}

const DISPATCH_CAP = 2;

/** The strongest evidence first, one of each kind, for the message. */
function strongest(signals: readonly LogicSignal[], count: number): LogicSignal[] {
  const seen = new Set<SignalKind>();
  const result: LogicSignal[] = [];
  for (const s of [...signals].sort((a, b) => b.weight - a.weight || a.line - b.line)) {
    if (seen.has(s.kind)) continue;
    seen.add(s.kind);
    result.push(s);
    if (result.length === count) break;
  }
  return result;
}

const coreFolders = new WeakMap<GraphView, { size: number; byDomain: Map<string, string> }>();

/**
 * Where the logic belongs: the folder of the domain's core layer — the one this file already imports
 * from, else the one the domain has, else the first folder the core layer's globs name.
 */
export function coreFolderOf(ctx: Pick<FileRuleContext, 'imports' | 'graph' | 'model' | 'config'>, domain: DomainSpec): string {
  const folderOf = (relative: string) => relative.split('/')[0];
  for (const imp of ctx.imports) {
    if (imp.target.kind !== 'file') continue;
    const m = ctx.model.membership(imp.target.file);
    if (m.domain?.name === domain.name && m.layer === 'core' && m.relative.includes('/')) return `${domain.path}/${folderOf(m.relative)}`;
  }
  const graphFiles = [...ctx.graph.files()];
  let cache = coreFolders.get(ctx.graph);
  if (!cache || cache.size !== graphFiles.length) coreFolders.set(ctx.graph, (cache = { size: graphFiles.length, byDomain: new Map() }));
  const cached = cache.byDomain.get(domain.name);
  if (cached) return cached;
  const folder = existingCoreFolder(ctx.model, graphFiles, domain) ?? staticCoreFolder(ctx.config.layers.find((l) => l.name === 'core')?.globs ?? []) ?? 'core';
  const result = `${domain.path}/${folder}`;
  cache.byDomain.set(domain.name, result);
  return result;
}

function existingCoreFolder(model: WorkspaceModel, files: readonly string[], domain: DomainSpec): string | undefined {
  const counts = new Map<string, number>();
  for (const file of files) {
    if (!isInsideDir(file, domain.dir)) continue;
    const m = model.membership(file);
    if (m.layer === 'core' && m.relative.includes('/')) {
      const folder = m.relative.split('/')[0];
      counts.set(folder, (counts.get(folder) ?? 0) + 1);
    }
  }
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
}

function staticCoreFolder(globs: readonly string[]): string | undefined {
  for (const glob of globs) {
    const first = glob.split('/')[0];
    if (first && !/[*?{[]/.test(first)) return first;
  }
  return undefined;
}

/** The options users give the rule: `["warning", { "minScore": 4 }]`. */
export function minScoreOf(options: Record<string, unknown>): number {
  const value = options.minScore;
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : DEFAULT_MIN_SCORE;
}

/** Reports each function of a UI or integration file whose evidence reaches the threshold. */
export function reportLogic(ctx: FileRuleContext, layer: 'ui' | 'integration', where: string): void {
  const { domain } = ctx.membership;
  if (!domain || ctx.membership.layer !== layer) return;
  const facts = ctx.facts(logicFacts);
  if (!facts) return;
  const minScore = minScoreOf(ctx.options);
  let target: string | undefined;
  for (const fn of facts.functions) {
    const score = scoreOf(fn.signals);
    if (score < minScore) continue;
    target ??= coreFolderOf(ctx, domain);
    ctx.report({
      range: fn.range,
      message: messageFor(fn, score, minScore, where, target),
      domains: { from: domain.name, to: domain.name },
      layers: { from: layer, to: 'core' },
      data: {
        function: fn.name,
        score,
        minScore,
        signals: fn.signals.map((s) => ({ kind: s.kind, weight: s.weight, detail: s.detail, line: s.line })),
        targetFolder: target,
      },
    });
  }
}

function messageFor(fn: FunctionLogic, score: number, minScore: number, where: string, target: string): string {
  const evidence = strongest(fn.signals, 2).map((s) => s.detail);
  const more = fn.signals.length - evidence.length;
  return `"${fn.name}" makes business decisions in ${where}: it ${evidence.join(' and ')}${more > 0 ? ` (+${more} more)` : ''} — score ${score}, threshold ${minScore}; move it to ${target}.`;
}
