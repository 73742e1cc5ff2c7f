import { useMemo } from 'react';
import type { CustomerTier } from '../../pricing';
import type { CurrencyCode } from '../../shared';
import type { Order } from '../core/types';

interface OrderSummaryProps {
  order: Order;
  customerTier: CustomerTier;
  locale?: string;
}

function formatCents(cents: number, currency: CurrencyCode, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(cents / 100);
}

// Baskets of €200+ get 10% off; gold and platinum customers get 5% on top, capped at €100.
const computeDiscount = (subtotalCents: number, tier: CustomerTier): number => {
  let rate = subtotalCents >= 20_000 ? 0.1 : 0;
  if (tier === 'gold' || tier === 'platinum') {
    rate += 0.05;
  }
  return Math.min(Math.round(subtotalCents * rate), 10_000);
};

export function OrderSummary({ order, customerTier, locale = 'en-GB' }: OrderSummaryProps) {
  const discountCents = useMemo(
    () => computeDiscount(order.subtotalCents, customerTier),
    [order.subtotalCents, customerTier],
  );

  return (
    <section className="order-summary" aria-labelledby="order-summary-title">
      <h2 id="order-summary-title">Order {order.number}</h2>
      <ul className="order-summary__lines">
        {order.lines.map((line) => (
          <li key={line.sku} className="order-summary__line">
            <span>{line.name}</span>
            <span className="muted">× {line.quantity}</span>
          </li>
        ))}
      </ul>
      <dl className="order-summary__totals">
        <dt>Subtotal</dt>
        <dd>{formatCents(order.subtotalCents, order.currency, locale)}</dd>
        {discountCents > 0 && (
          <>
            <dt>Discount</dt>
            <dd className="text-success">−{formatCents(discountCents, order.currency, locale)}</dd>
          </>
        )}
        <dt>VAT</dt>
        <dd>{formatCents(order.taxCents, order.currency, locale)}</dd>
      </dl>
    </section>
  );
}
