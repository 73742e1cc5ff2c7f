import { useMemo } from 'react';
import { formatDate, formatMoney, type CurrencyCode } from '../../shared';
import { quoteShipping } from '../core/rates';
import type { ShippingSpeed, ShippingZone } from '../core/types';

interface ShippingSummaryProps {
  zone: ShippingZone;
  speed: ShippingSpeed;
  weightGrams: number;
  subtotalCents: number;
  currency: CurrencyCode;
  now?: Date;
}

export function ShippingSummary({ zone, speed, weightGrams, subtotalCents, currency, now = new Date() }: ShippingSummaryProps) {
  // Costs and ETAs come from shipping core; this component only presents the chosen quote.
  const quote = useMemo(
    () => quoteShipping(zone, weightGrams, subtotalCents, now).find((q) => q.speed === speed),
    [zone, weightGrams, subtotalCents, now, speed],
  );

  if (!quote) return <p className="muted">Delivery options are not available for this address.</p>;

  return (
    <dl className="shipping-summary">
      <dt>Delivery</dt>
      <dd>{quote.costCents === 0 ? 'Free' : formatMoney(quote.costCents, currency)}</dd>
      <dt>Arrives by</dt>
      <dd>{formatDate(quote.estimatedDeliveryDate)}</dd>
      <dt>Carrier</dt>
      <dd className="uppercase">{quote.carrier}</dd>
    </dl>
  );
}
