// A plain require: esbuild's namespace-import getters make every `ts.x` on the hot path a call.
import ts = require('typescript');
import type { Range } from '../model';
import { changedSpan } from '../text/changed-span';
import { lineStarts } from '../text/line-index';

export type ImportKind = 'import' | 'export' | 'dynamic' | 'require' | 'import-equals' | 'import-type';

/** One module reference in a file, as written. */
export interface ImportFact {
  specifier: string;
  kind: ImportKind;
  /** `import type`, `export type`, `typeof import()`: erased at run time, still a dependency. */
  typeOnly: boolean;
  /** Range of the specifier's string literal, quotes included. */
  range: Range;
  /** Names imported or re-exported ('default', '*' for a namespace or `export *`); empty for side effects. */
  names: string[];
}

export interface ExtractResult {
  imports: ImportFact[];
  /** Set when the file could not be analysed at all (the reason, for the user). */
  failure?: string;
  syntaxErrors: number;
}

function scriptKindOf(file: string): ts.ScriptKind {
  if (file.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (file.endsWith('.jsx')) return ts.ScriptKind.JSX;
  if (/\.[mc]?js$/.test(file)) return ts.ScriptKind.JS;
  return ts.ScriptKind.TS;
}

export function parseSourceFile(file: string, text: string): ts.SourceFile {
  // No rule reads JSDoc: not parsing it saves a good part of the parse on commented code.
  const sf = ts.createSourceFile(file, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, false, scriptKindOf(file));
  // TypeScript's line map also breaks lines at U+2028/U+2029; LSP does not, so every range computed
  // with sf.getLineAndCharacterOfPosition would land lines too low after one. Give it LSP's lines.
  (sf as unknown as { lineMap: readonly number[] }).lineMap = lineStarts(text);
  return sf;
}

/**
 * The tree of `text`, parsed incrementally from the tree of an earlier text of the same file: the
 * parser reuses every node outside the span that changed (a third of a full parse for a keystroke).
 * `previous` must not be used afterwards.
 */
export function reparseSourceFile(previous: ts.SourceFile, text: string): ts.SourceFile {
  const { start, oldEnd, newEnd } = changedSpan(previous.text, text);
  const sf = ts.updateSourceFile(previous, text, ts.createTextChangeRange(ts.createTextSpan(start, oldEnd - start), newEnd - start), false);
  (sf as unknown as { lineMap: readonly number[] }).lineMap = lineStarts(text);
  return sf;
}

/** Only files that mention these need the full tree walk; the rest have imports at the top level only. */
const NESTED_REFERENCE = /\b(?:import|require)\s*\(/;

/**
 * Every module reference of a file, found with the TypeScript parser (so strings and comments
 * that merely look like imports are never counted). A syntax error elsewhere in the file does
 * not hide the imports the parser could still read.
 */
export function extractImports(file: string, text: string): ExtractResult {
  let sf: ts.SourceFile;
  try {
    sf = parseSourceFile(file, text);
  } catch (err) {
    return { imports: [], syntaxErrors: 0, failure: `the parser failed: ${(err as Error).message}` };
  }
  return extractImportsFrom(sf);
}

/** The same, on a tree already parsed (so semantic facts and imports share one parse). */
export function extractImportsFrom(sf: ts.SourceFile): ExtractResult {
  const text = sf.text;
  const imports: ImportFact[] = [];
  const rangeOf = (node: ts.Node): Range => {
    const start = sf.getLineAndCharacterOfPosition(node.getStart(sf));
    const end = sf.getLineAndCharacterOfPosition(node.getEnd());
    return { start, end };
  };
  const add = (literal: ts.Node, specifier: string, kind: ImportKind, typeOnly: boolean, names: string[]) =>
    imports.push({ specifier: detached(specifier), kind, typeOnly, range: rangeOf(literal), names: names.map(detached) });

  const addDeclaration = (statement: ts.Node) => {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.importClause;
      const names: string[] = [];
      if (clause?.name) names.push('default');
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings)) names.push('*');
      if (bindings && ts.isNamedImports(bindings)) {
        for (const el of bindings.elements) names.push((el.propertyName ?? el.name).text);
      }
      const typeOnly = !!clause && (clause.isTypeOnly || (!clause.name && !!bindings && ts.isNamedImports(bindings) && bindings.elements.length > 0 && bindings.elements.every((e) => e.isTypeOnly)));
      add(statement.moduleSpecifier, statement.moduleSpecifier.text, 'import', typeOnly, names);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)) {
      const clause = statement.exportClause;
      const names = !clause ? ['*'] : ts.isNamespaceExport(clause) ? ['*'] : clause.elements.map((e) => (e.propertyName ?? e.name).text);
      add(statement.moduleSpecifier, statement.moduleSpecifier.text, 'export', statement.isTypeOnly, names);
    } else if (
      ts.isImportEqualsDeclaration(statement) &&
      ts.isExternalModuleReference(statement.moduleReference) &&
      ts.isStringLiteral(statement.moduleReference.expression)
    ) {
      const literal = statement.moduleReference.expression;
      add(literal, literal.text, 'import-equals', statement.isTypeOnly, ['*']);
    }
  };
  for (const statement of sf.statements) addDeclaration(statement);

  const syntaxErrors = (sf as unknown as { parseDiagnostics?: unknown[] }).parseDiagnostics?.length ?? 0;
  // After a syntax error the parser may have folded later top-level imports into a broken block.
  const topLevel = new Set<ts.Node>(sf.statements);
  const nestedDeclarations = syntaxErrors > 0 ? (node: ts.Node) => !topLevel.has(node) && addDeclaration(node) : undefined;
  if (nestedDeclarations || NESTED_REFERENCE.test(text)) collectNested(sf, add, nestedDeclarations);
  if (syntaxErrors > 0) addScannedImports(sf, text, imports);
  imports.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { imports, syntaxErrors };
}

