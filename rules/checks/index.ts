import { crossDomainImport } from './cross-domain-import';
import { databaseAccessOutsideDataLayer } from './database-access-outside-data-layer';
import { domainCycle } from './domain-cycle';
import { layerViolation } from './layer-violation';
import { publicApiBypass } from './public-api-bypass';
import type { Rule } from './rule';
import { thirdPartyOutsideAdapter } from './third-party-outside-adapter';
import { unassignedFile } from './unassigned-file';

/** Every built-in rule, in the order they are documented. */
export const RULES: readonly Rule[] = [
  crossDomainImport,
  publicApiBypass,
  domainCycle,
  unassignedFile,
  layerViolation,
  databaseAccessOutsideDataLayer,
  thirdPartyOutsideAdapter,
];

export type { Rule, RuleMeta, FileRule, WorkspaceRule } from './rule';
