import * as path from 'node:path';
import ts = require('typescript');
import type { DomainSpec } from '../config/config';
import { parseSourceFile } from '../graph/extract-imports';
import { publicImportFor } from '../graph/public-import';
import type { EditPlan, Finding, Range, TextEdit } from '../model';
import { LineIndex } from '../text/line-index';
import { exportsOf } from './exported-names';
import { type Fix, type FixContext, FixError, publicEntryOf } from './fix';
import { relativeSpecifier, usesJsExtension } from './module-specifier';

/**
 * The specifiers that could reach the domain's public entry from the importing file: the one the
 * hover recommends (the workspace's usual import of that domain) first, then the most faithful to
 * the user's style: the alias they used with its tail removed, then relative.
 */
function candidateSpecifiers(ctx: FixContext, domain: DomainSpec, specifier: string, importer: string, entry: string): string[] {
  const preferred = publicImportFor(ctx, importer, domain)?.specifier;
  const candidates: string[] = preferred ? [preferred] : [];
  const keepJs = usesJsExtension(specifier);
  if (!specifier.startsWith('.')) {
    const parts = specifier.split('/');
    for (let n = parts.length - 1; n >= (specifier.startsWith('@') ? 2 : 1); n--) candidates.push(parts.slice(0, n).join('/'));
  }
  if (/^index\.[a-z]+$/.test(path.posix.basename(entry))) {
    let folder = path.posix.relative(path.posix.dirname(importer), path.posix.dirname(entry));
    if (!folder.startsWith('.')) folder = folder === '' ? '.' : `./${folder}`;
    candidates.push(folder);
  }
  candidates.push(relativeSpecifier(importer, entry, keepJs));
  return candidates;
}

interface Plan {
  entry?: string;
  specifier?: string;
  missing: string[];
  reason?: string;
}

function plan(finding: Finding, ctx: FixContext): Plan {
  const imp = ctx.importAt(finding);
  if (!imp || imp.target.kind !== 'file') return { missing: [], reason: 'the import is no longer there' };
  const target = ctx.model.membership(imp.target.file);
  const domain = target.domain;
  if (!domain) return { missing: [], reason: 'the imported file belongs to no domain' };
  if (imp.kind === 'dynamic' || imp.kind === 'require' || imp.kind === 'import-equals') {
    return { missing: [], reason: `a ${imp.kind === 'dynamic' ? 'dynamic import' : 'require()'} does not say which names it uses, so the public API cannot be checked for them` };
  }
  if (imp.names.includes('*')) return { missing: [], reason: 'a namespace import (or export *) of an internal file would change meaning through the public API; import the names you need instead' };
  if (imp.names.includes('default')) return { missing: [], reason: `the default export of ${target.workspaceRelative} has no name in the public API; export it by name from ${domain.name}'s public API first` };
  const entry = publicEntryOf(domain, ctx);
  if (!entry) return { missing: [], reason: `domain "${domain.name}" has no public API file yet (create ${domain.path}/index.ts)` };
  const specifier = candidateSpecifiers(ctx, domain, imp.specifier, finding.file, entry).find((c) => {
    const r = ctx.resolve(c, finding.file);
    return r.kind === 'file' && r.file === entry;
  });
  if (!specifier) return { missing: [], reason: `no import path from here reaches ${path.posix.relative(ctx.root, entry)}` };
  const entryText = ctx.readFile(entry) ?? '';
  const exported = exportsOf(entry, entryText);
  const targetFile = imp.target.file;
  const reExportsAll = exported.starFrom.some((s) => {
    const r = ctx.resolve(s, entry);
    return r.kind === 'file' && r.file === targetFile;
  });
  const missing = reExportsAll ? [] : imp.names.filter((n) => !exported.names.has(n));
  return { entry, specifier, missing };
}

