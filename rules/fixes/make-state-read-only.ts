import ts = require('typescript');
import { parseSourceFile } from '../graph/extract-imports';
import type { EditPlan, Finding, TextEdit } from '../model';
import { LineIndex } from '../text/line-index';
import { type Fix, type FixContext, FixError } from './fix';
import { appendLine } from './import-through-public-api';
import { referencesAny } from '../semantic/syntax';
import { capitalize } from './names';
import { referencesOf } from './references';

/**
 * Making exported state read-only for other modules: an exported `let` holding a primitive can only
 * be changed by its own module (an import cannot be assigned), so other domains change it through the
 * owner's setter already; what they still share is the variable. It stops being exported, the owner
 * exports a function that reads it, and every reader (re-exports included) calls that instead.
 * State that other domains change in place (arrays, objects) is not read-only for them: only
 * Encapsulate applies there, and this fix is not offered.
 */

interface ReadOnlyPlan {
  reader: string;
  edits: Map<string, TextEdit[]>;
}

type Refusal = { reason: string };

/** A literal a variable can hold and nobody can change in place. */
function isPrimitiveLiteral(e: ts.Expression | undefined): boolean {
  if (!e) return false;
  if (ts.isPrefixUnaryExpression(e) && e.operator === ts.SyntaxKind.MinusToken) return isPrimitiveLiteral(e.operand);
  return ts.isStringLiteral(e) || ts.isNumericLiteral(e) || ts.isBigIntLiteral(e) || ts.isNoSubstitutionTemplateLiteral(e) || e.kind === ts.SyntaxKind.TrueKeyword || e.kind === ts.SyntaxKind.FalseKeyword;
}

/** The exported `let`/`var` statement declaring `state`, when it holds a primitive; undefined when the fix does not apply. */
function primitiveExport(sf: ts.SourceFile, state: string): ts.VariableStatement | undefined {
  return sf.statements.find(
    (s): s is ts.VariableStatement =>
      ts.isVariableStatement(s) &&
      !(s.declarationList.flags & ts.NodeFlags.Const) &&
      (ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword) &&
      s.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === state && isPrimitiveLiteral(d.initializer)),
  );
}

function isDeclarationName(node: ts.Identifier, parent: ts.Node): boolean {
  return (ts.isVariableDeclaration(parent) || ts.isParameter(parent) || ts.isBindingElement(parent) || ts.isFunctionDeclaration(parent) || ts.isClassDeclaration(parent)) && parent.name === node;
}

/**
 * The edits, or why they cannot be made; undefined when the finding is not about an exported
 * primitive (state changed in place: only Encapsulate applies).
 */
function plan(finding: Finding, ctx: FixContext): ReadOnlyPlan | Refusal | undefined {
  const state = finding.data?.state;
  if (typeof state !== 'string' || !Array.isArray(finding.data?.sites)) return undefined;
  const owner = finding.file;
  const ownerText = ctx.readFile(owner);
  if (ownerText === undefined) return undefined;
  const ownerSf = parseSourceFile(owner, ownerText);
  const statement = primitiveExport(ownerSf, state);
  if (!statement) return undefined;
  const reader = `get${capitalize(state)}`;
  if (statement.declarationList.declarations.length > 1) return { reason: `${state} is declared together with other variables; declare it on its own first` };
  if (new RegExp(`\\b(function|const|let|var|class)\\s+${reader}\\b`).test(ownerText)) return { reason: `${reader} already exists in ${ctx.model.membership(owner).workspaceRelative}` };
  const exportedAgain = ownerSf.statements.some(
    (s) => (ts.isExportDeclaration(s) && !s.moduleSpecifier && referencesAny(s, new Set([state]))) || (ts.isExportAssignment(s) && ts.isIdentifier(s.expression) && s.expression.text === state),
  );
  if (exportedAgain) return { reason: `${state} is exported a second time (an export list or a default export); export it once first` };
  const edits = readerEdits(ctx, owner, state, reader);
  if ('reason' in edits) return edits;

  const ownerLines = new LineIndex(ownerText);
  const exportKeyword = ts.getModifiers(statement)!.find((m) => m.kind === ts.SyntaxKind.ExportKeyword)!;
  const afterKeyword = /^\s*/.exec(ownerText.slice(exportKeyword.end))![0].length;
  const returnType = /\.[cm]?tsx?$/.test(owner) ? `: typeof ${state}` : '';
  edits.set(owner, [
    { range: ownerLines.rangeOf(exportKeyword.getStart(ownerSf), exportKeyword.end + afterKeyword), newText: '' },
    appendLine(ownerText, `\n/** Reads ${state} for other modules: only this module changes it. */\nexport function ${reader}()${returnType} {\n  return ${state};\n}`),
  ]);
  return { reader, edits };
}

