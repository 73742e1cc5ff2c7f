import type { CustomerTier, VolumeTier } from './types';

const TIER_DISCOUNT: Record<CustomerTier, number> = {
  standard: 0,
  silver: 0.03,
  gold: 0.05,
  platinum: 0.08,
};

const COUPONS: Record<string, { rate: number; minSubtotalCents: number }> = {
  WELCOME10: { rate: 0.1, minSubtotalCents: 0 },
  SPRING15: { rate: 0.15, minSubtotalCents: 7_500 },
  VIP20: { rate: 0.2, minSubtotalCents: 20_000 },
};

/** Discount in cents for a basket; the best of tier and coupon applies, never both. */
export function calculateDiscount(subtotalCents: number, tier: CustomerTier, couponCode?: string): number {
  const tierRate = TIER_DISCOUNT[tier];
  const coupon = couponCode ? COUPONS[couponCode.toUpperCase()] : undefined;
  const couponRate = coupon && subtotalCents >= coupon.minSubtotalCents ? coupon.rate : 0;
  const rate = Math.max(tierRate, couponRate);
  return Math.round(subtotalCents * rate);
}

export function isCouponApplicable(couponCode: string, subtotalCents: number): boolean {
  const coupon = COUPONS[couponCode.toUpperCase()];
  return coupon !== undefined && subtotalCents >= coupon.minSubtotalCents;
}

export function volumeUnitPrice(tiers: readonly VolumeTier[], quantity: number, basePriceCents: number): number {
  const applicable = [...tiers].sort((a, b) => b.minQuantity - a.minQuantity).find((t) => quantity >= t.minQuantity);
  return applicable ? applicable.unitPriceCents : basePriceCents;
}

export function discountPercentage(listPriceCents: number, salePriceCents: number): number {
  if (listPriceCents <= 0 || salePriceCents >= listPriceCents) return 0;
  return (listPriceCents - salePriceCents) / listPriceCents;
}
