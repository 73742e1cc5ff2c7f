import ts = require('typescript');

/** Every identifier referring to `local` outside imports and re-exports: a property name or key of that spelling is not one. */
export function referencesOf(sf: ts.SourceFile, local: string): { node: ts.Identifier; parent: ts.Node }[] {
  const found: { node: ts.Identifier; parent: ts.Node }[] = [];
  const visit = (node: ts.Node, parent: ts.Node) => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    if (ts.isIdentifier(node) && node.text === local) {
      const isMemberName = (ts.isPropertyAccessExpression(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent) || ts.isPropertySignature(parent)) && parent.name === node;
      if (!isMemberName) found.push({ node, parent });
    }
    ts.forEachChild(node, (child) => visit(child, node));
  };
  visit(sf, sf);
  return found;
}
