import type { Payment, RefundQuote } from './types';

const REFUND_WINDOW_DAYS = 30;
const RESTOCKING_FEE_RATE = 0.1;

export function refundQuote(payment: Payment, now: Date): RefundQuote {
  const remaining = payment.amountCents - payment.refundedCents;
  if (remaining <= 0) return { refundable: false, amountCents: 0, restockingFeeCents: 0, reason: 'already_refunded' };
  if (payment.productCategory === 'digital') {
    return { refundable: false, amountCents: 0, restockingFeeCents: 0, reason: 'digital_goods' };
  }
  const capturedAt = payment.capturedAt ? new Date(payment.capturedAt) : now;
  const ageDays = (now.getTime() - capturedAt.getTime()) / 86_400_000;
  if (ageDays > REFUND_WINDOW_DAYS) {
    return { refundable: false, amountCents: 0, restockingFeeCents: 0, reason: 'window_expired' };
  }
  const restockingFeeCents = payment.productCategory === 'physical' ? Math.round(remaining * RESTOCKING_FEE_RATE) : 0;
  return { refundable: true, amountCents: remaining - restockingFeeCents, restockingFeeCents };
}
