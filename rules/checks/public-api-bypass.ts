import { describePublicApi } from '../config/config';
import type { Membership } from '../workspace/workspace-model';
import type { FileRule, FileRuleContext } from './rule';
import { targetMembership } from './rule';

/**
 * The public API file that passes on the whole of `file` (`export * from './Req'`, `export * as Req
 * from './Req'`), directly or through barrels it passes on whole in turn; undefined when the public
 * API exports only some of the file, or none of it.
 */
function publicApiExportingAllOf(ctx: FileRuleContext, file: string, domain: Membership['domain']): string | undefined {
  const seen = new Set([file]);
  const queue = [file];
  for (let current = queue.shift(); current !== undefined; current = queue.shift()) {
    for (const importer of ctx.graph.importersOf(current)) {
      if (seen.has(importer)) continue;
      const m = ctx.model.membership(importer);
      if (m.domain !== domain) continue;
      const passesAllOn = ctx.graph.importsOf(importer).some((i) => i.kind === 'export' && !i.typeOnly && i.names.includes('*') && i.target.kind === 'file' && i.target.file === current);
      if (!passesAllOn) continue;
      if (m.isPublicApi) return importer;
      seen.add(importer);
      queue.push(importer);
    }
  }
  return undefined;
}

export const publicApiBypass: FileRule = {
  id: 'public-api-bypass',
  scope: 'file',
  foundation: 'integration-boundaries',
  defaultSeverity: 'error',
  description: "An import reaches into another domain's internals instead of its public API.",
  rationale:
    "A domain's public API is its contract with the rest of the system: what it exports there it promises to keep working; everything else it may change freely. An import of an internal file turns an implementation detail into a dependency, so a refactoring inside one domain breaks another. APIs treated as contracts, even inside one deployable, are what keep the domains independently changeable. A file the public API re-exports whole (`export * from './Req'`, `export * as Req from './Req'`) is part of the contract, not internal: importing it directly only goes around the entry point, which ties the importer to where the domain keeps that file. That is reported one severity lower than the rule's (a warning when the rule is an error).",
  help: "Import from the domain's public API (its `index.ts`, or the files listed in `publicApi`); if what you need is not exported there, export it from the public API first — that is a decision for the owning domain.",
  check(ctx) {
    const from = ctx.membership.domain;
    if (!from) return;
    for (const imp of ctx.imports) {
      const target = targetMembership(ctx, imp);
      const to = target?.domain;
      if (!target || !to || to === from || target.isPublicApi || imp.target.kind !== 'file') continue;
      const entry = publicApiExportingAllOf(ctx, imp.target.file, to);
      const report = { range: imp.range, domains: { from: from.name, to: to.name }, data: { specifier: imp.specifier, target: target.workspaceRelative, names: imp.names } };
      if (entry) {
        const entryFile = ctx.model.membership(entry).workspaceRelative;
        ctx.report({
          ...report,
          milder: true,
          message: `"${target.workspaceRelative}" is part of the public API of domain "${to.name}" (${entryFile} re-exports all of it), but this import goes around that entry point; import it from ${describePublicApi(to)}, so "${to.name}" can move the file.`,
          data: { ...report.data, publicApi: entryFile },
        });
        continue;
      }
      ctx.report({
        ...report,
        message: `"${target.workspaceRelative}" is internal to domain "${to.name}"; import it through the public API of "${to.name}" (${describePublicApi(to)}).`,
      });
    }
  },
};
