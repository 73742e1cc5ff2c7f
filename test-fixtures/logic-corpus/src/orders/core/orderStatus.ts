import type { Order, OrderStatus } from './types';

const TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  draft: ['placed', 'cancelled'],
  placed: ['paid', 'cancelled'],
  paid: ['packed', 'cancelled', 'refunded'],
  packed: ['shipped', 'cancelled'],
  shipped: ['delivered'],
  delivered: ['refunded'],
  cancelled: [],
  refunded: [],
};

export class InvalidTransitionError extends Error {
  constructor(readonly from: OrderStatus, readonly to: OrderStatus) {
    super(`Order cannot move from ${from} to ${to}`);
  }
}

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

export function nextStatuses(status: OrderStatus): readonly OrderStatus[] {
  return TRANSITIONS[status];
}

export function transition(order: Order, to: OrderStatus, at: Date): Order {
  if (!canTransition(order.status, to)) throw new InvalidTransitionError(order.status, to);
  const stamp = at.toISOString();
  return {
    ...order,
    status: to,
    paidAt: to === 'paid' ? stamp : order.paidAt,
    shippedAt: to === 'shipped' ? stamp : order.shippedAt,
    deliveredAt: to === 'delivered' ? stamp : order.deliveredAt,
  };
}

const FREE_CANCELLATION_HOURS = 24;

/** Customers may cancel themselves until packing starts, and within 24h of payment. */
export function canCustomerCancel(order: Order, now: Date): boolean {
  if (order.status === 'placed') return true;
  if (order.status !== 'paid' || !order.paidAt) return false;
  const hours = (now.getTime() - new Date(order.paidAt).getTime()) / 3_600_000;
  return hours <= FREE_CANCELLATION_HOURS;
}

export function isTerminal(status: OrderStatus): boolean {
  return TRANSITIONS[status].length === 0;
}
