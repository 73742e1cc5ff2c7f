import type { CurrencyCode } from '../../shared';

export type PaymentMethodKind = 'card' | 'amex' | 'sepa_debit' | 'paypal' | 'invoice';
export type PaymentStatus = 'pending' | 'authorized' | 'captured' | 'failed' | 'refunded' | 'partially_refunded';

export interface Payment {
  id: string;
  orderId: string;
  customerId: string;
  method: PaymentMethodKind;
  status: PaymentStatus;
  amountCents: number;
  refundedCents: number;
  currency: CurrencyCode;
  capturedAt?: string;
  productCategory: 'physical' | 'digital' | 'service';
}

export interface SavedPaymentMethod {
  id: string;
  kind: PaymentMethodKind;
  brand?: 'visa' | 'mastercard' | 'amex' | 'maestro';
  last4?: string;
  iban?: string;
  expMonth?: number;
  expYear?: number;
  isDefault: boolean;
}

export interface RefundQuote {
  refundable: boolean;
  amountCents: number;
  restockingFeeCents: number;
  reason?: 'window_expired' | 'digital_goods' | 'already_refunded';
}
