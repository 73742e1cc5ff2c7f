import * as path from 'node:path';
import ts = require('typescript');
import { parseSourceFile } from '../graph/extract-imports';
import { isInsideDir } from '../host';
import type { EditPlan } from '../model';
import { minimalEdit } from '../text/changed-span';
import { applyEdits } from './apply-edits';
import { exportsOf } from './exported-names';
import { type FixContext, FixError, publicEntryOf } from './fix';
import { exportFromEdits } from './import-through-public-api';
import { relativeSpecifier } from './module-specifier';
import { moveStatements, topLevelStatementOf } from './typescript-move';

/** Names a top-level statement declares. */
function declaredNames(s: ts.Statement): string[] {
  if (ts.isVariableStatement(s)) return s.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  if ((ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s) || ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s) || ts.isEnumDeclaration(s)) && s.name) {
    return [s.name.text];
  }
  return [];
}

function identifiersIn(node: ts.Node): Set<string> {
  const names = new Set<string>();
  const visit = (n: ts.Node) => {
    if (ts.isIdentifier(n)) names.add(n.text);
    ts.forEachChild(n, visit);
  };
  visit(node);
  return names;
}

function containsJsx(node: ts.Node): boolean {
  let found = false;
  const visit = (n: ts.Node) => {
    if (found) return;
    if (ts.isJsxElement(n) || ts.isJsxSelfClosingElement(n) || ts.isJsxFragment(n)) found = true;
    else ts.forEachChild(n, visit);
  };
  visit(node);
  return found;
}

/** Frameworks that belong to the UI or the transport edge: code that needs them is not core logic yet. */
const EDGE_FRAMEWORKS = /^(react|react-dom|preact|vue|svelte|solid-js|next|@angular\/.+|@remix-run\/.+|express|fastify|koa|@koa\/.+|koa-router|hono|@nestjs\/.+|@hapi\/.+|axios|node-fetch|got|undici|amqplib|kafkajs|bullmq|ws|socket\.io)$/;

interface MoveSet {
  /** Names to move, the function last: what it needs goes first. */
  names: string[];
  reason?: string;
}

/**
 * The declaration and every local declaration it needs (helpers, constants, types): moved
 * together, so the core never imports back from the UI or integration file it came from.
 * Refused when the code renders JSX or needs something the target layer may not import.
 */
function moveSet(ctx: FixContext, file: string, name: string, targetLayer: string | undefined): MoveSet {
  if (name.includes('.')) return { names: [], reason: `"${name}" is a method; extract it to a function first (TypeScript: Extract to function in module scope)` };
  const text = ctx.readFile(file);
  if (text === undefined) return { names: [], reason: 'the file cannot be read' };
  const sf = parseSourceFile(file, text);
  if (!topLevelStatementOf(sf, name)) {
    return { names: [], reason: `"${name}" is declared inside another function; extract it to module scope first (TypeScript: Extract to function in module scope)` };
  }
  const statementOf = new Map<string, ts.Statement>();
  for (const s of sf.statements) for (const n of declaredNames(s)) statementOf.set(n, s);
  const importedFrom = new Map<string, string>();
  for (const s of sf.statements) {
    // Type-only imports count too: the layer rules see them as dependencies.
    if (!ts.isImportDeclaration(s) || !ts.isStringLiteral(s.moduleSpecifier)) continue;
    const clause = s.importClause;
    const bound = [clause?.name?.text, ...(clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements.map((e) => e.name.text) : []), clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings) ? clause.namedBindings.name.text : undefined];
    for (const b of bound) if (b) importedFrom.set(b, s.moduleSpecifier.text);
  }
  // The transitive closure of local declarations the declaration uses.
  const moving: string[] = [];
  const seen = new Set<string>();
  const visit = (n: string) => {
    if (seen.has(n)) return;
    seen.add(n);
    const statement = statementOf.get(n)!;
    for (const used of identifiersIn(statement)) if (statementOf.has(used) && !declaredNames(statement).includes(used)) visit(used);
    for (const declared of declaredNames(statement)) if (!moving.includes(declared)) moving.push(declared);
  };
  visit(name);
  for (const n of moving) {
    const statement = statementOf.get(n)!;
    if (containsJsx(statement)) {
      return { names: [], reason: `"${n}" renders JSX; extract the decision it makes into a function first (TypeScript: Extract to function in module scope), then move that` };
    }
    for (const used of identifiersIn(statement)) {
      const specifier = importedFrom.get(used);
      if (!specifier || !targetLayer) continue;
      const target = ctx.resolve(specifier, file);
      if (target.kind === 'external') {
        const pkg = target.packageName;
        if (targetLayer === 'core' && (EDGE_FRAMEWORKS.test(pkg) || ctx.config.adapterOnlyPackages.match(pkg) || ctx.config.databasePackages.match(pkg))) {
          return { names: [], reason: `"${n}" uses ${used} from "${pkg}", which belongs at the edge, not in the core; extract the decision into a plain function first (TypeScript: Extract to function in module scope), then move that` };
        }
        continue;
      }
      if (target.kind !== 'file') continue;
      const layer = ctx.model.membership(target.file).layer;
      if (layer && layer !== targetLayer && !ctx.config.layerDependencies.get(targetLayer)?.has(layer)) {
        return { names: [], reason: `"${n}" uses ${used} from ${path.posix.relative(ctx.root, target.file)} (${layer} layer), which the ${targetLayer} layer may not import` };
      }
    }
  }
  return { names: moving };
}

