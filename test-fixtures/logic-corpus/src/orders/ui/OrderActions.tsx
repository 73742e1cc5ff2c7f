import type { Order } from '../core/types';

interface OrderActionsProps {
  order: Order;
  now?: Date;
  onCancel(orderId: string): void;
  onStartReturn(orderId: string): void;
  onContactSupport(orderId: string): void;
}

const HOUR_MS = 3_600_000;

export function OrderActions({ order, now = new Date(), onCancel, onStartReturn, onContactSupport }: OrderActionsProps) {
  // Cancellation: free until packing starts, and only within 24h of payment.
  const hoursSincePayment = order.paidAt ? (now.getTime() - Date.parse(order.paidAt)) / HOUR_MS : Number.POSITIVE_INFINITY;
  const cancellable = order.status === 'placed' || (order.status === 'paid' && hoursSincePayment <= 24);

  // Returns: 30 days after delivery, 14 for furniture, never for digital-only orders.
  const daysSinceDelivery = order.deliveredAt ? (now.getTime() - Date.parse(order.deliveredAt)) / (24 * HOUR_MS) : 0;
  const returnWindowDays = order.lines.some((line) => line.category === 'furniture') ? 14 : 30;
  const digitalOnly = order.lines.every((line) => line.category === 'digital');
  const returnable = order.status === 'delivered' && !digitalOnly && daysSinceDelivery <= returnWindowDays;

  return (
    <div className="order-actions" role="group" aria-label="Order actions">
      {cancellable && (
        <button type="button" className="btn btn--danger" onClick={() => onCancel(order.id)}>
          Cancel order
        </button>
      )}
      {returnable && (
        <button type="button" className="btn" onClick={() => onStartReturn(order.id)}>
          Return items
        </button>
      )}
      <button type="button" className="btn btn--link" onClick={() => onContactSupport(order.id)}>
        Contact support
      </button>
    </div>
  );
}
