import { useMemo } from 'react';
import type { CustomerTier } from '../../pricing';
import type { Region } from '../../shared';
import type { OrderLine } from '../core/types';

export interface CheckoutTotalsView {
  subtotalCents: number;
  discountCents: number;
  vatCents: number;
  shippingCents: number;
  totalCents: number;
  freeShippingGapCents: number;
}

const VAT_BY_REGION: Partial<Record<Region, number>> = { DE: 0.19, FR: 0.2, NL: 0.21, SE: 0.25, GB: 0.2 };

export function useCheckoutTotals(lines: OrderLine[], tier: CustomerTier, region: Region): CheckoutTotalsView {
  return useMemo(() => {
    const subtotalCents = lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);

    // Loyalty discount: silver 3%, gold 5%, platinum 8% — not on groceries.
    const rate = tier === 'platinum' ? 0.08 : tier === 'gold' ? 0.05 : tier === 'silver' ? 0.03 : 0;
    const discountable = lines
      .filter((line) => line.category !== 'grocery')
      .reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);
    const discountCents = Math.round(discountable * rate);

    const vatRate = VAT_BY_REGION[region] ?? 0;
    const vatCents = Math.round((subtotalCents - discountCents) * vatRate);

    // Free standard shipping from €75 after discount, otherwise a flat €4.95.
    const net = subtotalCents - discountCents;
    const shippingCents = net >= 7_500 ? 0 : 495;

    return {
      subtotalCents,
      discountCents,
      vatCents,
      shippingCents,
      totalCents: net + vatCents + shippingCents,
      freeShippingGapCents: Math.max(0, 7_500 - net),
    };
  }, [lines, tier, region]);
}
