import { packageNameOf } from '../config/config';
import type { Range } from '../model';
import type { WorkspaceModel } from '../workspace/workspace-model';
import { type DeclaredBinding, type FactsContext, resolveExport, resolveLocal, resolveSpecifier, usesOfBinding } from './export-resolution';
import { moduleBindings } from './module-bindings';
import { ARRAY_MUTATORS, COLLECTION_MUTATORS, type ModuleState, type MutationSite, classMutators, mutationSites, stateFacts } from './mutable-state';

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
  /** Made by a function of the owning module (its setter): the way to change another domain's state, already. */
  throughOwner: boolean;
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
export function classifySite(ctx: FactsContext, owner: DeclaredBinding, site: MutationSite): Omit<StateMutation, 'file' | 'range'>[] {
  if (site.kind === 'call') {
    return reassignedBy(ctx, owner).map((state) => ({ state, owner: { file: owner.file, local: state.local }, operation: `calls ${owner.local}(), which reassigns it`, throughOwner: true }));
  }
  const state = mutableExport(ctx, owner);
  if (!state) return [];
  const hit = (operation: string) => [{ state, owner, operation, throughOwner: false }];
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
              ? (mutatingMethodsOf(ctx, owner, state)?.has(method) ?? (holdsStateInMemory(ctx, owner, state) && mutatesByName(method)))
              : holdsStateInMemory(ctx, owner, state) && mutatesByName(method);
      return changes ? hit(`${method}()`) : [];
    }
  }
  return [];
}

/** A method named like one that changes an array, a Map or a Set (`delete` is also an HTTP client's verb). */
function mutatesByName(method: string): boolean {
  return ARRAY_MUTATORS.has(method) || (COLLECTION_MUTATORS.has(method) && method !== 'delete');
}

/** Built-in classes whose instances are containers in memory (Map, Set and arrays are told apart already). */
const IN_MEMORY_CLASSES = new Set(['URLSearchParams', 'Headers', 'FormData', 'Int8Array', 'Uint8Array', 'Uint8ClampedArray', 'Int16Array', 'Uint16Array', 'Int32Array', 'Uint32Array', 'Float32Array', 'Float64Array', 'BigInt64Array', 'BigUint64Array']);
/** Packages whose instances are caches in the process's memory. */
const IN_PROCESS_CACHE_PACKAGES = new Set(['lru-cache', 'quick-lru', 'tiny-lru', 'node-cache', 'mnemonist']);

/**
 * Whether a value made outside the workspace's classes keeps its state in memory, so that `push`,
 * `set` or `add` change it: a built-in container, an in-process cache, what a function of the
 * workspace returns. A client of a database, a service or an HTTP API (`redis.set(k, v)`) writes elsewhere.
 */
function holdsStateInMemory(ctx: FactsContext, owner: DeclaredBinding, state: ModuleState): boolean {
  if (!state.madeBy) return true;
  const imported = ctx.facts(moduleBindings, owner.file)?.imports.get(state.madeBy);
  if (imported) return resolveSpecifier(ctx, owner.file, imported.specifier) !== undefined || IN_PROCESS_CACHE_PACKAGES.has(packageNameOf(imported.specifier));
  return state.value !== 'instance' || IN_MEMORY_CLASSES.has(state.madeBy);
}

/** The exported let/var of the owner's module that the owner (a function of it) reassigns. */
function reassignedBy(ctx: FactsContext, owner: DeclaredBinding): ModuleState[] {
  const facts = ctx.facts(stateFacts, owner.file);
  if (!facts || facts.state.size === 0) return [];
  const exported = exportedLocals(ctx, owner.file);
  return [...facts.state.values()].filter((s) => s.reassignedBy.includes(owner.local) && exported.has(s.local));
}

/** The owner itself as exported state that can be changed in place (not read-only, not a primitive). */
function mutableExport(ctx: FactsContext, owner: DeclaredBinding): ModuleState | undefined {
  const state = ctx.facts(stateFacts, owner.file)?.state.get(owner.local);
  return state && !state.readonly && state.value !== 'primitive' && exportedLocals(ctx, owner.file).has(state.local) ? state : undefined;
}

function exportedLocals(ctx: FactsContext, file: string): Set<string> {
  const locals = new Set<string>();
  for (const binding of ctx.facts(moduleBindings, file)?.exports.values() ?? []) if ('local' in binding) locals.add(binding.local);
  return locals;
}

/** Whether some site could change state through this binding: what classifySite would find a change of. */
function mayChangeState(ctx: FactsContext, owner: DeclaredBinding): boolean {
  return mutableExport(ctx, owner) !== undefined || reassignedBy(ctx, owner).length > 0;
}

/**
 * The changes this file makes to state other modules own, those in files `owners` accepts (all
 * by default). Its mutation sites are read (parsed for, the first time) only when one of its
 * imports leads to such state.
 */
export function mutationsFrom(ctx: SharingContext, file: string, owners: (file: string) => boolean = () => true): StateMutation[] {
  const bindings = ctx.facts(moduleBindings, file);
  if (!bindings) return [];
  const ownerOf = (specifier: string, name: string): DeclaredBinding | undefined => {
    const target = resolveSpecifier(ctx, file, specifier);
    const owner = target ? resolveExport(ctx, target, name) : undefined;
    return owner && owner.local !== '*' && owners(owner.file) ? owner : undefined;
  };
  const leadsToState = [...bindings.imports.values()].some((imported) => {
    if (imported.typeOnly) return false;
    const names = imported.name === '*' ? namespaceExports(ctx, file, imported.specifier) : [imported.name];
    // A namespace of a module with `export *` can reach names it does not list: look at its sites.
    if (names === 'unlisted') return true;
    return names.some((name) => {
      const owner = ownerOf(imported.specifier, name);
      return owner !== undefined && mayChangeState(ctx, owner);
    });
  });
  if (!leadsToState) return [];
  const result: StateMutation[] = [];
  for (const site of ctx.facts(mutationSites, file) ?? []) {
    const imported = bindings.imports.get(site.local);
    if (!imported || imported.typeOnly) continue;
    const owner = ownerOf(imported.specifier, imported.name === '*' ? (site.member ?? 'default') : imported.name);
    if (!owner) continue;
    for (const hit of classifySite(ctx, owner, site)) result.push({ ...hit, file, range: site.range });
  }
  return result;
}

/** The names a namespace import of `specifier` in `file` reaches, or 'unlisted' when `export *` brings more. */
function namespaceExports(ctx: FactsContext, file: string, specifier: string): string[] | 'unlisted' {
  const target = resolveSpecifier(ctx, file, specifier);
  const bindings = target ? ctx.facts(moduleBindings, target) : undefined;
  if (!bindings) return [];
  return bindings.starExports.length > 0 ? 'unlisted' : [...bindings.exports.keys()];
}

/**
 * Every change made from other files to a state this file exports, found through the importers
 * (and re-exports), in the files `users` accepts (all by default): only those files' mutation sites are read.
 */
export function mutationsOf(ctx: SharingContext, file: string, state: ModuleState, users: (file: string) => boolean = () => true): StateMutation[] {
  const result: StateMutation[] = [];
  const owner: DeclaredBinding = { file, local: state.local };
  const gather = (local: string, kind: 'state' | 'reassigner') => {
    for (const use of usesOfBinding(ctx, file, local)) {
      if (!users(use.file)) continue;
      for (const site of ctx.facts(mutationSites, use.file) ?? []) {
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
