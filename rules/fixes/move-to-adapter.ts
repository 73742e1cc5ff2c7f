import ts = require('typescript');
import { parseSourceFile } from '../graph/extract-imports';
import type { Finding } from '../model';
import { referencesAny } from '../semantic/syntax';
import { type Fix, type FixContext, FixError } from './fix';
import { relatedFiles, workspaceRelative } from './move-declaration';
import { kebabCase } from './names';
import { moveStatements } from './typescript-move';

/** Where SDK code goes: the integration layer for third-party SDKs, the data layer for database clients. */
const LAYER_OF_RULE: Record<string, 'integration' | 'data'> = {
  'third-party-outside-adapter': 'integration',
  'database-access-outside-data-layer': 'data',
};

interface MovePlan {
  range?: { pos: number; end: number };
  target?: string;
  names?: string[];
  reason?: string;
}

/** Local names an import declaration binds (`Stripe`, `{ Pool as P }` → P, `* as pg` → pg). */
function boundNames(declaration: ts.ImportDeclaration): string[] {
  const clause = declaration.importClause;
  const names: string[] = [];
  if (clause?.name) names.push(clause.name.text);
  const bindings = clause?.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) names.push(bindings.name.text);
  if (bindings && ts.isNamedImports(bindings)) for (const e of bindings.elements) names.push(e.name.text);
  return names;
}

/** The first static folder of a layer's globs (`adapters/**` → adapters). */
function folderOfLayer(ctx: FixContext, layer: string): string | undefined {
  for (const glob of ctx.config.layers.find((l) => l.name === layer)?.globs ?? []) {
    const first = glob.split('/')[0];
    if (first && glob.includes('/') && !/[*?{[]/.test(first)) return first;
  }
  return undefined;
}

function plan(finding: Finding, ctx: FixContext): MovePlan {
  const layer = LAYER_OF_RULE[finding.ruleId];
  const pkg = String(finding.data?.package ?? '');
  const domain = ctx.model.membership(finding.file).domain;
  const text = ctx.readFile(finding.file);
  if (!layer || !domain || text === undefined) return { reason: 'the file cannot be read' };
  const sf = parseSourceFile(finding.file, text);
  const declaration = sf.statements.find(
    (s): s is ts.ImportDeclaration => ts.isImportDeclaration(s) && sf.getLineAndCharacterOfPosition(s.moduleSpecifier.getStart(sf)).line === finding.range.start.line,
  );
  if (!declaration) return { reason: `only an import declaration of "${pkg}" can be moved with the code that uses it` };
  const names = new Set(boundNames(declaration));
  const users = sf.statements.filter((s) => !ts.isImportDeclaration(s) && referencesAny(s, names));
  if (users.length === 0) return { reason: `nothing in this file uses "${pkg}"; remove the import` };
  const first = sf.statements.indexOf(users[0]);
  const last = sf.statements.indexOf(users[users.length - 1]);
  if (last - first + 1 !== users.length) {
    return { reason: `the code that uses "${pkg}" is spread over the file; move it one declaration at a time (TypeScript: Move to file)` };
  }
  // Reuse an adapter of the same domain that already wraps this package.
  const existing = ctx
    .files()
    .find((f) => f !== finding.file && ctx.model.membership(f).domain === domain && ctx.model.membership(f).layer === layer && ctx.graph.importsOf(f).some((i) => i.target.kind === 'external' && i.target.packageName === pkg));
  const folder = folderOfLayer(ctx, layer) ?? (layer === 'data' ? 'data' : 'adapters');
  const stem = layer === 'data' ? `${kebabCase(finding.file.replace(/^.*\//, '').replace(/\.[^.]+$/, ''))}-repository` : kebabCase(pkg.split('/').pop() ?? pkg);
  const target = existing ?? `${domain.dir}/${folder}/${stem}.ts`;
  if (ctx.model.membership(target).layer !== layer) return { reason: `no folder of the ${layer} layer is known in domain "${domain.name}" (see "layers" in foundations.json)` };
  return { range: { pos: users[0].getStart(sf), end: users[users.length - 1].end }, target, names: [...names] };
}

export const moveToAdapter: Fix = {
  id: 'move-to-adapter',
  rules: Object.keys(LAYER_OF_RULE),
  offer(finding, ctx) {
    const p = plan(finding, ctx);
    const pkg = String(finding.data?.package ?? 'the SDK');
    const layer = LAYER_OF_RULE[finding.ruleId];
    if (!p.target) return { fixId: this.id, title: `Move the code that uses "${pkg}" to the ${layer} layer`, kind: 'refactor.move', disabledReason: p.reason };
    const reuse = ctx.fileExists(p.target) ? 'into the existing ' : 'to ';
    return { fixId: this.id, title: `Move the code that uses "${pkg}" ${reuse}${workspaceRelative(ctx, p.target)} (${layer} layer)`, kind: 'refactor.move', isPreferred: true };
  },
  edit(finding, ctx) {
    const p = plan(finding, ctx);
    if (!p.range || !p.target) throw new FixError(p.reason ?? 'the fix no longer applies');
    return moveStatements({ readFile: ctx.readFile, fileExists: ctx.fileExists, compilerOptions: ctx.compilerOptions, relatedFiles: relatedFiles(ctx, finding.file) }, finding.file, p.range, p.target);
  },
};
