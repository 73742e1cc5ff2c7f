import type { CustomerSegment } from '../../customers';
import { formatMoney, isFeatureEnabled, type CurrencyCode, type FeatureFlag } from '../../shared';
import { processingFeeCents } from '../core/fees';
import type { PaymentMethodKind } from '../core/types';

interface CheckoutFeeNoticeProps {
  method: PaymentMethodKind;
  amountCents: number;
  currency: CurrencyCode;
  segment: CustomerSegment;
  enabledFlags: readonly FeatureFlag[];
}

const METHOD_NAMES: Record<PaymentMethodKind, string> = {
  card: 'card',
  amex: 'American Express',
  sepa_debit: 'direct debit',
  paypal: 'PayPal',
  invoice: 'invoice',
};

export function CheckoutFeeNotice({ method, amountCents, currency, segment, enabledFlags }: CheckoutFeeNoticeProps) {
  if (!isFeatureEnabled('new-checkout', enabledFlags)) return null;

  // The fee schedule lives in payments core; the notice only shows the result.
  const fee = processingFeeCents(method, amountCents, segment);
  if (fee === 0) return null;

  return (
    <p className="checkout-fee-notice">
      Paying by {METHOD_NAMES[method]} adds a processing fee of {formatMoney(fee, currency)}.
    </p>
  );
}