/** Why `name` in `file` cannot be moved into `targetFile`'s layer, if it cannot. */
export function whyNotMovable(ctx: FixContext, file: string, name: string, targetFile?: string): string | undefined {
  return moveSet(ctx, file, name, targetFile ? ctx.model.membership(targetFile).layer : undefined).reason;
}

/** Whether the relative `specifier`, written in `file`, names `target` (with or without its extension). */
function pointsAt(file: string, specifier: string, target: string): boolean {
  if (!specifier.startsWith('.')) return false;
  const base = path.posix.resolve(path.posix.dirname(file), specifier).replace(/\.(m|c)?js$/, '');
  return target.replace(/\.[^./]+$/, '') === base || target === base;
}

/** `text` without the statements of `remove`, each with the line end after it. */
function withoutStatements(sf: ts.SourceFile, text: string, remove: readonly ts.Statement[]): string {
  let out = text;
  for (const s of [...remove].sort((a, b) => b.end - a.end)) {
    const end = text[s.end] === '\n' ? s.end + 1 : text.startsWith('\r\n', s.end) ? s.end + 2 : s.end;
    out = out.slice(0, s.getStart(sf)) + out.slice(end);
  }
  return out;
}

function withoutSelfImports(file: string, text: string): string {
  const sf = parseSourceFile(file, text);
  const selfImports = sf.statements.filter((s) => ts.isImportDeclaration(s) && ts.isStringLiteral(s.moduleSpecifier) && pointsAt(file, s.moduleSpecifier.text, file));
  const out = withoutStatements(sf, text, selfImports);
  // The blank line that separated the removed imports from the code would open the file.
  return selfImports.length > 0 ? out.replace(/^(?:[ \t]*\r?\n)+/, '') : out;
}

/**
 * Moving in steps imports the target once per step (`import { handleRefund } from '../core/x'`,
 * then `import { type RefundRequest } from '../core/x'`): the named imports of it become one.
 */
function withMergedImportsOf(file: string, text: string, target: string): string {
  const sf = parseSourceFile(file, text);
  const named = sf.statements.filter(
    (s): s is ts.ImportDeclaration =>
      ts.isImportDeclaration(s) &&
      ts.isStringLiteral(s.moduleSpecifier) &&
      pointsAt(file, s.moduleSpecifier.text, target) &&
      !!s.importClause &&
      !s.importClause.name &&
      !s.importClause.isTypeOnly &&
      !!s.importClause.namedBindings &&
      ts.isNamedImports(s.importClause.namedBindings),
  );
  if (named.length < 2) return text;
  const [first, ...rest] = named;
  const bindings = first.importClause!.namedBindings as ts.NamedImports;
  const elements = named.flatMap((s) => (s.importClause!.namedBindings as ts.NamedImports).elements.map((e) => e.getText(sf)));
  // The others come after the first, so taking them out leaves the first where it was.
  const kept = withoutStatements(sf, text, rest);
  return `${kept.slice(0, bindings.getStart(sf))}{ ${elements.join(', ')} }${kept.slice(bindings.end)}`;
}

/**
 * A file the move created, with a blank line between its declarations as people write them:
 * each step's statement lands right against the one before.
 */
