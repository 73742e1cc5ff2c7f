import type { Request, Response } from 'express';
import { toSummaryItemCount } from '../core/checkout';
import type { Order, OrderStatus, OrderSummaryDto } from '../core/types';
import type { OrderRepository } from '../data/orderRepository';

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
const STATUSES: readonly OrderStatus[] = ['draft', 'placed', 'paid', 'packed', 'shipped', 'delivered', 'cancelled', 'refunded'];

type ListQuery = { status?: string; limit?: string; offset?: string; placedAfter?: string };

function parseListQuery(query: ListQuery) {
  const limit = Number.parseInt(query.limit ?? '', 10);
  const offset = Number.parseInt(query.offset ?? '', 10);
  const status = STATUSES.find((s) => s === query.status);
  const placedAfter = query.placedAfter && !Number.isNaN(Date.parse(query.placedAfter)) ? query.placedAfter : undefined;
  return {
    status,
    placedAfter,
    limit: Number.isNaN(limit) ? DEFAULT_LIMIT : Math.min(Math.max(limit, 1), MAX_LIMIT),
    offset: Number.isNaN(offset) || offset < 0 ? 0 : offset,
  };
}

function toSummaryDto(order: Order): OrderSummaryDto {
  return {
    id: order.id,
    number: order.number,
    status: order.status,
    totalCents: order.totalCents,
    currency: order.currency,
    placedAt: order.placedAt,
    itemCount: toSummaryItemCount(order.lines),
  };
}

function statusForError(error: unknown): number {
  if (error instanceof SyntaxError) return 400;
  if (error instanceof Error && error.name === 'TimeoutError') return 504;
  if (error instanceof Error && /not found/i.test(error.message)) return 404;
  return 500;
}

export function makeOrderQueryHandlers(orders: OrderRepository) {
  return {
    async listOrders(req: Request<Record<string, string>, unknown, unknown, ListQuery>, res: Response) {
      try {
        const query = parseListQuery(req.query);
        const customerId = req.user?.id;
        const { items, total } = await orders.list({ ...query, customerId });
        res.set('X-Total-Count', String(total));
        res.json({ items: items.map(toSummaryDto), total, nextOffset: query.offset + items.length < total ? query.offset + items.length : null });
      } catch (error) {
        res.status(statusForError(error)).json({ error: 'orders_unavailable' });
      }
    },

    async getOrderByNumber(req: Request<{ number: string }>, res: Response) {
      try {
        const order = await orders.findByNumber(req.params.number.trim().toUpperCase());
        if (!order) return res.status(404).json({ error: 'order_not_found' });
        return res.json(toSummaryDto(order));
      } catch (error) {
        return res.status(statusForError(error)).json({ error: 'orders_unavailable' });
      }
    },
  };
}
