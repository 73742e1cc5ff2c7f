import * as path from 'node:path';
import ts = require('typescript');
import { parseSourceFile } from '../graph/extract-imports';
import type { EditPlan, TextEdit } from '../model';
import { LineIndex } from '../text/line-index';
import { FixError } from './fix';
import { relativeSpecifier, usesJsExtension } from './module-specifier';

export interface MoveHost {
  readFile(file: string): string | undefined;
  fileExists(file: string): boolean;
  compilerOptions(file: string): ts.CompilerOptions;
  /** Files that must be in the program for their imports to be rewritten (the importers). */
  relatedFiles: string[];
}

/**
 * TypeScript's own "Move to file" refactor (what VS Code offers as refactor.move.file): moves
 * the statements in `range` of `file` into `targetFile` (created when missing), adds the imports
 * the moved code needs there, and rewrites every importer. We only choose the target.
 */
export function moveStatements(host: MoveHost, file: string, range: { pos: number; end: number }, targetFile: string): EditPlan {
  const options: ts.CompilerOptions = { ...host.compilerOptions(file), noEmit: true, noLib: true, types: [] };
  const roots = [...new Set([file, ...host.relatedFiles, ...(host.fileExists(targetFile) ? [targetFile] : [])])];
  const versions = new Map<string, string>();
  const serviceHost: ts.LanguageServiceHost = {
    getCompilationSettings: () => options,
    getScriptFileNames: () => roots,
    getScriptVersion: (f) => versions.get(f) ?? '0',
    getScriptSnapshot: (f) => {
      const text = host.readFile(f);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => path.posix.dirname(file),
    // No standard library: the move needs the project's own symbols, not the DOM's.
    getDefaultLibFileName: () => '/__foundations_no_lib__.d.ts',
    fileExists: (f) => host.fileExists(f),
    readFile: (f) => host.readFile(f),
    useCaseSensitiveFileNames: () => true,
  };
  const service = ts.createLanguageService(serviceHost, ts.createDocumentRegistry());
  try {
    // 'auto' follows the moved file's first import: a file without imports gets double quotes everywhere.
    const quotePreference = quoteStyleOf([file, ...host.relatedFiles].map((f) => host.readFile(f) ?? ''));
    const preferences: ts.UserPreferences = { allowTextChangesInNewFiles: true, quotePreference, importModuleSpecifierPreference: 'relative' };
    const applicable = service
      .getApplicableRefactors(file, range, preferences, 'invoked', undefined, true)
      .flatMap((r) => r.actions.map((a) => ({ refactor: r.name, action: a })))
      .find((r) => r.action.name === 'Move to file' || r.refactor === 'Move to file');
    if (!applicable) throw new FixError('TypeScript cannot move this code (only top-level declarations can be moved)');
    const info = service.getEditsForRefactor(file, formatSettingsOf(host.readFile(file) ?? ''), range, applicable.refactor, applicable.action.name, preferences, { targetFile });
    if (!info || info.edits.length === 0) throw new FixError('TypeScript produced no edit for this move');
    const plan: EditPlan = { edits: [], creates: [], deletes: [] };
    for (const change of info.edits) {
      const changed = change.fileName.replace(/\\/g, '/');
      if (change.isNewFile || !host.fileExists(changed)) {
        plan.creates.push({ file: changed, text: change.textChanges.map((c) => c.newText).join('').replace(/^\s*\n/, '') });
        continue;
      }
      const current = host.readFile(changed) ?? '';
      const lines = new LineIndex(current);
      const endOf = (c: ts.TextChange) => (changed === file ? keepingCommentsAtEnd(file, current, c.span.start + c.span.length) : c.span.start + c.span.length);
      const edits: TextEdit[] = change.textChanges
        .map((c) => ({ range: lines.rangeOf(c.span.start, endOf(c)), newText: changed === targetFile ? withoutExistingImports(c.newText, current) : c.newText }))
        .filter((e) => e.newText !== '' || e.range.start.line !== e.range.end.line || e.range.start.character !== e.range.end.character);
      plan.edits.push({ file: changed, edits });
    }
    const sf = parseSourceFile(file, host.readFile(file) ?? '');
    const moved = new Set(sf.statements.filter((st) => st.getStart(sf) >= range.pos && st.end <= range.end).flatMap(exportedNamesOf));
    for (const [reExporter, edits] of reExportEdits(host, options, file, moved, targetFile)) {
      const existing = plan.edits.find((e) => e.file === reExporter);
      if (existing) existing.edits.push(...edits);
      else plan.edits.push({ file: reExporter, edits });
    }
    return plan;
  } finally {
    service.dispose();
  }
}

/**
 * TypeScript deletes the file's last statement through the end of the file, and with it the
 * comments that follow it on their own lines (they move nowhere): the deletion ends with the
 * statement's line instead when comments follow.
 */
function keepingCommentsAtEnd(file: string, text: string, end: number): number {
  const last = parseSourceFile(file, text).statements.at(-1);
  if (!last || end <= last.end || !ts.getLeadingCommentRanges(text, last.end)?.length) return end;
  const lineEnd = text.indexOf('\n', last.end);
  return lineEnd < 0 || lineEnd + 1 > end ? end : lineEnd + 1;
}

/** The quotes the files' module specifiers use most; TypeScript writes its imports with them. */
function quoteStyleOf(texts: string[]): 'single' | 'double' {
  let single = 0;
  let double = 0;
  for (const text of texts) {
    for (const m of text.matchAll(/^\s*(?:import|export)\b[^'"\n;]*?\bfrom\s*(['"])/gm)) {
      if (m[1] === "'") single++;
      else double++;
    }
  }
  return double > single ? 'double' : 'single';
}

/** Names a statement exports under its own name (`export function f`, `export const a, b`). */
function exportedNamesOf(s: ts.Statement): string[] {
  if (!ts.canHaveModifiers(s) || !(ts.getModifiers(s) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) return [];
  if (ts.isVariableStatement(s)) return s.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  const name = (s as ts.DeclarationStatement).name;
  return name && ts.isIdentifier(name) ? [name.text] : [];
}

/**
 * TypeScript's move rewrites imports but not `export … from` re-exports (a domain's public API),
 * which would go on pointing at the file the declarations left. Named re-exports of the moved
 * names are pointed at the target (split when they also re-export names that stay); an
 * `export *` of the old file gets the moved names re-exported from the target next to it.
 */
function reExportEdits(host: MoveHost, options: ts.CompilerOptions, file: string, moved: ReadonlySet<string>, targetFile: string): Map<string, TextEdit[]> {
  const out = new Map<string, TextEdit[]>();
  if (moved.size === 0) return out;
  const resolutionHost: ts.ModuleResolutionHost = { fileExists: host.fileExists, readFile: host.readFile };
  for (const reExporter of new Set(host.relatedFiles)) {
    const text = host.readFile(reExporter);
    if (text === undefined || reExporter === targetFile) continue;
    const sf = parseSourceFile(reExporter, text);
    const lines = new LineIndex(text);
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const edits: TextEdit[] = [];
    for (const s of sf.statements) {
      if (!ts.isExportDeclaration(s) || !s.moduleSpecifier || !ts.isStringLiteral(s.moduleSpecifier)) continue;
      const resolved = ts.resolveModuleName(s.moduleSpecifier.text, reExporter, options, resolutionHost).resolvedModule?.resolvedFileName;
      if (resolved?.replace(/\\/g, '/') !== file) continue;
      const quote = text[s.moduleSpecifier.getStart(sf)];
      const specifier = `${quote}${relativeSpecifier(reExporter, targetFile, usesJsExtension(s.moduleSpecifier.text))}${quote}`;
      const typeOnly = s.isTypeOnly ? 'type ' : '';
      const statementRange = lines.rangeOf(s.getStart(sf), s.end);
      if (!s.exportClause) {
        const names = [...moved].join(', ');
        edits.push({ range: { start: statementRange.end, end: statementRange.end }, newText: `${eol}export ${typeOnly}{ ${names} } from ${specifier};` });
        continue;
      }
      if (!ts.isNamedExports(s.exportClause)) continue;
      const [leaving, staying] = partition(s.exportClause.elements, (e) => moved.has((e.propertyName ?? e.name).text));
      if (leaving.length === 0) continue;
      if (staying.length === 0) {
        edits.push({ range: lines.rangeOf(s.moduleSpecifier.getStart(sf), s.moduleSpecifier.end), newText: specifier });
        continue;
      }
      const clause = (elements: ts.ExportSpecifier[]) => elements.map((e) => e.getText(sf)).join(', ');
      edits.push({
        range: statementRange,
        newText: `export ${typeOnly}{ ${clause(staying)} } from ${s.moduleSpecifier.getText(sf)};${eol}export ${typeOnly}{ ${clause(leaving)} } from ${specifier};`,
      });
    }
    if (edits.length > 0) out.set(reExporter, edits);
  }
  return out;
}

function partition<T>(items: readonly T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((i) => !test(i))];
}

/**
 * TypeScript re-adds a default import the target file already has (it cannot always tell the
 * two apart, e.g. for an ambient module); drop inserted import lines that are already there.
 */
function withoutExistingImports(inserted: string, target: string): string {
  const existing = new Set(target.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.startsWith('import ')));
  return inserted
    .split(/(?<=\n)/)
    .filter((l) => !(l.trim().startsWith('import ') && existing.has(l.trim())))
    .join('');
}

/** Format like the file being edited: its indentation and line endings, not TypeScript's defaults. */
function formatSettingsOf(text: string): ts.FormatCodeSettings {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  const tabs = indent.startsWith('\t');
  return { ...ts.getDefaultFormatCodeSettings(eol), convertTabsToSpaces: !tabs, indentSize: tabs ? 4 : indent.length, tabSize: tabs ? 4 : indent.length };
}

/** The top-level statement that declares `name` (a function, class, or the variable statement of a const). */
export function topLevelStatementOf(sf: ts.SourceFile, name: string): ts.Statement | undefined {
  return sf.statements.find((s) => {
    if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s)) && s.name?.text === name) return true;
    return ts.isVariableStatement(s) && s.declarationList.declarations.some((d) => ts.isIdentifier(d.name) && d.name.text === name);
  });
}
