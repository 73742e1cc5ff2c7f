export type { Order, OrderLine, OrderStatus, OrderSummaryDto } from './core/types';
export { canTransition, nextStatuses, transition, canCustomerCancel, isTerminal, InvalidTransitionError } from './core/orderStatus';
export { checkoutTotals, toSummaryItemCount, FREE_SHIPPING_THRESHOLD_CENTS } from './core/checkout';
export type { CheckoutTotals } from './core/checkout';
