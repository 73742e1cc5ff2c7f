// A plain require: the namespace import's getters cost a quarter of the walk's time on hot paths.
import ts = require('typescript');
import type { FactCollector } from '../checks/rule';

/** Where an imported local name comes from: `import { a as b } from './x'` → b: { specifier './x', name 'a' }. */
export interface ImportBinding {
  specifier: string;
  /** The exported name it refers to: a name, 'default', or '*' for a namespace (or a whole CommonJS module). */
  name: string;
  typeOnly: boolean;
}

/** What an exported name stands for: a local binding, or another module's export (a re-export). */
export type ExportBinding = { local: string } | { specifier: string; name: string };

/**
 * A file's module interface, read from its top-level statements only (cheap enough for every file):
 * the names it imports and exports, and its string constants (route prefixes are often constants).
 */
export interface ModuleBindings {
  imports: ReadonlyMap<string, ImportBinding>;
  exports: ReadonlyMap<string, ExportBinding>;
  /** Specifiers of `export * from '…'`. */
  starExports: readonly string[];
  /** Module-level `const NAME = 'text'` (and templates or concatenations of such constants). */
  constants: ReadonlyMap<string, string>;
  /** A barrel: the file passes other modules' exports on and has no code of its own (only imports, exports and types). */
  reexportsOnly: boolean;
}

function moduleSpecifierOf(node: ts.Expression | undefined): string | undefined {
  return node && ts.isStringLiteralLike(node) ? node.text : undefined;
}

/** `require('x')` → 'x'. */
function requireSpecifier(node: ts.Expression | undefined): string | undefined {
  if (node && ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1) {
    return moduleSpecifierOf(node.arguments[0]);
  }
  return undefined;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return (ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined)?.some((m) => m.kind === kind) ?? false;
}

/** `module.exports` / `exports` (CommonJS). */
function isModuleExports(node: ts.Expression): boolean {
  return (
    (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'module' && node.name.text === 'exports') ||
    (ts.isIdentifier(node) && node.text === 'exports')
  );
}

/** The string value of a constant expression, using the constants seen so far; undefined when it is not constant. */
export function constantString(node: ts.Expression, constants: ReadonlyMap<string, string>): string | undefined {
  if (ts.isStringLiteralLike(node)) return node.text;
  // `const VERSION = 2` reads as '2' in `/v${VERSION}`.
  if (ts.isNumericLiteral(node)) return String(Number(node.text));
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression(node)) return constantString(node.expression, constants);
  if (ts.isIdentifier(node)) return constants.get(node.text);
  if (ts.isTemplateExpression(node)) {
    let text = node.head.text;
    for (const span of node.templateSpans) {
      const value = constantString(span.expression, constants);
      if (value === undefined) return undefined;
      text += value + span.literal.text;
    }
    return text;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = constantString(node.left, constants);
    const right = left === undefined ? undefined : constantString(node.right, constants);
    return right === undefined ? undefined : left! + right;
  }
  return undefined;
}

