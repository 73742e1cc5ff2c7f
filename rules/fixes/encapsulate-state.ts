import ts = require('typescript');
import { parseSourceFile } from '../graph/extract-imports';
import type { EditPlan, Finding, Range, TextEdit } from '../model';
import { LineIndex } from '../text/line-index';
import { exportsOf } from './exported-names';
import { type Fix, type FixContext, FixError } from './fix';
import { appendLine, exportFromEdits } from './import-through-public-api';
import { relativeSpecifier, usesJsExtension } from './module-specifier';
import { capitalize } from './names';
import { referencesOf } from './references';

/**
 * Encapsulating shared state: a change another domain makes to exported state
 * (`cartItems.push(item)`, `settings.theme = 'dark'`) becomes a call of a function the owning
 * module exports (`pushCartItems(item)`, `setSettingsTheme('dark')`), so the owner is the only
 * one writing its state.
 */


interface SiteChange {
  siteFile: string;
  replacement: TextEdit;
  /** The state's name as the site file imports it. */
  local: string;
  /** The named imports (`{ … }`) of the state in the site file: the function's name joins them, and the state's leaves them when nothing else uses it. */
  importClause: { range: Range; names: string[]; texts: string[] };
  functionName: string;
  ownerFile: string;
  functionText: string;
  /** The public API file the site imports through, when it is not the owner itself. */
  barrel?: string;
}

