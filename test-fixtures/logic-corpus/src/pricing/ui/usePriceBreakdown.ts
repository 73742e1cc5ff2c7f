import { useMemo } from 'react';
import { formatMoney, type CurrencyCode } from '../../shared';
import { priceBreakdown } from '../core/breakdown';
import type { PricedLine, PricingContext } from '../core/types';

export interface BreakdownRow {
  key: 'subtotal' | 'discount' | 'tax' | 'total';
  label: string;
  value: string;
  emphasis: boolean;
}

const LABELS: Record<BreakdownRow['key'], string> = {
  subtotal: 'Subtotal',
  discount: 'Discount',
  tax: 'VAT',
  total: 'Total',
};

/** View model for the checkout sidebar. All amounts come from pricing core. */
export function usePriceBreakdown(lines: PricedLine[], context: PricingContext, currency: CurrencyCode, locale?: string) {
  const breakdown = useMemo(() => priceBreakdown(lines, context), [lines, context]);

  const rows = useMemo<BreakdownRow[]>(() => {
    const entries: Array<[BreakdownRow['key'], number]> = [
      ['subtotal', breakdown.subtotalCents],
      ['discount', -breakdown.discountCents],
      ['tax', breakdown.taxCents],
      ['total', breakdown.totalCents],
    ];
    return entries
      .filter(([key, cents]) => key !== 'discount' || cents !== 0)
      .map(([key, cents]) => ({
        key,
        label: LABELS[key],
        value: formatMoney(cents, currency, locale),
        emphasis: key === 'total',
      }));
  }, [breakdown, currency, locale]);

  return { rows, appliedRules: breakdown.appliedRules, isEmpty: lines.length === 0 };
}