export const importThroughPublicApi: Fix = {
  id: 'import-through-public-api',
  rules: ['public-api-bypass'],
  offer(finding, ctx) {
    const p = plan(finding, ctx);
    const domain = String(finding.domains?.to ?? 'the domain');
    if (!p.specifier) {
      return { fixId: this.id, title: `Import through the public API of "${domain}"`, kind: 'quickfix', disabledReason: p.reason };
    }
    const also = p.missing.length > 0 ? ` (and export ${p.missing.join(', ')} from it)` : '';
    return { fixId: this.id, title: `Import from '${p.specifier}', the public API of "${domain}"${also}`, kind: 'quickfix', isPreferred: true };
  },
  edit(finding, ctx) {
    const p = plan(finding, ctx);
    if (!p.specifier || !p.entry) throw new FixError(p.reason ?? 'the fix no longer applies');
    const imp = ctx.importAt(finding)!;
    const text = ctx.readFile(finding.file) ?? '';
    const quote = text.split(/\r?\n/)[imp.range.start.line]?.[imp.range.start.character] === '"' ? '"' : "'";
    const importEdits = mergeIntoExistingImport(finding.file, text, imp.range, p.specifier) ?? [{ range: imp.range, newText: `${quote}${p.specifier}${quote}` }];
    const plan_: EditPlan = { edits: [{ file: finding.file, edits: importEdits }], creates: [], deletes: [] };
    if (p.missing.length > 0 && imp.target.kind === 'file') {
      const fromEntry = relativeSpecifier(p.entry, imp.target.file, usesJsExtension(imp.specifier));
      plan_.edits.push({ file: p.entry, edits: exportFromEdits(p.entry, ctx.readFile(p.entry) ?? '', new Map([[fromEntry, p.missing]]), imp.typeOnly) });
    }
    return plan_;
  },
};

/**
 * When the file already imports named bindings from the public entry, the bypassing import's
 * names join that declaration, so the fix leaves one import from the module rather than two.
 * Only plain named imports of the same kind (both `import type` or neither) merge, and only when
 * the bypassing declaration has its lines to itself; anything else keeps the specifier rewrite.
 */
function mergeIntoExistingImport(file: string, text: string, specifierRange: Range, specifier: string): TextEdit[] | undefined {
  const sf = parseSourceFile(file, text);
  const lines = new LineIndex(text);
  const declarations = sf.statements.filter(ts.isImportDeclaration);
  const at = (node: ts.Node) => lines.positionAt(node.getStart(sf));
  const bypassing = declarations.find((d) => {
    const start = at(d.moduleSpecifier);
    return start.line === specifierRange.start.line && start.character === specifierRange.start.character;
  });
  const existing = declarations.find((d) => d !== bypassing && ts.isStringLiteral(d.moduleSpecifier) && d.moduleSpecifier.text === specifier);
  const namedImports = (d: ts.ImportDeclaration | undefined) => {
    const clause = d?.importClause;
    return clause && !clause.name && clause.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings : undefined;
  };
  const moved = namedImports(bypassing);
  const into = namedImports(existing);
  if (!bypassing || !existing || !moved || !into || bypassing.importClause!.isTypeOnly !== existing.importClause!.isTypeOnly) return undefined;
  const start = bypassing.getStart(sf);
  const lineStart = start - lines.positionAt(start).character;
  const lineEnd = /^[ \t]*(\r?\n|$)/.exec(text.slice(bypassing.end));
  if (text.slice(lineStart, start).trim() !== '' || !lineEnd) return undefined;
  const names = [...into.elements, ...moved.elements].map((e) => e.getText(sf));
  return [
    { range: lines.rangeOf(into.getStart(sf), into.end), newText: `{ ${[...new Set(names)].join(', ')} }` },
    { range: lines.rangeOf(lineStart, bypassing.end + lineEnd[0].length), newText: '' },
  ];
}

/**
 * Edits exporting names from modules in an entry file (`specifier → names`): the names join an
 * `export { … } from` of the same module and kind the entry already has, or else get a line of
 * their own at the end, so a public API keeps one export declaration per module.
 */
export function exportFromEdits(entry: string, text: string, exports: ReadonlyMap<string, readonly string[]>, typeOnly: boolean): TextEdit[] {
  const sf = parseSourceFile(entry, text);
  const lines = new LineIndex(text);
  const edits: TextEdit[] = [];
  const appended: string[] = [];
  for (const [specifier, names] of exports) {
    const existing = sf.statements.find(
      (s): s is ts.ExportDeclaration & { exportClause: ts.NamedExports } =>
        ts.isExportDeclaration(s) && s.isTypeOnly === typeOnly && !!s.exportClause && ts.isNamedExports(s.exportClause) && !!s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) && s.moduleSpecifier.text === specifier,
    );
    const last = existing?.exportClause.elements.at(-1);
    if (last) edits.push({ range: lines.rangeOf(last.end, last.end), newText: names.map((n) => `, ${n}`).join('') });
    else appended.push(`export ${typeOnly ? 'type ' : ''}{ ${names.join(', ')} } from '${specifier}';`);
  }
  if (appended.length > 0) edits.push(appendLine(text, appended.join('\n')));
  return edits;
}

/** An edit that adds a line at the end of a text, on a line of its own. */
export function appendLine(text: string, line: string): TextEdit {
  const end = new LineIndex(text).positionAt(text.length);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const needsBreak = text.length > 0 && !text.endsWith('\n');
  return { range: { start: end, end }, newText: `${needsBreak ? eol : ''}${line}${eol}` };
}
