import { useCallback } from 'react';
import type { Customer } from '../../customers';
import type { StockItem } from '../../inventory';
import type { Order } from '../core/types';

export interface ReorderDecision {
  allowed: boolean;
  expressCheckout: boolean;
  unavailableSkus: string[];
}

const REORDER_WINDOW_DAYS = 180;
const EXPRESS_CHECKOUT_LIMIT_CENTS = 100_000;

export function useReorderEligibility(customer: Customer, stock: ReadonlyMap<string, StockItem>) {
  return useCallback(
    (order: Order, now: Date = new Date()): ReorderDecision => {
      const ageDays = (now.getTime() - Date.parse(order.placedAt)) / 86_400_000;
      const unavailableSkus = order.lines
        .filter((line) => {
          const item = stock.get(line.sku);
          return !item || item.discontinued || item.onHand - item.reserved < line.quantity;
        })
        .map((line) => line.sku);

      const allowed =
        (order.status === 'delivered' || order.status === 'shipped') &&
        ageDays <= REORDER_WINDOW_DAYS &&
        unavailableSkus.length < order.lines.length;

      // One-click reorder skips payment confirmation, so keep it for verified, trusted customers.
      const expressCheckout =
        allowed &&
        customer.emailVerified &&
        !customer.flaggedForFraud &&
        customer.completedOrders >= 3 &&
        order.totalCents < EXPRESS_CHECKOUT_LIMIT_CENTS;

      return { allowed, expressCheckout, unavailableSkus };
    },
    [customer, stock],
  );
}
