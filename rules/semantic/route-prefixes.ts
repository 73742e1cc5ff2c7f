import { type FactsContext, resolveLocal, usesOfBinding } from './export-resolution';
import { type MountedRef, type NestBootstrap, type PathExpr, type RouteFacts, type RouteScope, routeFacts } from './http-routes';
import { moduleBindings } from './module-bindings';

/** Mount chains deeper than this are not followed (and a cycle never is). */
const MAX_DEPTH = 10;
/** Enough different mount points to judge a route; more are almost always the same router mounted in a loop. */
const MAX_PREFIXES = 16;

/** `/api/` + `/v1` + `orders` → `/api/v1/orders`. */
export function joinPaths(...parts: string[]): string {
  const joined = parts
    .map((p) => p.trim())
    .filter((p) => p !== '' && p !== '/')
    .map((p) => p.replace(/^\/+|\/+$/g, ''))
    .filter(Boolean)
    .join('/');
  return `/${joined}`.replace(/\/{2,}/g, '/');
}

/** The text of a path written in `file`, with imported constants resolved; undefined when some part cannot be known. */
export function resolvePath(ctx: FactsContext, file: string, path: PathExpr): string | undefined {
  let text = '';
  for (const part of path) {
    if (typeof part === 'string') {
      text += part;
      continue;
    }
    const bindings = ctx.facts(moduleBindings, file);
    const declared = bindings ? resolveLocal(ctx, file, bindings, part.ref) : undefined;
    const value = declared ? ctx.facts(moduleBindings, declared.file)?.constants.get(declared.local) : undefined;
    if (value === undefined) return undefined;
    text += value;
  }
  return text;
}

/** Whether a mount's child is the given scope of the same file. */
function mountsLocally(facts: RouteFacts, child: MountedRef, scope: RouteScope): boolean {
  if ('scope' in child) return child.scope === scope.id;
  if (child.inner && mountsLocally(facts, child.inner, scope)) return true;
  if (child.call) return facts.returns.get(child.binding)?.includes(scope.id) ?? false;
  return (scope.fn === child.binding && scope.index === 0) || (scope.moduleLevel && scope.name === child.binding);
}

/** Whether a mount in an importer mounts the binding it imports as `local` (called when `call`). */
function mountsBinding(child: MountedRef, local: string, call: boolean): boolean {
  if ('scope' in child) return false;
  if (child.binding === local && child.call === call) return true;
  return child.inner !== undefined && mountsBinding(child.inner, local, call);
}

/**
 * Every prefix under which the routes of a scope are served: the mounts of the scope in its own
 * file and in the files that import it (through re-exports), recursively up to the app; the
 * scope's own prefixes last. `undefined` stands for a prefix that cannot be known statically.
 */
export function prefixesOf(ctx: FactsContext, file: string, scopeId: number, depth = 0, visiting = new Set<string>()): (string | undefined)[] {
  const key = `${file}#${scopeId}`;
  if (depth > MAX_DEPTH || visiting.has(key)) return [undefined];
  const facts = ctx.facts(routeFacts, file);
  const scope = facts?.scopes[scopeId];
  if (!facts || !scope) return [undefined];
  visiting.add(key);
  try {
    const own = scope.prefixes.map((p) => resolvePath(ctx, file, p));
    const ownText = own.some((p) => p === undefined) ? undefined : joinPaths(...(own as string[]));
    const parents: (string | undefined)[] = [];
    const under = (prefixes: (string | undefined)[], mountPrefix: string | undefined) => {
      for (const p of prefixes) parents.push(p === undefined || mountPrefix === undefined ? undefined : joinPaths(p, mountPrefix));
    };
    const mountPrefixOf = (mountFile: string, prefix: PathExpr | undefined) => (prefix ? resolvePath(ctx, mountFile, prefix) : '');

    // Mounted in its own file.
    for (const mount of facts.mounts) {
      if (mountsLocally(facts, mount.child, scope)) under(prefixesOf(ctx, file, mount.parent, depth + 1, visiting), mountPrefixOf(file, mount.prefix));
    }
    if (scope.fn !== undefined) {
      for (const pass of facts.passes) if (pass.fn === scope.fn && pass.index === scope.index) under(prefixesOf(ctx, file, pass.scope, depth + 1, visiting), '');
    }
    const returnedBy = [...facts.returns].filter(([, ids]) => ids.includes(scope.id)).map(([fn]) => fn);
    for (const fn of returnedBy) {
      for (const alias of facts.scopes) if (alias.callOf === fn) under(prefixesOf(ctx, file, alias.id, depth + 1, visiting), '');
    }

    // Mounted from the files that import it.
    const crossFile = (binding: string, how: 'value' | 'plugin' | 'factory') => {
      for (const use of usesOfBinding(ctx, file, binding)) {
        if (use.member !== undefined) continue;
        const importer = ctx.facts(routeFacts, use.file);
        if (!importer) continue;
        for (const mount of importer.mounts) {
          const mounted = how === 'factory' ? mountsBinding(mount.child, use.local, true) : mountsBinding(mount.child, use.local, false) && (how === 'value' || scope.index === 0);
          if (mounted) under(prefixesOf(ctx, use.file, mount.parent, depth + 1, visiting), mountPrefixOf(use.file, mount.prefix));
        }
        if (how === 'plugin') {
          for (const pass of importer.passes) if (pass.fn === use.local && pass.index === scope.index) under(prefixesOf(ctx, use.file, pass.scope, depth + 1, visiting), '');
        }
        if (how === 'factory') {
          for (const alias of importer.scopes) if (alias.callOf === use.local) under(prefixesOf(ctx, use.file, alias.id, depth + 1, visiting), '');
        }
      }
    };
    if (scope.moduleLevel && scope.name) crossFile(scope.name, 'value');
    if (scope.fn !== undefined) crossFile(scope.fn, 'plugin');
    for (const fn of returnedBy) crossFile(fn, 'factory');

    const result = parents.length > 0 ? parents : [''];
    return [...new Set(result.slice(0, MAX_PREFIXES).map((p) => (p === undefined || ownText === undefined ? undefined : joinPaths(p, ownText))))];
  } finally {
    visiting.delete(key);
  }
}

/** The NestJS bootstrap (global prefix, default version) of the app a controller belongs to: found up the importers. */
export function nestBootstrapOf(ctx: FactsContext, file: string): { file: string; bootstrap: NestBootstrap } | undefined {
  const seen = new Set([file]);
  let frontier = [file];
  for (let depth = 0; depth < MAX_DEPTH && frontier.length > 0; depth++) {
    const next: string[] = [];
    for (const f of frontier) {
      const bootstrap = ctx.facts(routeFacts, f)?.bootstrap;
      if (bootstrap) return { file: f, bootstrap };
      for (const importer of ctx.graph.importersOf(f)) {
        if (!seen.has(importer)) {
          seen.add(importer);
          next.push(importer);
        }
      }
    }
    frontier = next.sort();
  }
  return undefined;
}
