import type { FactCollector } from '../checks/rule';
import type { GraphView, ResolvedImport } from '../graph/import-graph';
import { type ModuleBindings, moduleBindings } from './module-bindings';

/** What the cross-file analyses need from a rule context: the import graph and other files' facts. */
export interface FactsContext {
  graph: GraphView;
  facts<T>(collector: FactCollector<T>, file?: string): T | undefined;
}

/** Re-export chains longer than this are generated barrels gone wrong; stop following them. */
const MAX_DEPTH = 12;

/** The workspace file a specifier written in `file` resolves to (the import graph already knows). */
export function resolveSpecifier(ctx: FactsContext, file: string, specifier: string): string | undefined {
  for (const imp of ctx.graph.importsOf(file)) {
    if (imp.specifier === specifier && imp.target.kind === 'file') return imp.target.file;
  }
  return undefined;
}

/** Whether any of these imports takes one of `names` (or the whole namespace, or everything) from `from`. */
function importsAnyOf(imports: readonly ResolvedImport[], from: string, names: ReadonlySet<string>): boolean {
  return imports.some((i) => i.target.kind === 'file' && i.target.file === from && i.names.some((n) => n === '*' || names.has(n)));
}

/** A module-level binding of a workspace file: where an exported name is finally declared. */
export interface DeclaredBinding {
  file: string;
  /** The local name in `file`; '*' for the module namespace itself. */
  local: string;
}

/**
 * Follows an exported name through re-exports (`export { x } from`, `export *`, import-then-export)
 * to the file and local name that declare it.
 */
export function resolveExport(ctx: FactsContext, file: string, name: string, depth = 0): DeclaredBinding | undefined {
  if (depth > MAX_DEPTH) return undefined;
  if (name === '*') return { file, local: '*' };
  const bindings = ctx.facts(moduleBindings, file);
  if (!bindings) return undefined;
  const binding = bindings.exports.get(name);
  if (binding) {
    if ('specifier' in binding) {
      const target = resolveSpecifier(ctx, file, binding.specifier);
      return target ? resolveExport(ctx, target, binding.name, depth + 1) : undefined;
    }
    return resolveLocal(ctx, file, bindings, binding.local, depth);
  }
  for (const specifier of bindings.starExports) {
    if (name === 'default') break;
    const target = resolveSpecifier(ctx, file, specifier);
    const found = target ? resolveExport(ctx, target, name, depth + 1) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** A local name of `file`: declared there, or imported (then followed to its declaration). */
export function resolveLocal(ctx: FactsContext, file: string, bindings: ModuleBindings, local: string, depth = 0): DeclaredBinding | undefined {
  const imported = bindings.imports.get(local);
  if (!imported) return { file, local };
  const target = resolveSpecifier(ctx, file, imported.specifier);
  return target ? resolveExport(ctx, target, imported.name, depth + 1) : undefined;
}

/** One place a module-level binding is reachable from another file. */
export interface BindingUse {
  /** The importing file. */
  file: string;
  /** The local name the binding has there. */
  local: string;
  /** Set when the binding is reached as a member of a namespace import (`ns.member`). */
  member?: string;
}

/**
 * Every file that imports a module-level binding of `file` (by any exported name, through any chain
 * of re-exports) and the local name it has there. Reads the facts of each importer on the way, so a
 * rule using it is re-checked when one of them changes.
 */
export function usesOfBinding(ctx: FactsContext, file: string, local: string): BindingUse[] {
  const uses: BindingUse[] = [];
  const seen = new Set<string>();
  const visit = (from: string, exportedNames: Set<string>, depth: number) => {
    if (depth > MAX_DEPTH || exportedNames.size === 0) return;
    for (const importer of ctx.graph.importersOf(from, exportedNames)) {
      // Most importers of a barrel import other names from it: their import list says so without their bindings.
      if (!importsAnyOf(ctx.graph.importsOf(importer, exportedNames), from, exportedNames)) continue;
      const bindings = ctx.facts(moduleBindings, importer);
      if (!bindings) continue;
      const reexported = new Set<string>();
      const viaLocal = new Map<string, string>();
      for (const [localName, imp] of bindings.imports) {
        if (imp.typeOnly || resolveSpecifier(ctx, importer, imp.specifier) !== from) continue;
        if (imp.name === '*') {
          for (const name of exportedNames) {
            const key = `${importer}\0${localName}\0${name}`;
            if (!seen.has(key)) {
              seen.add(key);
              uses.push(name === 'default' ? { file: importer, local: localName } : { file: importer, local: localName, member: name });
            }
          }
        } else if (exportedNames.has(imp.name)) {
          const key = `${importer}\0${localName}`;
          if (!seen.has(key)) {
            seen.add(key);
            uses.push({ file: importer, local: localName });
          }
          viaLocal.set(localName, imp.name);
        }
      }
      for (const [exported, binding] of bindings.exports) {
        if ('specifier' in binding) {
          if (exportedNames.has(binding.name) && resolveSpecifier(ctx, importer, binding.specifier) === from) reexported.add(exported);
        } else if (viaLocal.has(binding.local)) {
          reexported.add(exported);
        }
      }
      for (const specifier of bindings.starExports) {
        if (resolveSpecifier(ctx, importer, specifier) !== from) continue;
        for (const name of exportedNames) if (name !== 'default') reexported.add(name);
      }
      const key = `${importer}\0re-export`;
      const fresh = [...reexported].filter((n) => !seen.has(`${key}\0${n}`));
      fresh.forEach((n) => seen.add(`${key}\0${n}`));
      visit(importer, new Set(fresh), depth + 1);
    }
  };
  visit(file, exportedNamesOf(ctx.facts(moduleBindings, file), local), 0);
  return uses;
}

/** The names under which `file` exports its local binding `local`. */
export function exportedNamesOf(bindings: ModuleBindings | undefined, local: string): Set<string> {
  const names = new Set<string>();
  for (const [exported, binding] of bindings?.exports ?? []) {
    if ('local' in binding && binding.local === local) names.add(exported);
  }
  return names;
}
