import * as path from 'node:path';
import { parseSourceFile } from '../graph/extract-imports';
import type { EditPlan } from '../model';
import { applyEdits } from './apply-edits';
import { exportsOf } from './exported-names';
import { type FixContext, FixError, publicEntryOf } from './fix';
import { appendLine } from './import-through-public-api';
import { relativeSpecifier } from './module-specifier';
import { moveStatements, topLevelStatementOf } from './typescript-move';

/** `computeDiscount` → `compute-discount`, `OrderSummary` → `order-summary`. */
export function kebabCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z])([A-Z][a-z])/g, '$1-$2')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .toLowerCase();
}

/** Why `name` in `file` cannot be moved on its own, if it cannot. */
export function whyNotMovable(ctx: FixContext, file: string, name: string): string | undefined {
  if (name.includes('.')) return `"${name}" is a method; extract it to a function first (TypeScript: Extract to function in module scope)`;
  const text = ctx.readFile(file);
  if (text === undefined) return 'the file cannot be read';
  if (!topLevelStatementOf(parseSourceFile(file, text), name)) {
    return `"${name}" is declared inside another function; extract it to module scope first (TypeScript: Extract to function in module scope)`;
  }
  return undefined;
}

/**
 * Moves a top-level declaration to `targetFile` with TypeScript's refactor (imports rewritten by
 * the compiler), then — when `exportFromDomainApi` — exports it from its domain's public API.
 */
export function moveDeclaration(ctx: FixContext, file: string, name: string, targetFile: string, exportFromDomainApi: boolean): EditPlan {
  const why = whyNotMovable(ctx, file, name);
  if (why) throw new FixError(why);
  if (!targetFile.startsWith(ctx.root + '/')) throw new FixError('the target is outside the workspace');
  const sf = parseSourceFile(file, ctx.readFile(file)!);
  const statement = topLevelStatementOf(sf, name)!;
  const plan = moveStatements(
    {
      readFile: ctx.readFile,
      fileExists: ctx.fileExists,
      compilerOptions: ctx.compilerOptions,
      relatedFiles: relatedFiles(ctx, file),
    },
    file,
    { pos: statement.getStart(sf), end: statement.end },
    targetFile,
  );
  const domain = ctx.model.membership(targetFile).domain;
  const entry = exportFromDomainApi && domain ? publicEntryOf(domain, ctx) : undefined;
  if (entry && entry !== targetFile) {
    const entryText = ctx.readFile(entry) ?? '';
    // TypeScript may already have re-pointed an export of the entry to the new file.
    const rewritten = plan.edits.find((e) => e.file === entry);
    if (!exportsOf(entry, rewritten ? applyEdits(entryText, rewritten.edits) : entryText).names.has(name)) {
      const line = `export { ${name} } from '${relativeSpecifier(entry, targetFile, false)}';`;
      if (rewritten) rewritten.edits.push(appendLine(entryText, line));
      else plan.edits.push({ file: entry, edits: [appendLine(entryText, line)] });
    }
  }
  return plan;
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
