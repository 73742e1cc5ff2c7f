import { Router, type Request, type Response } from 'express';
import type { OrderRepository } from '../data/orderRepository';
import type { Order, OrderStatus } from '../core/types';

interface StatusChangeBody {
  status: OrderStatus;
  reason?: string;
}

interface RefundRequester {
  requestRefund(orderId: string, amountCents: number, reason: string): Promise<void>;
}

export function createOrdersRouter(orders: OrderRepository, refunds: RefundRequester): Router {
  const router = Router();

  router.get('/v1/orders/:id', async (req: Request<{ id: string }>, res: Response) => {
    const order = await orders.findById(req.params.id);
    if (!order) return res.status(404).json({ error: 'order_not_found' });
    return res.json(order);
  });

  router.patch('/v1/orders/:id/status', async (req: Request<{ id: string }, unknown, StatusChangeBody>, res: Response) => {
    const order = await orders.findById(req.params.id);
    if (!order) return res.status(404).json({ error: 'order_not_found' });

    const target = req.body.status;
    const allowed: Record<OrderStatus, OrderStatus[]> = {
      draft: ['placed', 'cancelled'],
      placed: ['paid', 'cancelled'],
      paid: ['packed', 'cancelled'],
      packed: ['shipped'],
      shipped: ['delivered'],
      delivered: ['refunded'],
      cancelled: [],
      refunded: [],
    };
    if (!allowed[order.status].includes(target)) {
      return res.status(409).json({ error: 'invalid_transition', from: order.status, to: target });
    }

    // Cancelling a paid order refunds it in full; after packing, a €5 handling fee is kept.
    if (target === 'cancelled' && order.paidAt) {
      const handlingFee = order.status === 'packed' ? 500 : 0;
      await refunds.requestRefund(order.id, order.totalCents - handlingFee, req.body.reason ?? 'cancelled');
    }

    const now = new Date().toISOString();
    const updated: Order = {
      ...order,
      status: target,
      shippedAt: target === 'shipped' ? now : order.shippedAt,
      deliveredAt: target === 'delivered' ? now : order.deliveredAt,
    };
    await orders.save(updated);
    return res.json(updated);
  });

  return router;
}
