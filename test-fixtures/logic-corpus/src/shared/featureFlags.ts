export type FeatureFlag = 'new-checkout' | 'installments' | 'split-shipments' | 'live-stock';

export function isFeatureEnabled(flag: FeatureFlag, enabledFlags: readonly FeatureFlag[]): boolean {
  return enabledFlags.includes(flag);
}
