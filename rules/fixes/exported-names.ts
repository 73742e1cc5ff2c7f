import ts = require('typescript');
import { parseSourceFile } from '../graph/extract-imports';

export interface ModuleExports {
  /** Names exported directly or re-exported by name. */
  names: Set<string>;
  /** Specifiers of `export * from '…'`. */
  starFrom: string[];
}

function hasExportModifier(node: ts.Node): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
}

/** The names a module exports, read from its syntax (enough to know whether an entry re-exports a symbol). */
export function exportsOf(file: string, text: string): ModuleExports {
  const sf = parseSourceFile(file, text);
  const names = new Set<string>();
  const starFrom: string[] = [];
  for (const s of sf.statements) {
    if (ts.isExportDeclaration(s)) {
      if (!s.exportClause) {
        if (s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier)) starFrom.push(s.moduleSpecifier.text);
      } else if (ts.isNamedExports(s.exportClause)) {
        for (const e of s.exportClause.elements) names.add(e.name.text);
      } else {
        names.add(s.exportClause.name.text);
      }
    } else if (ts.isExportAssignment(s)) {
      names.add('default');
    } else if (hasExportModifier(s)) {
      const isDefault = ts.canHaveModifiers(s) && (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.DefaultKeyword);
      if (isDefault) names.add('default');
      else if (ts.isVariableStatement(s)) {
        for (const d of s.declarationList.declarations) if (ts.isIdentifier(d.name)) names.add(d.name.text);
      } else if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s) || ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s) || ts.isEnumDeclaration(s) || ts.isModuleDeclaration(s)) && s.name && ts.isIdentifier(s.name)) {
        names.add(s.name.text);
      }
    }
  }
  return { names, starFrom };
}