export function collectModuleBindings(sf: ts.SourceFile): ModuleBindings {
  const imports = new Map<string, ImportBinding>();
  const exports = new Map<string, ExportBinding>();
  const starExports: string[] = [];
  const constants = new Map<string, string>();

  const exportLocal = (name: string, local = name) => exports.set(name, { local });

  let ownCode = false;
  for (const statement of sf.statements) {
    if (!ownCode && !passesOn(statement)) ownCode = true;
    if (ts.isImportDeclaration(statement)) {
      const specifier = moduleSpecifierOf(statement.moduleSpecifier);
      const clause = statement.importClause;
      if (!specifier || !clause) continue;
      if (clause.name) imports.set(clause.name.text, { specifier, name: 'default', typeOnly: clause.isTypeOnly });
      const bindings = clause.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) imports.set(bindings.name.text, { specifier, name: '*', typeOnly: clause.isTypeOnly });
      if (bindings && ts.isNamedImports(bindings)) {
        for (const el of bindings.elements) {
          imports.set(el.name.text, { specifier, name: (el.propertyName ?? el.name).text, typeOnly: clause.isTypeOnly || el.isTypeOnly });
        }
      }
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) {
      const specifier = moduleSpecifierOf(statement.moduleReference.expression);
      if (specifier) imports.set(statement.name.text, { specifier, name: '*', typeOnly: statement.isTypeOnly });
    } else if (ts.isExportDeclaration(statement)) {
      const specifier = moduleSpecifierOf(statement.moduleSpecifier);
      const clause = statement.exportClause;
      if (!clause) {
        if (specifier) starExports.push(specifier);
      } else if (ts.isNamespaceExport(clause)) {
        if (specifier) exports.set(clause.name.text, { specifier, name: '*' });
      } else {
        for (const el of clause.elements) {
          const from = (el.propertyName ?? el.name).text;
          exports.set(el.name.text, specifier ? { specifier, name: from } : { local: from });
        }
      }
    } else if (ts.isExportAssignment(statement)) {
      // `export default x` / `export = x`
      exports.set('default', { local: ts.isIdentifier(statement.expression) ? statement.expression.text : 'default' });
    } else if (ts.isVariableStatement(statement)) {
      const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
      const isConst = (statement.declarationList.flags & ts.NodeFlags.Const) !== 0;
      for (const decl of statement.declarationList.declarations) {
        const required = requireSpecifier(decl.initializer);
        if (ts.isIdentifier(decl.name)) {
          if (exported) exportLocal(decl.name.text);
          if (required) imports.set(decl.name.text, { specifier: required, name: '*', typeOnly: false });
          else if (isConst && decl.initializer) {
            const value = constantString(decl.initializer, constants);
            if (value !== undefined) constants.set(decl.name.text, value);
          }
        } else if (ts.isObjectBindingPattern(decl.name)) {
          for (const el of decl.name.elements) {
            if (!ts.isIdentifier(el.name)) continue;
            if (exported) exportLocal(el.name.text);
            const prop = el.propertyName && ts.isIdentifier(el.propertyName) ? el.propertyName.text : el.name.text;
            if (required) imports.set(el.name.text, { specifier: required, name: prop, typeOnly: false });
          }
        }
      }
    } else if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) &&
      hasModifier(statement, ts.SyntaxKind.ExportKeyword)
    ) {
      const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
      const name = statement.name?.text;
      if (isDefault) exports.set('default', { local: name ?? 'default' });
      else if (name) exportLocal(name);
    } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      // CommonJS: `module.exports = x`, `module.exports.name = x`, `exports.name = x`.
      const { left, right } = statement.expression;
      const local = ts.isIdentifier(right) ? right.text : undefined;
      if (isModuleExports(left)) {
        exports.set('default', { local: local ?? 'default' });
        if (ts.isObjectLiteralExpression(right)) {
          for (const p of right.properties) {
            if (ts.isShorthandPropertyAssignment(p)) exportLocal(p.name.text);
            else if (ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && ts.isIdentifier(p.initializer)) exportLocal(p.name.text, p.initializer.text);
          }
        }
      } else if (ts.isPropertyAccessExpression(left) && isModuleExports(left.expression) && local) {
        exportLocal(left.name.text, local);
      }
    }
  }
  return { imports, exports, starExports, constants, reexportsOnly: !ownCode && (imports.size > 0 || exports.size > 0 || starExports.length > 0) };
}

/** A statement a barrel may hold: an import, an export of a name, a type, a directive. */
function passesOn(statement: ts.Statement): boolean {
  return (
    ts.isImportDeclaration(statement) ||
    ts.isExportDeclaration(statement) ||
    (ts.isExportAssignment(statement) && ts.isIdentifier(statement.expression)) ||
    (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) ||
    ts.isInterfaceDeclaration(statement) ||
    ts.isTypeAliasDeclaration(statement) ||
    (ts.isExpressionStatement(statement) && ts.isStringLiteral(statement.expression)) ||
    ts.isEmptyStatement(statement)
  );
}

export const moduleBindings: FactCollector<ModuleBindings> = {
  id: 'module-bindings',
  readByOtherFiles: true,
  appliesTo: () => true,
  collect: collectModuleBindings,
};
