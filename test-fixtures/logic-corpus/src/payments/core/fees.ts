import type { CustomerSegment } from '../../customers';
import type { PaymentMethodKind } from './types';

const FEE_SCHEDULE: Record<PaymentMethodKind, { rate: number; fixedCents: number }> = {
  card: { rate: 0.014, fixedCents: 25 },
  amex: { rate: 0.029, fixedCents: 25 },
  sepa_debit: { rate: 0, fixedCents: 35 },
  paypal: { rate: 0.0249, fixedCents: 35 },
  invoice: { rate: 0, fixedCents: 0 },
};

/** Surcharge passed on to the customer; enterprise accounts never pay it. */
export function processingFeeCents(method: PaymentMethodKind, amountCents: number, segment: CustomerSegment): number {
  if (segment === 'enterprise') return 0;
  const fee = FEE_SCHEDULE[method];
  return Math.round(amountCents * fee.rate) + fee.fixedCents;
}