function withBlankLinesBetween(file: string, text: string): string {
  const sf = parseSourceFile(file, text);
  let out = text;
  for (let i = sf.statements.length - 1; i > 0; i--) {
    const [previous, statement] = [sf.statements[i - 1], sf.statements[i]];
    if (ts.isImportDeclaration(previous) && ts.isImportDeclaration(statement)) continue;
    const gap = /^[ \t]*\r?\n/.exec(text.slice(previous.end));
    if (gap && !/^[ \t]*\r?\n/.test(text.slice(previous.end + gap[0].length))) {
      const at = previous.end + gap[0].length;
      out = `${out.slice(0, at)}${gap[0].includes('\r') ? '\r\n' : '\n'}${out.slice(at)}`;
    }
  }
  return out;
}

/**
 * Moves a top-level declaration (with the local declarations it needs) to `targetFile` with
 * TypeScript's refactor — imports rewritten by the compiler, one move at a time on in-memory
 * text — then, when `exportFromDomainApi`, exports it from its domain's public API.
 */
export function moveDeclaration(ctx: FixContext, file: string, name: string, targetFile: string, exportFromDomainApi: boolean): EditPlan {
  if (!isInsideDir(targetFile, ctx.root)) throw new FixError('the target is outside the workspace');
  const set = moveSet(ctx, file, name, ctx.model.membership(targetFile).layer);
  if (set.reason) throw new FixError(set.reason);
  const texts = new Map<string, string | undefined>();
  const read = (f: string) => (texts.has(f) ? texts.get(f) : ctx.readFile(f));
  const originals = new Map<string, string | undefined>();
  const remember = (f: string) => originals.has(f) || originals.set(f, ctx.readFile(f));
  for (const n of set.names) {
    const sf = parseSourceFile(file, read(file)!);
    const statement = topLevelStatementOf(sf, n) ?? sf.statements.find((s) => declaredNames(s).includes(n));
    // A statement declaring several names moves once.
    if (!statement) continue;
    const plan = moveStatements(
      { readFile: read, fileExists: (f) => read(f) !== undefined, compilerOptions: ctx.compilerOptions, relatedFiles: relatedFiles(ctx, file) },
      file,
      { pos: statement.getStart(sf), end: statement.end },
      targetFile,
    );
    for (const c of plan.creates) {
      remember(c.file);
      texts.set(c.file, c.text);
    }
    for (const e of plan.edits) {
      remember(e.file);
      texts.set(e.file, applyEdits(read(e.file) ?? '', e.edits));
    }
  }
  // Moving in steps can leave the target importing names from itself (what an earlier step moved
  // there), and every other file importing it once per step.
  for (const [f, text] of texts) {
    if (text === undefined) continue;
    if (f === targetFile) texts.set(f, withoutSelfImports(f, text));
    else if (set.names.length > 1) texts.set(f, withMergedImportsOf(f, text, targetFile));
  }
  const domain = ctx.model.membership(targetFile).domain;
  const entry = exportFromDomainApi && domain ? publicEntryOf(domain, ctx) : undefined;
  if (entry && entry !== targetFile && !exportsOf(entry, read(entry) ?? '').names.has(name)) {
    remember(entry);
    texts.set(entry, applyEdits(read(entry) ?? '', exportFromEdits(entry, read(entry) ?? '', new Map([[relativeSpecifier(entry, targetFile, false), [name]]]), false)));
  }
  const result: EditPlan = { edits: [], creates: [], deletes: [] };
  for (const [f, before] of originals) {
    const after = texts.get(f) ?? '';
    if (before === undefined) result.creates.push({ file: f, text: withBlankLinesBetween(f, after) });
    else if (before !== after) result.edits.push({ file: f, edits: [minimalEdit(before, after)] });
  }
  // A file the move emptied would stay behind as a blank module; one with a comment left is kept.
  if (read(file)?.trim() === '') result.deletes.push({ file });
  return result;
}

export function workspaceRelative(ctx: FixContext, file: string): string {
  return path.posix.relative(ctx.root, file);
}

/**
 * What the move's program needs besides the file: its importers (to rewrite them) and the
 * workspace's declaration files (ambient `declare module`s, so imports of packages are known).
 */
export function relatedFiles(ctx: FixContext, file: string): string[] {
  return [...ctx.graph.importersOf(file), ...ctx.files().filter((f) => /\.d\.[mc]?ts$/.test(f))];
}
