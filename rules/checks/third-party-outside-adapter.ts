import { packageNameOf } from '../config/config';
import type { FileRule } from './rule';

export const thirdPartyOutsideAdapter: FileRule = {
  id: 'third-party-outside-adapter',
  scope: 'file',
  foundation: 'integration-boundaries',
  defaultSeverity: 'warning',
  description: 'A listed third-party SDK is imported outside integration code.',
  rationale:
    "An anti-corruption layer keeps a vendor's model and quirks at the edge: the core speaks its own language and an adapter translates. When an SDK is imported from the core or the UI, its types and failure modes spread through the domain, and replacing or upgrading the vendor becomes a rewrite instead of a new adapter.",
  help: 'Wrap the SDK in an adapter in the integration layer (`adapters/`, `clients/`) that exposes your own types, and depend on that adapter. The list of SDKs is `adapterOnlyPackages` in foundations.json.',
  check(ctx) {
    const { domain, layer } = ctx.membership;
    if (!domain || layer === 'integration') return;
    for (const imp of ctx.imports) {
      if (imp.target.kind !== 'external') continue;
      const pkg = packageNameOf(imp.specifier);
      if (!ctx.config.adapterOnlyPackages.match(pkg)) continue;
      ctx.report({
        range: imp.range,
        message: `"${pkg}" is a third-party SDK: only integration code (adapters) may import it, and this file is in the ${layer} layer of domain "${domain.name}".`,
        domains: { from: domain.name },
        layers: { from: layer, to: 'integration' },
        data: { specifier: imp.specifier, package: pkg },
      });
    }
  },
};
