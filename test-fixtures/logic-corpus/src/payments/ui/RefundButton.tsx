import { useState } from 'react';
import { formatMoney } from '../../shared';
import type { Payment } from '../core/types';

interface RefundButtonProps {
  payment: Payment;
  now?: Date;
  onRefund(paymentId: string, amountCents: number): Promise<void>;
}

// Physical goods keep a 10% restocking fee; services are refunded in full.
const refundableAmount = (payment: Payment): number => {
  const remaining = payment.amountCents - payment.refundedCents;
  return payment.productCategory === 'physical' ? Math.round(remaining * 0.9) : remaining;
};

export function RefundButton({ payment, now = new Date(), onRefund }: RefundButtonProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const capturedAt = payment.capturedAt ? Date.parse(payment.capturedAt) : now.getTime();
  const daysSinceCapture = (now.getTime() - capturedAt) / 86_400_000;
  const withinWindow = daysSinceCapture <= (payment.method === 'invoice' ? 14 : 30);
  const eligible =
    withinWindow &&
    payment.productCategory !== 'digital' &&
    (payment.status === 'captured' || payment.status === 'partially_refunded');

  if (!eligible) {
    return <p className="muted">This payment can no longer be refunded online.</p>;
  }

  const amount = refundableAmount(payment);

  const handleClick = async () => {
    setBusy(true);
    setError(null);
    try {
      await onRefund(payment.id, amount);
    } catch {
      setError('The refund could not be started. Please try again later.');
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="refund">
      <button type="button" className="btn btn--secondary" disabled={busy} onClick={handleClick}>
        {busy ? 'Requesting refund…' : `Refund ${formatMoney(amount, payment.currency)}`}
      </button>
      {error && <p className="field-error">{error}</p>}
    </div>
  );
}
