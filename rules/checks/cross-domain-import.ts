import type { FileRule } from './rule';
import { targetMembership } from './rule';

export const crossDomainImport: FileRule = {
  id: 'cross-domain-import',
  scope: 'file',
  foundation: 'clean-architecture',
  defaultSeverity: 'error',
  description: 'A domain imports a domain it has not declared in `dependsOn`.',
  rationale:
    'Clear domain boundaries are what let a modular monolith evolve without a rewrite: each domain can be understood, tested, owned and one day extracted on its own. Every undeclared import between domains is coupling nobody decided on; a few of them and the "modules" are a big ball of mud with folders. Declaring dependencies makes the architecture explicit and reviewable: adding a dependency becomes a visible change to foundations.json instead of a side effect of an import.',
  help: 'Depend on the domain deliberately (add it to `dependsOn` in foundations.json), move the code to the domain that owns it, or invert the dependency (the other domain calls you through an interface or an event).',
  check(ctx) {
    const from = ctx.membership.domain;
    if (!from) return;
    const ignoreTypeOnly = ctx.options.ignoreTypeOnly === true;
    for (const imp of ctx.imports) {
      const target = targetMembership(ctx, imp);
      const to = target?.domain;
      if (!target || !to || to === from || from.dependsOn.includes(to.name)) continue;
      if (ignoreTypeOnly && imp.typeOnly) continue;
      ctx.report({
        range: imp.range,
        message: `Domain "${from.name}" imports domain "${to.name}", which "${from.name}" does not declare in dependsOn.`,
        domains: { from: from.name, to: to.name },
        data: { specifier: imp.specifier, target: target.workspaceRelative },
      });
    }
  },
};