/** The edits of every file that imports or re-exports the state (through re-exports of re-exports too): each names the reader instead. */
function readerEdits(ctx: FixContext, owner: string, state: string, reader: string): Map<string, TextEdit[]> | Refusal {
  const edits = new Map<string, TextEdit[]>();
  const push = (file: string, edit: TextEdit) => edits.set(file, [...(edits.get(file) ?? []), edit]);
  // The modules that expose the variable: the owner, and whatever re-exports it, transitively.
  const exposing = [owner];
  for (let i = 0; i < exposing.length; i++) {
    const module = exposing[i];
    for (const file of ctx.graph.importersOf(module)) {
      if (file === owner) continue;
      const uses = ctx.graph.importsOf(file).filter((imp) => imp.target.kind === 'file' && imp.target.file === module && (imp.names.includes(state) || imp.names.includes('*')));
      if (uses.length === 0) continue;
      const rel = ctx.model.membership(file).workspaceRelative;
      if (uses.some((u) => u.kind !== 'import' && u.kind !== 'export' && u.kind !== 'import-type')) return { reason: `${rel} reaches it without naming it (require() or a dynamic import); change that first` };
      const text = ctx.readFile(file);
      if (text === undefined) return { reason: `${rel} cannot be read` };
      const sf = parseSourceFile(file, text);
      const lines = new LineIndex(text);
      for (const s of sf.statements) {
        const specifier = (ts.isImportDeclaration(s) || ts.isExportDeclaration(s)) && s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) ? s.moduleSpecifier.text : undefined;
        const target = specifier !== undefined ? ctx.resolve(specifier, file) : undefined;
        if (target?.kind !== 'file' || target.file !== module) continue;
        if (ts.isExportDeclaration(s)) {
          if (s.exportClause && !ts.isNamedExports(s.exportClause)) return { reason: `${rel} re-exports the module as a namespace; re-export ${state} by name first` };
          const element = s.exportClause?.elements.find((e) => (e.propertyName ?? e.name).text === state);
          if (s.exportClause && !element) continue;
          if (element?.propertyName) return { reason: `${rel} re-exports ${state} under another name` };
          // `export *` passes the reader on by itself; a named re-export names it instead of the variable.
          if (element) push(file, { range: lines.rangeOf(element.name.getStart(sf), element.name.end), newText: reader });
          if (!exposing.includes(file)) exposing.push(file);
          continue;
        }
        const bindings = ts.isImportDeclaration(s) ? s.importClause?.namedBindings : undefined;
        if (!bindings) continue;
        if (ts.isNamespaceImport(bindings)) {
          if (new RegExp(`\\b${bindings.name.text}\\.${state}\\b`).test(text)) return { reason: `${rel} reads it through a namespace import (${bindings.name.text}.${state})` };
          continue;
        }
        const element = bindings.elements.find((e) => (e.propertyName ?? e.name).text === state);
        if (!element) continue;
        if (element.propertyName) return { reason: `${rel} imports ${state} under another name` };
        const references = referencesOf(sf, state);
        if (references.some(({ node, parent }) => isDeclarationName(node, parent))) return { reason: `${rel} declares its own ${state} too` };
        push(file, { range: lines.rangeOf(element.name.getStart(sf), element.name.end), newText: reader });
        for (const { node, parent } of references) {
          const range = lines.rangeOf(node.getStart(sf), node.end);
          if (ts.isShorthandPropertyAssignment(parent)) push(file, { range, newText: `${state}: ${reader}()` });
          else if (ts.isTypeQueryNode(parent)) push(file, { range: lines.rangeOf(parent.getStart(sf), parent.end), newText: `ReturnType<typeof ${reader}>` });
          else push(file, { range, newText: `${reader}()` });
        }
      }
    }
  }
  return edits;
}

export const makeStateReadOnly: Fix = {
  id: 'make-state-read-only',
  rules: ['shared-mutable-state'],
  offer(finding, ctx) {
    const p = plan(finding, ctx);
    if (!p) return undefined;
    const state = String(finding.data?.state);
    if ('reason' in p) return { fixId: this.id, title: `Make ${state} read-only outside its module`, kind: 'refactor.rewrite', disabledReason: p.reason };
    const others = p.edits.size - 1;
    return {
      fixId: this.id,
      title: `Make ${state} read-only outside its module: export ${p.reader}() instead of the variable${others > 0 ? ` (${others} other file${others === 1 ? '' : 's'} rewritten)` : ''}`,
      kind: 'refactor.rewrite',
      isPreferred: true,
    };
  },
  edit(finding, ctx): EditPlan {
    const p = plan(finding, ctx);
    if (!p || 'reason' in p) throw new FixError(p?.reason ?? 'the state is not an exported variable holding a primitive any more');
    return { edits: [...p.edits].map(([file, edits]) => ({ file, edits })), creates: [], deletes: [] };
  },
};
