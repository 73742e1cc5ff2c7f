export type { Customer, CreditProfile, LoyaltyTier, CustomerSegment, AccountStanding } from './core/types';
export { loyaltyTierFor, tierProgress, pointsEarned, TIER_THRESHOLDS } from './core/loyalty';
export type { TierProgress } from './core/loyalty';
export { creditLimitFor, accountStanding } from './core/credit';
export { isEligibleForReferralProgram, referralRewardCents } from './core/referral';
