import { moduleBindings } from '../semantic/module-bindings';
import { stateFacts } from '../semantic/mutable-state';
import { describeState, mutationsFrom, mutationsOf } from '../semantic/state-sharing';
import type { FileRule } from './rule';

export const sharedMutableState: FileRule = {
  id: 'shared-mutable-state',
  scope: 'file',
  foundation: 'clean-architecture',
  defaultSeverity: 'warning',
  description: 'Module-level state that is mutable is exported to, and changed from, another domain.',
  rationale:
    'State that one domain exports and another domain changes is an invisible dependency: no import says "checkout writes the cart", the owning domain can no longer keep its own invariants, tests pass alone and fail together, and the day the domains run in separate processes the write silently goes nowhere. Domains should share data by asking each other (functions, events), never by reaching into each other\'s variables. Reported: exported `let`/`var` reassigned (through the owning module\'s setter) at another domain\'s request; exported arrays, objects, Maps and Sets written (assignment, `delete`, `++`, `push`, `splice`, `sort`, `set`, `add`, `clear`, `Object.assign`…) from another domain; exported instances whose state-changing methods another domain calls — followed through re-exports of public APIs. Not reported: constants, `as const`, `Object.freeze`, read-only types, functions and classes, copies (`[...x].sort()`), changes made inside the owning domain, module-private state changed only through the owner\'s functions, and clients of databases, services and HTTP APIs (`redis.set(k, v)` writes to Redis, not to the instance): for a class the workspace does not declare, only built-in containers (`URLSearchParams`, `Headers`, typed arrays…) and in-process caches (`lru-cache`, `quick-lru`, `node-cache`…) count as state.',
  help: 'Keep the state private to its domain and export functions that read it or make the change (`addToCart(item)` instead of `cartItems.push(item)`), or export a read-only view (`readonly T[]`, `Readonly<T>`, `Object.freeze`). The finding at the export names the domains that change it; each change made directly on the state is reported where it happens too (a call of the owner\'s own setter is not: it already asks the owner).',
  collectors: [moduleBindings, stateFacts],
  check(ctx) {
    const domain = ctx.membership.domain;
    if (!domain) return;
    const domainOf = (file: string) => ctx.model.membership(file).domain;
    // A test resetting another module's state is how tests are written, not a dependency of the product.
    const isTest = (file: string) => ctx.model.membership(file).isTest;

    const foreign = (file: string) => {
      const other = domainOf(file);
      return other !== undefined && other.name !== domain.name;
    };

    // Changes made here to state another domain owns. A call of the owner's setter is already the way to
    // ask for a change: what is wrong there is the exported variable, reported where it is declared.
    for (const m of mutationsFrom(ctx, ctx.file, foreign)) {
      if (m.throughOwner) continue;
      const owner = domainOf(m.owner.file);
      if (!owner) continue;
      const ownerFile = ctx.model.membership(m.owner.file).workspaceRelative;
      ctx.report({
        range: m.range,
        message: `Domain "${domain.name}" changes "${m.state.local}" (${m.operation}), ${describeState(m.state)} owned by domain "${owner.name}" (${ownerFile}); ask "${owner.name}" to make the change through a function instead.`,
        domains: { from: domain.name, to: owner.name },
        data: { state: m.state.local, owner: owner.name, declaredIn: ownerFile, target: ownerFile, operation: m.operation },
      });
    }

    // State declared and exported here that other domains change.
    const facts = ctx.facts(stateFacts);
    if (!facts) return;
    for (const state of facts.state.values()) {
      if (state.readonly) continue;
      const changes = mutationsOf(ctx, ctx.file, state, (file) => foreign(file) && !isTest(file));
      if (changes.length === 0) continue;
      const domains = [...new Set(changes.map((m) => domainOf(m.file)!.name))].sort();
      const sites = changes.map((m) => ({ file: ctx.model.membership(m.file).workspaceRelative, line: m.range.start.line + 1, operation: m.operation }));
      ctx.report({
        range: state.range,
        message: `"${state.local}" is ${describeState(state)} state of domain "${domain.name}" changed from ${domains.length === 1 ? 'domain' : 'domains'} ${domains.map((d) => `"${d}"`).join(', ')} (${changes.length} ${changes.length === 1 ? 'place' : 'places'}); ${
          changes.every((m) => m.throughOwner) ? 'the changes go through its functions already: stop exporting the variable and export a function that reads it.' : 'keep it private and expose functions that make the changes.'
        }`,
        domains: { from: domains[0], to: domain.name },
        data: { state: state.local, mutatedBy: domains, sites },
      });
    }
  },
};
