import type { Request, Response } from 'express';
import type { Order, OrderLine } from '../core/types';
import type { OrderRepository } from '../data/orderRepository';

interface MarketplaceOrderPayload {
  marketplaceOrderId: string;
  buyerId: string;
  currency: Order['currency'];
  items: Array<{ sku: string; title: string; qty: number; priceCents: number; category: OrderLine['category'] }>;
  shipping: Order['shippingAddress'];
  orderedAt: string;
}

function parseMarketplacePayload(body: unknown): MarketplaceOrderPayload | string {
  if (typeof body !== 'object' || body === null) return 'body must be an object';
  const candidate = body as Partial<MarketplaceOrderPayload>;
  if (!candidate.marketplaceOrderId) return 'marketplaceOrderId is required';
  if (!Array.isArray(candidate.items) || candidate.items.length === 0) return 'items must be a non-empty array';
  if (!candidate.shipping || !candidate.orderedAt) return 'shipping and orderedAt are required';
  return candidate as MarketplaceOrderPayload;
}

export function importMarketplaceOrderHandler(orders: OrderRepository) {
  return async function importMarketplaceOrder(req: Request, res: Response) {
    const payload = parseMarketplacePayload(req.body);
    if (typeof payload === 'string') return res.status(400).json({ error: payload });

    const lines: OrderLine[] = payload.items.map((item) => ({
      sku: item.sku,
      name: item.title,
      quantity: item.qty,
      unitPriceCents: item.priceCents,
      category: item.category,
    }));
    const grossCents = lines.reduce((sum, line) => sum + line.unitPriceCents * line.quantity, 0);

    // Marketplace keeps 12% commission, 8% on electronics; we book the net amount.
    const commissionCents = lines.reduce((sum, line) => {
      const rate = line.category === 'electronics' ? 0.08 : 0.12;
      return sum + Math.round(line.unitPriceCents * line.quantity * rate);
    }, 0);

    // Large marketplace orders wait for manual fraud review instead of going straight to packing.
    const status = grossCents > 150_000 ? 'placed' : 'paid';

    const order: Order = {
      id: `mkt_${payload.marketplaceOrderId}`,
      number: `MP-${payload.marketplaceOrderId}`,
      customerId: `mkt_buyer_${payload.buyerId}`,
      status,
      lines,
      currency: payload.currency,
      shippingAddress: payload.shipping,
      subtotalCents: grossCents,
      discountCents: commissionCents,
      taxCents: 0,
      shippingCents: 0,
      totalCents: grossCents - commissionCents,
      placedAt: payload.orderedAt,
      paidAt: status === 'paid' ? payload.orderedAt : undefined,
    };
    await orders.save(order);
    return res.status(201).json({ id: order.id, status: order.status });
  };
}