function nodeAt(sf: ts.SourceFile, offset: number): ts.ExpressionStatement | undefined {
  let found: ts.ExpressionStatement | undefined;
  const visit = (node: ts.Node) => {
    if (offset < node.getStart(sf) || offset >= node.end) return;
    if (ts.isExpressionStatement(node)) found = node;
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return found;
}

/** `a.b.c` → { root: 'a', path: ['b', 'c'] } for a chain of property accesses on an identifier. */
function chainOf(node: ts.Expression): { root: string; path: string[] } | undefined {
  const path: string[] = [];
  let current = node;
  while (ts.isPropertyAccessExpression(current)) {
    path.unshift(current.name.text);
    current = current.expression;
  }
  return ts.isIdentifier(current) ? { root: current.text, path } : undefined;
}

interface Shape {
  local: string;
  functionName: string;
  functionText: string;
  call: string;
}

const COMPOUND: Partial<Record<ts.SyntaxKind, string>> = {
  [ts.SyntaxKind.EqualsToken]: 'set',
  [ts.SyntaxKind.PlusEqualsToken]: 'addTo',
  [ts.SyntaxKind.MinusEqualsToken]: 'subtractFrom',
};

/** The owner-side function and the call that replaces one statement changing the state, when the statement has a shape we can rewrite. */
function changeShape(expr: ts.Expression, sf: ts.SourceFile, state: string): Shape | undefined {
  const doc = `/** Changes ${state} on behalf of other domains, so ${state} has one writer. */\n`;
  const named = (verb: string, path: string[]) => `${verb}${capitalize(state)}${path.map(capitalize).join('')}`;
  const text = (n: ts.Node) => n.getText(sf);
  // Object.assign(x, patch)
  if (ts.isCallExpression(expr) && ts.isPropertyAccessExpression(expr.expression) && expr.expression.getText(sf) === 'Object.assign' && expr.arguments.length === 2) {
    const chain = chainOf(expr.arguments[0]);
    if (!chain) return undefined;
    const functionName = named('assign', chain.path);
    const target = [state, ...chain.path].join('.');
    return { local: chain.root, functionName, functionText: `${doc}export function ${functionName}(patch: Partial<typeof ${target}>): void {\n  Object.assign(${target}, patch);\n}`, call: `${functionName}(${text(expr.arguments[1])})` };
  }
  // x.push(…), x.a.set(…)
  if (ts.isCallExpression(expr) && ts.isPropertyAccessExpression(expr.expression)) {
    const chain = chainOf(expr.expression);
    if (!chain || chain.path.length === 0) return undefined;
    const method = chain.path[chain.path.length - 1];
    const owner = [state, ...chain.path].join('.');
    const functionName = named(method, chain.path.slice(0, -1));
    return {
      local: chain.root,
      functionName,
      functionText: `${doc}export function ${functionName}(...args: Parameters<typeof ${owner}>): ReturnType<typeof ${owner}> {\n  return ${owner}(...args);\n}`,
      call: `${functionName}(${expr.arguments.map(text).join(', ')})`,
    };
  }
  // x.p = v, x.p += v, x[k] = v
  if (ts.isBinaryExpression(expr) && COMPOUND[expr.operatorToken.kind]) {
    const verb = COMPOUND[expr.operatorToken.kind]!;
    const operator = expr.operatorToken.getText(sf);
    if (ts.isPropertyAccessExpression(expr.left)) {
      const chain = chainOf(expr.left);
      if (!chain) return undefined;
      const functionName = named(verb, chain.path);
      const target = [state, ...chain.path].join('.');
      const type = `(typeof ${state})${chain.path.map((p) => `['${p}']`).join('')}`;
      return { local: chain.root, functionName, functionText: `${doc}export function ${functionName}(value: ${type}): void {\n  ${target} ${operator} value;\n}`, call: `${functionName}(${text(expr.right)})` };
    }
    if (ts.isElementAccessExpression(expr.left) && verb === 'set') {
      const chain = chainOf(expr.left.expression);
      if (!chain) return undefined;
      const functionName = named('set', [...chain.path, 'entry']);
      const container = [state, ...chain.path].join('.');
      return {
        local: chain.root,
        functionName,
        functionText: `${doc}export function ${functionName}(key: keyof typeof ${container}, value: (typeof ${container})[keyof typeof ${container}]): void {\n  ${container}[key] = value;\n}`,
        call: `${functionName}(${text(expr.left.argumentExpression)}, ${text(expr.right)})`,
      };
    }
    return undefined;
  }
  // x.p++, --x.p
  if ((ts.isPostfixUnaryExpression(expr) || ts.isPrefixUnaryExpression(expr)) && ts.isPropertyAccessExpression(expr.operand)) {
    const chain = chainOf(expr.operand);
    if (!chain) return undefined;
    const increment = expr.operator === ts.SyntaxKind.PlusPlusToken;
    if (!increment && expr.operator !== ts.SyntaxKind.MinusMinusToken) return undefined;
    const functionName = named(increment ? 'increment' : 'decrement', chain.path);
    return { local: chain.root, functionName, functionText: `${doc}export function ${functionName}(): void {\n  ${[state, ...chain.path].join('.')}${increment ? '++' : '--'};\n}`, call: `${functionName}()` };
  }
  // delete x.p
  if (ts.isDeleteExpression(expr) && ts.isPropertyAccessExpression(expr.expression)) {
    const chain = chainOf(expr.expression);
    if (!chain) return undefined;
    const functionName = named('delete', chain.path);
    return { local: chain.root, functionName, functionText: `${doc}export function ${functionName}(): void {\n  delete ${[state, ...chain.path].join('.')};\n}`, call: `${functionName}()` };
  }
  return undefined;
}

function siteChange(finding: Finding, ctx: FixContext): SiteChange {
  const state = finding.data?.state;
  const declaredIn = finding.data?.declaredIn;
  if (typeof state !== 'string' || typeof declaredIn !== 'string') throw new FixError('only a change made from another domain can be encapsulated here');
  const ownerFile = `${ctx.root}/${declaredIn}`;
  const text = ctx.readFile(finding.file);
  const ownerText = ctx.readFile(ownerFile);
  if (text === undefined || ownerText === undefined) throw new FixError('a file involved cannot be read');
  const sf = parseSourceFile(finding.file, text);
  const lines = new LineIndex(text);
  const offset = sf.getPositionOfLineAndCharacter(finding.range.start.line, finding.range.start.character);
  const statement = nodeAt(sf, offset);
  const shape = statement && changeShape(statement.expression, sf, state);
  if (!shape) {
    throw new FixError('only a change written directly on the imported state (x.push(…), x.p = v, x.p += v, x.p++, x[k] = v, delete x.p, Object.assign(x, …)) can be rewritten automatically; export a function from the owning module that makes this change');
  }
  const { local, functionName, functionText, call } = shape;
  const expr = statement.expression;
  const declaration = sf.statements.find(
    (s): s is ts.ImportDeclaration =>
      ts.isImportDeclaration(s) &&
      !!s.importClause?.namedBindings &&
      ts.isNamedImports(s.importClause.namedBindings) &&
      s.importClause.namedBindings.elements.some((e) => e.name.text === local),
  );
  if (!declaration || !ts.isStringLiteral(declaration.moduleSpecifier)) throw new FixError(`"${local}" is not imported by name here (a namespace or default import cannot be rewritten automatically)`);
  const elements = (declaration.importClause!.namedBindings as ts.NamedImports).elements;
  const target = ctx.resolve(declaration.moduleSpecifier.text, finding.file);
  if (target.kind !== 'file') throw new FixError('the import of the state does not resolve');
  let barrel: string | undefined;
  if (target.file !== ownerFile) {
    const exported = exportsOf(target.file, ctx.readFile(target.file) ?? '');
    const throughStar = exported.starFrom.some((s) => {
      const r = ctx.resolve(s, target.file);
      return r.kind === 'file' && r.file === ownerFile;
    });
    if (!throughStar) barrel = target.file;
  }
  const clause = declaration.importClause!.namedBindings as ts.NamedImports;
  return {
    siteFile: finding.file,
    replacement: { range: lines.rangeOf(expr.getStart(sf), expr.end), newText: call },
    local,
    importClause: { range: lines.rangeOf(clause.getStart(sf), clause.end), names: elements.map((e) => e.name.text), texts: elements.map((e) => e.getText(sf)) },
    functionName,
    ownerFile,
    functionText,
    barrel,
  };
}

/** Whether `name` is referred to in a file outside its imports and the given ranges. */
function usedOutside(file: string, text: string, name: string, ranges: Range[]): boolean {
  const sf = parseSourceFile(file, text);
  const offset = (p: Range['start']) => sf.getPositionOfLineAndCharacter(p.line, p.character);
  const offsets = ranges.map((r) => ({ start: offset(r.start), end: offset(r.end) }));
  return referencesOf(sf, name).some(({ node }) => !offsets.some((o) => node.getStart(sf) >= o.start && node.getStart(sf) < o.end));
}

/** One edit for any number of site changes: replacements, imports, owner functions and public API exports merged per file. */
function combine(changes: SiteChange[], ctx: FixContext): EditPlan {
  const edits = new Map<string, TextEdit[]>();
  const push = (file: string, edit: TextEdit) => edits.set(file, [...(edits.get(file) ?? []), edit]);
  const imports = new Map<string, { change: SiteChange; added: Set<string>; replaced: TextEdit[] }>();
  const functions = new Map<string, Map<string, string>>();
  const barrels = new Map<string, Map<string, Set<string>>>();
  for (const c of changes) {
    push(c.siteFile, c.replacement);
    const key = `${c.siteFile}#${JSON.stringify(c.importClause.range.start)}`;
    const entry = imports.get(key) ?? { change: c, added: new Set<string>(), replaced: [] };
    if (!c.importClause.names.includes(c.functionName)) entry.added.add(c.functionName);
    entry.replaced.push(c.replacement);
    imports.set(key, entry);
    const ownerText = ctx.readFile(c.ownerFile) ?? '';
    if (!new RegExp(`function ${c.functionName}\\(`).test(ownerText)) {
      const fns = functions.get(c.ownerFile) ?? new Map<string, string>();
      fns.set(c.functionName, c.functionText);
      functions.set(c.ownerFile, fns);
    }
    if (c.barrel && !exportsOf(c.barrel, ctx.readFile(c.barrel) ?? '').names.has(c.functionName)) {
      const specifier = relativeSpecifier(c.barrel, c.ownerFile, usesJsExtension(ctx.readFile(c.barrel) ?? ''));
      const bySpecifier = barrels.get(c.barrel) ?? new Map<string, Set<string>>();
      bySpecifier.set(specifier, (bySpecifier.get(specifier) ?? new Set()).add(c.functionName));
      barrels.set(c.barrel, bySpecifier);
    }
  }
  for (const { change, added, replaced } of imports.values()) {
    const { names, texts, range } = change.importClause;
    // The state's import is left behind unused when every use of it here was a change now made by a
    // call (whose arguments may still read it: `spliceCartItems(0, cartItems.length)`).
    const stillRead = new RegExp(`(?<![.\\w$])${change.local.replace(/\$/g, '\\$')}(?![\\w$])`);
    const used = replaced.some((r) => stillRead.test(r.newText)) || usedOutside(change.siteFile, ctx.readFile(change.siteFile) ?? '', change.local, replaced.map((r) => r.range));
    const unused = used ? undefined : change.local;
    if (added.size === 0 && !unused) continue;
    const kept = texts.filter((_, i) => names[i] !== unused);
    push(change.siteFile, { range, newText: `{ ${[...kept, ...added].join(', ')} }` });
  }
  for (const [owner, fns] of functions) push(owner, appendLine(ctx.readFile(owner) ?? '', `\n${[...fns.values()].join('\n\n')}`));
  for (const [barrel, bySpecifier] of barrels) {
    const exports = new Map([...bySpecifier].map(([specifier, names]) => [specifier, [...names]]));
    for (const edit of exportFromEdits(barrel, ctx.readFile(barrel) ?? '', exports, false)) push(barrel, edit);
  }
  return { edits: [...edits].map(([file, e]) => ({ file, edits: e })), creates: [], deletes: [] };
}

export const encapsulateChange: Fix = {
  id: 'encapsulate-change',
  rules: ['shared-mutable-state'],
  offer(finding, ctx) {
    if (typeof finding.data?.declaredIn !== 'string') return undefined;
    const title = `Make this change through a function of "${String(finding.domains?.to)}"`;
    try {
      const c = siteChange(finding, ctx);
      return { fixId: this.id, title: `Call ${c.functionName}() of "${String(finding.domains?.to)}" instead of changing ${String(finding.data.state)} here`, kind: 'refactor.rewrite', isPreferred: true };
    } catch (err) {
      return { fixId: this.id, title, kind: 'refactor.rewrite', disabledReason: (err as Error).message };
    }
  },
  edit(finding, ctx) {
    return combine([siteChange(finding, ctx)], ctx);
  },
};

/** The sites of an export-level finding, as the findings reported where each change happens. */
function siteFindings(finding: Finding, ctx: FixContext): Finding[] {
  const sites = (finding.data?.sites ?? []) as { file: string; line: number }[];
  return sites.flatMap((s) =>
    ctx.findingsFor(`${ctx.root}/${s.file}`).filter((f) => f.ruleId === finding.ruleId && f.range.start.line === s.line - 1 && f.data?.state === finding.data?.state),
  );
}

export const encapsulateState: Fix = {
  id: 'encapsulate-state',
  rules: ['shared-mutable-state'],
  offer(finding, ctx) {
    if (!Array.isArray(finding.data?.sites)) return undefined;
    const state = String(finding.data?.state);
    const title = `Encapsulate ${state}: route every change from other domains through functions of this module`;
    const sites = siteFindings(finding, ctx);
    const problems = sites.flatMap((s) => {
      try {
        siteChange(s, ctx);
        return [];
      } catch (err) {
        return [`${s.file.slice(ctx.root.length + 1)}:${s.range.start.line + 1}: ${(err as Error).message}`];
      }
    });
    if (sites.length === 0) return { fixId: this.id, title, kind: 'refactor.rewrite', disabledReason: 'the changes from other domains were not found' };
    if (problems.length > 0) return { fixId: this.id, title, kind: 'refactor.rewrite', disabledReason: problems[0] };
    return { fixId: this.id, title: `${title} (${sites.length} place${sites.length === 1 ? '' : 's'})`, kind: 'refactor.rewrite', isPreferred: true };
  },
  edit(finding, ctx) {
    const sites = siteFindings(finding, ctx);
    if (sites.length === 0) throw new FixError('the changes from other domains were not found');
    return combine(sites.map((s) => siteChange(s, ctx)), ctx);
  },
};
