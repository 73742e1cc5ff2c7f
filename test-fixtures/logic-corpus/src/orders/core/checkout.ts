import { priceBreakdown, type CustomerTier, type PriceBreakdown } from '../../pricing';
import type { Region } from '../../shared';
import type { OrderLine } from './types';

export const FREE_SHIPPING_THRESHOLD_CENTS = 7_500;

export interface CheckoutTotals extends PriceBreakdown {
  shippingCents: number;
  grandTotalCents: number;
}

export function checkoutTotals(
  lines: readonly OrderLine[],
  tier: CustomerTier,
  region: Region,
  couponCode?: string,
): CheckoutTotals {
  const breakdown = priceBreakdown(lines, { tier, region, couponCode });
  const shippingCents = breakdown.subtotalCents - breakdown.discountCents >= FREE_SHIPPING_THRESHOLD_CENTS ? 0 : 495;
  return { ...breakdown, shippingCents, grandTotalCents: breakdown.totalCents + shippingCents };
}

export function toSummaryItemCount(lines: readonly OrderLine[]): number {
  return lines.reduce((count, line) => count + line.quantity, 0);
}
