import type { Finding } from '../model';
import { type Fix, type FixContext, FixError } from './fix';
import { moveDeclaration, whyNotMovable, workspaceRelative } from './move-declaration';
import { kebabCase } from './names';

const LOGIC_RULES = ['logic-in-ui', 'logic-in-integration'];

function subject(finding: Finding): { name: string; folder: string } | undefined {
  const name = finding.data?.function;
  const folder = finding.data?.targetFolder;
  return typeof name === 'string' && typeof folder === 'string' ? { name, folder } : undefined;
}

function absolute(ctx: FixContext, relative: string): string {
  return relative.startsWith('/') ? relative : `${ctx.root}/${relative}`;
}

/** The engine's choice: a new file named after the function in the domain's core folder. */
function defaultTarget(ctx: FixContext, finding: Finding): string | undefined {
  const s = subject(finding);
  return s && `${absolute(ctx, s.folder)}/${kebabCase(s.name)}.ts`;
}

/**
 * Core files of the domain that could receive the function. Files the function's own file
 * imports are left out: TypeScript's move into a file the moved code depends on makes that
 * file import itself.
 */
function existingCoreFiles(ctx: FixContext, finding: Finding): string[] {
  const s = subject(finding);
  if (!s) return [];
  const folder = absolute(ctx, s.folder);
  const dependencies = new Set(ctx.graph.importsOf(finding.file).flatMap((i) => (i.target.kind === 'file' ? [i.target.file] : [])));
  return ctx.files().filter((f) => f.startsWith(folder + '/') && /\.[mc]?ts$/.test(f) && !f.endsWith('.d.ts') && !dependencies.has(f));
}

export const moveToCore: Fix = {
  id: 'move-to-core',
  rules: LOGIC_RULES,
  offer(finding, ctx) {
    const s = subject(finding);
    const target = defaultTarget(ctx, finding);
    if (!s || !target) return undefined;
    const why = whyNotMovable(ctx, finding.file, s.name, target);
    const title = `Move "${s.name}" to ${workspaceRelative(ctx, target)} (domain core)`;
    return { fixId: this.id, title, kind: 'refactor.move', isPreferred: !why, ...(why ? { disabledReason: why } : {}) };
  },
  edit(finding, ctx) {
    const s = subject(finding);
    const target = defaultTarget(ctx, finding);
    if (!s || !target) throw new FixError('the finding does not say what to move');
    return moveDeclaration(ctx, finding.file, s.name, target, true);
  },
};

export const moveToExistingCoreFile: Fix = {
  id: 'move-to-existing-core-file',
  rules: LOGIC_RULES,
  offer(finding, ctx) {
    const s = subject(finding);
    const choices = existingCoreFiles(ctx, finding).map((f) => workspaceRelative(ctx, f));
    if (!s || choices.length === 0 || whyNotMovable(ctx, finding.file, s.name, `${ctx.root}/${choices[0]}`)) return undefined;
    return { fixId: this.id, title: `Move "${s.name}" to an existing core file…`, kind: 'refactor.move', input: { kind: 'pick-file', prompt: `Core file of the domain to move "${s.name}" into`, choices } };
  },
  edit(finding, ctx, args) {
    const s = subject(finding);
    if (!s || !args.file) throw new FixError('no target file was chosen');
    const target = absolute(ctx, args.file);
    if (!existingCoreFiles(ctx, finding).includes(target)) throw new FixError(`${args.file} is not a core file of the domain`);
    return moveDeclaration(ctx, finding.file, s.name, target, true);
  },
};
