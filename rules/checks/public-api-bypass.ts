import { describePublicApi } from '../config/config';
import type { FileRule } from './rule';
import { targetMembership } from './rule';

export const publicApiBypass: FileRule = {
  id: 'public-api-bypass',
  scope: 'file',
  foundation: 'integration-boundaries',
  defaultSeverity: 'error',
  description: "An import reaches into another domain's internals instead of its public API.",
  rationale:
    "A domain's public API is its contract with the rest of the system: what it exports there it promises to keep working; everything else it may change freely. An import of an internal file turns an implementation detail into a dependency, so a refactoring inside one domain breaks another. APIs treated as contracts, even inside one deployable, are what keep the domains independently changeable.",
  help: "Import from the domain's public API (its `index.ts`, or the files listed in `publicApi`); if what you need is not exported there, export it from the public API first — that is a decision for the owning domain.",
  check(ctx) {
    const from = ctx.membership.domain;
    if (!from) return;
    for (const imp of ctx.imports) {
      const target = targetMembership(ctx, imp);
      const to = target?.domain;
      if (!target || !to || to === from || target.isPublicApi) continue;
      ctx.report({
        range: imp.range,
        message: `"${target.workspaceRelative}" is internal to domain "${to.name}"; import it through the public API of "${to.name}" (${describePublicApi(to)}).`,
        domains: { from: from.name, to: to.name },
        data: { specifier: imp.specifier, target: target.workspaceRelative, names: imp.names },
      });
    }
  },
};
