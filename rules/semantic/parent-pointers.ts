// A plain require: the namespace import's getters cost a quarter of the walk's time on hot paths.
import ts = require('typescript');

/**
 * The engine parses without parent pointers (import extraction does not need them). Collectors that
 * climb from an expression to where its value goes set them once, on the files they walk.
 */
export function withParents(sf: ts.SourceFile): ts.SourceFile {
  const first = sf.statements[0];
  if (!first || first.parent) return sf;
  const visit = (node: ts.Node, parent: ts.Node) => {
    (node as { parent: ts.Node }).parent = parent;
    ts.forEachChild(node, (child) => visit(child, node));
  };
  ts.forEachChild(sf, (child) => visit(child, sf));
  return sf;
}
