import * as path from 'node:path';
import ts = require('typescript');
import type { EditPlan, TextEdit } from '../model';
import { LineIndex } from '../text/line-index';
import { FixError } from './fix';

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
    const preferences: ts.UserPreferences = { allowTextChangesInNewFiles: true, quotePreference: 'auto', importModuleSpecifierPreference: 'relative' };
    const applicable = service
      .getApplicableRefactors(file, range, preferences, 'invoked', undefined, true)
      .flatMap((r) => r.actions.map((a) => ({ refactor: r.name, action: a })))
      .find((r) => r.action.name === 'Move to file' || r.refactor === 'Move to file');
    if (!applicable) throw new FixError('TypeScript cannot move this code (only top-level declarations can be moved)');
    const info = service.getEditsForRefactor(file, formatSettingsOf(host.readFile(file) ?? ''), range, applicable.refactor, applicable.action.name, preferences, { targetFile });
    if (!info || info.edits.length === 0) throw new FixError('TypeScript produced no edit for this move');
    const plan: EditPlan = { edits: [], creates: [] };
    for (const change of info.edits) {
      const changed = change.fileName.replace(/\\/g, '/');
      if (change.isNewFile || !host.fileExists(changed)) {
        plan.creates.push({ file: changed, text: change.textChanges.map((c) => c.newText).join('').replace(/^\s*\n/, '') });
        continue;
      }
      const current = host.readFile(changed) ?? '';
      const lines = new LineIndex(current);
      const edits: TextEdit[] = change.textChanges
        .map((c) => ({ range: lines.rangeOf(c.span.start, c.span.start + c.span.length), newText: changed === targetFile ? withoutExistingImports(c.newText, current) : c.newText }))
        .filter((e) => e.newText !== '' || e.range.start.line !== e.range.end.line || e.range.start.character !== e.range.end.character);
      plan.edits.push({ file: changed, edits });
    }
    return plan;
  } finally {
    service.dispose();
  }
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
