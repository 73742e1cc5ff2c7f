import { packageNameOf } from '../config/config';
import { typeOnlyUses } from '../semantic/type-only-imports';
import type { FileRule } from './rule';

export const databaseAccessOutsideDataLayer: FileRule = {
  id: 'database-access-outside-data-layer',
  scope: 'file',
  foundation: 'integration-boundaries',
  defaultSeverity: 'error',
  description: 'A database client is imported outside the data layer.',
  rationale:
    'When handlers, UI or other domains talk to the database directly, the schema becomes a public interface: nobody can change a table without breaking code they do not know about, and no domain owns its data. Keeping database clients in the data layer (repositories) of the owning domain is what makes the schema changeable and a later extraction possible.',
  help: "Put the query in a repository in the domain's data layer (`data/`, `repositories/`) and call it from there. The list of database packages is `databasePackages` in foundations.json. Not reported: `import type`, and an import whose names only declare types (`export type Id = Types.ObjectId`): TypeScript erases it.",
  collectors: [typeOnlyUses],
  check(ctx) {
    const { domain, layer } = ctx.membership;
    if (!domain || layer === 'data') return;
    for (const imp of ctx.imports) {
      if (imp.target.kind !== 'external' || imp.typeOnly) continue;
      const pkg = packageNameOf(imp.specifier);
      const pattern = ctx.config.databasePackages.match(pkg);
      if (!pattern) continue;
      // `import { Types } from 'mongoose'` used in types only is erased: the client is never loaded here.
      if (ctx.facts(typeOnlyUses)?.includes(imp.specifier)) continue;
      ctx.report({
        range: imp.range,
        message: `"${pkg}" is a database client: only the data layer may import it, and this file is in the ${layer} layer of domain "${domain.name}".`,
        domains: { from: domain.name },
        layers: { from: layer, to: 'data' },
        data: { specifier: imp.specifier, package: pkg },
      });
    }
  },
};
