import { consoleInCore } from './console-in-core';
import { crossDomainImport } from './cross-domain-import';
import { databaseAccessOutsideDataLayer } from './database-access-outside-data-layer';
import { domainCycle } from './domain-cycle';
import { layerViolation } from './layer-violation';
import { logicInIntegration } from './logic-in-integration';
import { logicInUi } from './logic-in-ui';
import { publicApiBypass } from './public-api-bypass';
import { classMutators, mutationSites } from '../semantic/mutable-state';
import type { FactCollector, Rule } from './rule';
import { sharedMutableState } from './shared-mutable-state';
import { thirdPartyOutsideAdapter } from './third-party-outside-adapter';
import { unassignedFile } from './unassigned-file';
import { unversionedApiRoute } from './unversioned-api-route';

/** Every built-in rule, in the order they are documented. */
export const RULES: readonly Rule[] = [
  crossDomainImport,
  publicApiBypass,
  domainCycle,
  unassignedFile,
  layerViolation,
  logicInUi,
  logicInIntegration,
  sharedMutableState,
  databaseAccessOutsideDataLayer,
  thirdPartyOutsideAdapter,
  unversionedApiRoute,
  consoleInCore,
];

/**
 * Collectors no rule lists: the session computes them on demand (see Session.factsOf), for the
 * few files a check asks about. Their facts are read by other files' checks all the same.
 */
export const ON_DEMAND_COLLECTORS: readonly FactCollector[] = [classMutators, mutationSites];

/** Every collector some file rule reads, once each (rules share some, such as the module bindings). */
export const COLLECTORS: ReadonlyMap<string, FactCollector> = new Map(
  RULES.flatMap((rule) => (rule.scope === 'file' ? (rule.collectors ?? []) : [])).map((c) => [c.id, c]),
);

export type { Rule, RuleMeta, FileRule, WorkspaceRule } from './rule';