/**
 * The same characters, not sharing memory with the source text: V8 makes a substring of 13 or more
 * characters a view into its parent, so a kept import specifier or name would keep the whole file's
 * text alive (~12 MB over 7,000 files). Flattening a concatenation makes a fresh string.
 */
function detached(s: string): string {
  return s.length < 13 ? s : ` ${s}`.slice(1);
}

type Add = (literal: ts.Node, specifier: string, kind: ImportKind, typeOnly: boolean, names: string[]) => void;

function stringArgument(node: ts.CallExpression): ts.StringLiteralLike | undefined {
  const arg = node.arguments[0];
  return arg && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)) ? arg : undefined;
}

/** `import()`, `require()` and `typeof import()` anywhere; iterative, so deep nesting cannot overflow the stack. */
function collectNested(sf: ts.SourceFile, add: Add, declaration?: (node: ts.Node) => void): void {
  const stack: ts.Node[] = [sf];
  const push = (child: ts.Node) => {
    stack.push(child);
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (declaration && (ts.isImportDeclaration(node) || ts.isExportDeclaration(node) || ts.isImportEqualsDeclaration(node))) {
      declaration(node);
    }
    if (ts.isCallExpression(node)) {
      const literal = stringArgument(node);
      if (literal && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
        add(literal, literal.text, 'dynamic', false, ['*']);
      } else if (literal && ts.isIdentifier(node.expression) && node.expression.text === 'require' && node.arguments.length === 1) {
        add(literal, literal.text, 'require', false, ['*']);
      }
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument) && ts.isStringLiteral(node.argument.literal)) {
      const literal = node.argument.literal;
      add(literal, literal.text, 'import-type', true, node.qualifier ? [ts.isIdentifier(node.qualifier) ? node.qualifier.text : '*'] : ['*']);
    }
    ts.forEachChild(node, push);
  }
}

/**
 * Error recovery can swallow an import into a broken construct (`function (: { import …`).
 * TypeScript's import scanner reads tokens, not syntax, so it still sees those: add what it
 * finds that the parser lost.
 */
function addScannedImports(sf: ts.SourceFile, text: string, imports: ImportFact[]): void {
  const known = new Set(imports.map((i) => `${i.range.start.line}:${i.range.start.character}`));
  for (const ref of ts.preProcessFile(text, true, true).importedFiles) {
    // `pos` is the opening quote; the literal spans the name and both quotes.
    const start = sf.getLineAndCharacterOfPosition(ref.pos);
    if (known.has(`${start.line}:${start.character}`)) continue;
    imports.push({ specifier: detached(ref.fileName), kind: 'import', typeOnly: false, range: { start, end: sf.getLineAndCharacterOfPosition(ref.pos + ref.fileName.length + 2) }, names: [] });
  }
  imports.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
