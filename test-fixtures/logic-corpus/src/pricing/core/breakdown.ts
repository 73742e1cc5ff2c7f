import { calculateDiscount } from './discounts';
import { computeTax } from './tax';
import type { PriceBreakdown, PricedLine, PricingContext } from './types';

export function priceBreakdown(lines: readonly PricedLine[], context: PricingContext): PriceBreakdown {
  const subtotalCents = lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);
  const discountCents = calculateDiscount(subtotalCents, context.tier, context.couponCode);
  const discountRatio = subtotalCents === 0 ? 0 : discountCents / subtotalCents;
  const taxCents = computeTax(lines, context.region, discountRatio);
  const appliedRules = discountCents > 0 ? [context.couponCode ? `coupon:${context.couponCode}` : `tier:${context.tier}`] : [];
  return {
    subtotalCents,
    discountCents,
    taxCents,
    totalCents: subtotalCents - discountCents + taxCents,
    appliedRules,
  };
}
