export type { Payment, PaymentStatus, PaymentMethodKind, SavedPaymentMethod, RefundQuote } from './core/types';
export { refundQuote } from './core/refundPolicy';
export { processingFeeCents } from './core/fees';
