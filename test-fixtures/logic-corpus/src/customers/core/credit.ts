import type { AccountStanding, CreditProfile } from './types';

export function creditLimitFor(profile: Pick<CreditProfile, 'annualRevenueCents' | 'riskScore'>): number {
  if (profile.riskScore >= 70) return 0;
  const ratio = profile.riskScore >= 40 ? 0.05 : 0.1;
  return Math.min(Math.round(profile.annualRevenueCents * ratio), 50_000_00);
}

export function accountStanding(profile: CreditProfile): AccountStanding {
  if (profile.overdueInvoices > 2) return 'restricted';
  const utilisation = profile.creditLimitCents === 0 ? 1 : profile.outstandingBalanceCents / profile.creditLimitCents;
  if (utilisation > 0.9) return 'restricted';
  if (utilisation > 0.75 || profile.overdueInvoices > 0) return 'watch';
  return 'good';
}
