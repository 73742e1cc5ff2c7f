import { moduleBindings } from '../semantic/module-bindings';
import type { FileRule } from './rule';
import { targetMembership } from './rule';

export const layerViolation: FileRule = {
  id: 'layer-violation',
  scope: 'file',
  foundation: 'clean-architecture',
  defaultSeverity: 'warning',
  description: 'An import breaks the layer direction inside a domain (e.g. core → ui, ui → data).',
  rationale:
    'Separation of concerns inside a domain means dependencies point inwards: UI and integrations depend on the core, the core depends on nothing outside itself. When the core imports a component or the UI reads the database directly, business rules become untestable without a browser or a database and every change ripples through every layer.',
  help: 'Move the code to a layer that may depend on what it needs, or have the outer layer pass what the inner layer needs (a parameter, an interface implemented in the outer layer). The allowed directions are set in `layerDependencies`.',
  collectors: [moduleBindings],
  check(ctx) {
    const { domain, layer, isPublicApi } = ctx.membership;
    if (!domain || !layer) return;
    const allowed = ctx.config.layerDependencies.get(layer);
    if (!allowed) return;
    // A barrel (`export * from './OrderList'`, `import X from './X'; export { X }`) has no code of its own
    // to sit in a layer: it passes on what its importers ask for, and they are checked.
    if (ctx.facts(moduleBindings)?.reexportsOnly) return;
    for (const imp of ctx.imports) {
      // A public API barrel re-exports every layer by design; that is its job, not a dependency.
      if (isPublicApi && imp.kind === 'export') continue;
      const target = targetMembership(ctx, imp);
      if (!target || target.domain !== domain || !target.layer || allowed.has(target.layer)) continue;
      ctx.report({
        range: imp.range,
        message: `The ${layer} layer may not import the ${target.layer} layer ("${target.workspaceRelative}"); in domain "${domain.name}" ${layer} may import ${[...allowed].join(', ')}.`,
        domains: { from: domain.name, to: domain.name },
        layers: { from: layer, to: target.layer },
        data: { specifier: imp.specifier, target: target.workspaceRelative },
      });
    }
  },
};
