import type { Customer, LoyaltyTier } from './types';

const MIN_ACCOUNT_AGE_DAYS = 30;

export function isEligibleForReferralProgram(customer: Customer, now: Date): boolean {
  const ageDays = (now.getTime() - new Date(customer.createdAt).getTime()) / 86_400_000;
  return ageDays >= MIN_ACCOUNT_AGE_DAYS && customer.completedOrders >= 2 && !customer.flaggedForFraud;
}

export function referralRewardCents(tier: LoyaltyTier): number {
  return tier === 'platinum' || tier === 'gold' ? 2_500 : 1_000;
}
