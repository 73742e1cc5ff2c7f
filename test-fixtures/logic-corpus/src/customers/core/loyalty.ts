import type { LoyaltyTier } from './types';

export const TIER_THRESHOLDS: ReadonlyArray<{ tier: LoyaltyTier; minPoints: number }> = [
  { tier: 'platinum', minPoints: 15_000 },
  { tier: 'gold', minPoints: 5_000 },
  { tier: 'silver', minPoints: 1_000 },
  { tier: 'bronze', minPoints: 0 },
];

export function loyaltyTierFor(points: number): LoyaltyTier {
  return TIER_THRESHOLDS.find((t) => points >= t.minPoints)?.tier ?? 'bronze';
}

export interface TierProgress {
  tier: LoyaltyTier;
  nextTier: LoyaltyTier | null;
  pointsIntoTier: number;
  pointsForNextTier: number | null;
}

export function tierProgress(points: number): TierProgress {
  const index = TIER_THRESHOLDS.findIndex((t) => points >= t.minPoints);
  const current = TIER_THRESHOLDS[index];
  const next = index > 0 ? TIER_THRESHOLDS[index - 1] : null;
  return {
    tier: current.tier,
    nextTier: next ? next.tier : null,
    pointsIntoTier: points - current.minPoints,
    pointsForNextTier: next ? next.minPoints - current.minPoints : null,
  };
}

const EARN_MULTIPLIER: Record<LoyaltyTier, number> = { bronze: 1, silver: 1.25, gold: 1.5, platinum: 2 };

export function pointsEarned(orderTotalCents: number, tier: LoyaltyTier): number {
  return Math.floor((orderTotalCents / 100) * EARN_MULTIPLIER[tier]);
}
