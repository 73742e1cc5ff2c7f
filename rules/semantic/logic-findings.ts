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

/** Folder names that say "the domain's logic", most telling first. */
const CONVENTIONAL_CORE_FOLDERS = ['domain', 'core', 'services', 'model', 'models'];

/**
 * Where the logic belongs: a core folder of the domain — the one this file already imports from,
 * else the first the core globs name that the domain has, else the first conventional one it has,
 * else the first the core globs name.
 * A core folder is one named so by convention or by the core globs: a folder that is core only because
 * no glob matches it (`src/input/ArrayInput`) is no place to send logic to.
 */
export function coreFolderOf(ctx: Pick<FileRuleContext, 'imports' | 'graph' | 'model' | 'config'>, domain: DomainSpec): string {
  const named = staticCoreFolders(ctx.config.layers.find((l) => l.name === 'core')?.globs ?? []);
  const isCoreFolder = (folder: string) => CONVENTIONAL_CORE_FOLDERS.includes(folder) || named.includes(folder);
  for (const imp of ctx.imports) {
    if (imp.target.kind !== 'file') continue;
    const m = ctx.model.membership(imp.target.file);
    const folder = topFolder(m.relative);
    if (m.domain?.name === domain.name && m.layer === 'core' && folder && isCoreFolder(folder)) return `${domain.path}/${folder}`;
  }
  const graphFiles = [...ctx.graph.files()];
  let cache = coreFolders.get(ctx.graph);
  if (!cache || cache.size !== graphFiles.length) coreFolders.set(ctx.graph, (cache = { size: graphFiles.length, byDomain: new Map() }));
  const cached = cache.byDomain.get(domain.name);
  if (cached) return cached;
  const existing = existingCoreFolders(ctx.model, graphFiles, domain);
  const folder = named.find((f) => existing.has(f)) ?? CONVENTIONAL_CORE_FOLDERS.find((f) => existing.has(f)) ?? named[0] ?? 'core';
  const result = `${domain.path}/${folder}`;
  cache.byDomain.set(domain.name, result);
  return result;
}

/** The first folder of a domain-relative path; undefined for a file at the domain's root. */
function topFolder(relative: string): string | undefined {
  return relative.includes('/') ? relative.split('/')[0] : undefined;
}

/** The domain's top-level folders that hold core-layer files. */
function existingCoreFolders(model: WorkspaceModel, files: readonly string[], domain: DomainSpec): Set<string> {
  const folders = new Set<string>();
  for (const file of files) {
    if (!isInsideDir(file, domain.dir)) continue;
    const m = model.membership(file);
    const folder = topFolder(m.relative);
    if (m.layer === 'core' && folder) folders.add(folder);
  }
  return folders;
}

/** The folders the core globs name outright (`domain/**` → domain), in their order. */
function staticCoreFolders(globs: readonly string[]): string[] {
  return globs.map((glob) => glob.split('/')[0]).filter((first) => first && !/[*?{[!(]/.test(first));
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
