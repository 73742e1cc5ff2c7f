import type { Range } from '../model';
import type { WorkspaceModel } from '../workspace/workspace-model';
import { type DeclaredBinding, type FactsContext, resolveExport, resolveLocal, resolveSpecifier, usesOfBinding } from './export-resolution';
import { moduleBindings } from './module-bindings';
import { ARRAY_MUTATORS, COLLECTION_MUTATORS, type ModuleState, type MutationSite, classMutators, stateFacts } from './mutable-state';

/** A change of another module's state, as the rule reports it. */
export interface StateMutation {
  /** The declaring file and the state's local name there. */
  owner: DeclaredBinding;
  state: ModuleState;
  /** The file and range of the change. */
  file: string;
  range: Range;
  /** What the change is, for messages: "push", "property assignment", "calls setActiveCurrency()". */
  operation: string;
}

export interface SharingContext extends FactsContext {
  model: WorkspaceModel;
}

const DESCRIPTIONS: Record<ModuleState['value'], string> = {
  array: 'array',
  object: 'object',
  map: 'Map',
  set: 'Set',
  instance: 'instance',
  primitive: 'variable',
  unknown: 'value',
};

export function describeState(state: ModuleState): string {
  return state.declaration !== 'const' && state.value === 'primitive' ? `exported ${state.declaration}` : `mutable ${DESCRIPTIONS[state.value]}`;
}

/** The methods that change an instance of the class a state was constructed from, when the class is in the workspace. */
function mutatingMethodsOf(ctx: FactsContext, owner: DeclaredBinding, state: ModuleState): ReadonlySet<string> | undefined {
  if (!state.className) return undefined;
  const bindings = ctx.facts(moduleBindings, owner.file);
  const declared = bindings ? resolveLocal(ctx, owner.file, bindings, state.className) : undefined;
  if (!declared) return undefined;
  const methods = ctx.facts(classMutators, declared.file)?.get(declared.local);
  return methods ? new Set(methods) : undefined;
}

/**
 * Whether a use of an imported binding changes module state, and which: a write through the
 * binding, a mutating method, or a call of the owning module's function that reassigns an exported `let`.
 */
export function classifySite(ctx: FactsContext, owner: DeclaredBinding, site: MutationSite): { state: ModuleState; owner: DeclaredBinding; operation: string }[] {
  const facts = ctx.facts(stateFacts, owner.file);
  const exportedNames = exportedLocals(ctx, owner.file);
  if (!facts) return [];
  if (site.kind === 'call') {
    // A function of the owning module that reassigns one of its exported let/var.
    return [...facts.state.values()]
      .filter((s) => s.reassignedBy.includes(owner.local) && exportedNames.has(s.local))
      .map((state) => ({ state, owner: { file: owner.file, local: state.local }, operation: `calls ${owner.local}(), which reassigns it` }));
  }
  const state = facts.state.get(owner.local);
  if (!state || state.readonly || state.value === 'primitive' || !exportedNames.has(state.local)) return [];
  const hit = (operation: string) => [{ state, owner, operation }];
  const nested = site.path.length > 0;
  switch (site.kind) {
    case 'assign':
      return hit(nested ? `assigns ${site.path.join('.').replace(/\[\]/g, '[key]')}` : 'Object.assign()');
    case 'update':
      return hit(`increments ${site.path.join('.')}`);
    case 'delete':
      return hit(`deletes ${site.path.join('.')}`);
    case 'method': {
      const method = site.method ?? '';
      if (nested) return ARRAY_MUTATORS.has(method) || COLLECTION_MUTATORS.has(method) ? hit(`${site.path.join('.')}.${method}()`) : [];
      const changes =
        state.value === 'array'
          ? ARRAY_MUTATORS.has(method)
          : state.value === 'map' || state.value === 'set'
            ? COLLECTION_MUTATORS.has(method)
            : state.value === 'instance'
              ? (mutatingMethodsOf(ctx, owner, state)?.has(method) ?? (ARRAY_MUTATORS.has(method) || (COLLECTION_MUTATORS.has(method) && method !== 'delete')))
              : ARRAY_MUTATORS.has(method) || (COLLECTION_MUTATORS.has(method) && method !== 'delete');
      return changes ? hit(`${method}()`) : [];
    }
  }
  return [];
}

function exportedLocals(ctx: FactsContext, file: string): Set<string> {
  const locals = new Set<string>();
  for (const binding of ctx.facts(moduleBindings, file)?.exports.values() ?? []) if ('local' in binding) locals.add(binding.local);
  return locals;
}

/** The changes this file makes to state other modules own (any domain; the rule filters). */
export function mutationsFrom(ctx: SharingContext, file: string): StateMutation[] {
  const facts = ctx.facts(stateFacts, file);
  const bindings = ctx.facts(moduleBindings, file);
  if (!facts || !bindings) return [];
  const result: StateMutation[] = [];
  for (const site of facts.sites) {
    const imported = bindings.imports.get(site.local);
    if (!imported || imported.typeOnly) continue;
    const target = resolveSpecifier(ctx, file, imported.specifier);
    if (!target) continue;
    const name = imported.name === '*' ? (site.member ?? 'default') : imported.name;
    const owner = resolveExport(ctx, target, name);
    if (!owner || owner.local === '*') continue;
    for (const hit of classifySite(ctx, owner, site)) result.push({ ...hit, file, range: site.range });
  }
  return result;
}

/** Every change made from other files to a state this file exports, found through the importers (and re-exports). */
export function mutationsOf(ctx: SharingContext, file: string, state: ModuleState): StateMutation[] {
  const result: StateMutation[] = [];
  const owner: DeclaredBinding = { file, local: state.local };
  const gather = (local: string, kind: 'state' | 'reassigner') => {
    for (const use of usesOfBinding(ctx, file, local)) {
      const sites = ctx.facts(stateFacts, use.file)?.sites ?? [];
      for (const site of sites) {
        if (site.local !== use.local || site.member !== use.member) continue;
        if (kind === 'reassigner' && site.kind !== 'call') continue;
        for (const hit of classifySite(ctx, { file, local }, site)) {
          if (hit.owner.local === owner.local) result.push({ ...hit, file: use.file, range: site.range });
        }
      }
    }
  };
  gather(state.local, 'state');
  for (const fn of new Set(state.reassignedBy)) gather(fn, 'reassigner');
  return result;
}
