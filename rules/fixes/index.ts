import { acceptAsDebt } from './accept-as-debt';
import { declareDependency } from './declare-dependency';
import { encapsulateChange, encapsulateState } from './encapsulate-state';
import type { Fix } from './fix';
import { importThroughPublicApi } from './import-through-public-api';
import { makeStateReadOnly } from './make-state-read-only';
import { moveToAdapter } from './move-to-adapter';
import { moveToCore, moveToExistingCoreFile } from './move-to-core';
import { suppressLine } from './suppress-line';

/** Every fix, most specific first: the order they are offered in. */
export const FIXES: readonly Fix[] = [importThroughPublicApi, moveToCore, moveToExistingCoreFile, moveToAdapter, makeStateReadOnly, encapsulateState, encapsulateChange, declareDependency, acceptAsDebt, suppressLine];

export function fixesForRule(ruleId: string): Fix[] {
  return FIXES.filter((f) => f.rules === '*' || f.rules.includes(ruleId));
}
