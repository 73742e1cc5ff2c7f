// A plain require: the namespace import's getters cost a quarter of the walk's time on hot paths.
import ts = require('typescript');
import type { FactCollector } from '../checks/rule';
import { collectModuleBindings } from './module-bindings';

/**
 * The specifiers of the plain imports (not `import type`) whose names a file uses only to declare
 * types, in type aliases and interfaces (`import { Types } from 'mongoose'; export type Id =
 * Types.ObjectId`). TypeScript erases such an import, and the file describes data without holding
 * the module's objects. A parameter typed with a client (`pool: Pool`) is not such a use: the file
 * works with the client, whether or not it loads it.
 */
export type TypeOnlyUses = string[];

export function collectTypeOnlyUses(sf: ts.SourceFile): TypeOnlyUses {
  // Names a side-effect import binds none of, and an `import type` is erased already. A `require()` or
  // `import x = require()` names itself where it is declared: a use outside any type, so never passed.
  const specifierOf = new Map<string, string>();
  for (const [local, binding] of collectModuleBindings(sf).imports) if (!binding.typeOnly) specifierOf.set(local, binding.specifier);
  if (specifierOf.size === 0) return [];
  const usedElsewhere = new Set<string>();
  const usedAtAll = new Set<string>();
  const visit = (node: ts.Node, inDeclaredType: boolean): void => {
    if (ts.isImportDeclaration(node)) return;
    if (ts.isIdentifier(node)) {
      const specifier = specifierOf.get(node.text);
      if (specifier === undefined) return;
      usedAtAll.add(specifier);
      if (!inDeclaredType) usedElsewhere.add(specifier);
      return;
    }
    const declaresType = inDeclaredType || ts.isTypeAliasDeclaration(node) || ts.isInterfaceDeclaration(node);
    ts.forEachChild(node, (child) => visit(child, declaresType));
  };
  visit(sf, false);
  return [...usedAtAll].filter((s) => !usedElsewhere.has(s)).sort();
}

export const typeOnlyUses: FactCollector<TypeOnlyUses> = {
  id: 'type-only-uses',
  readByOtherFiles: false,
  // Asked for only where a database client is imported outside the data layer: computed then, on demand.
  appliesTo: () => false,
  collect: collectTypeOnlyUses,
};
