import type { Request, Response } from 'express';
import type { StockRepository } from '../data/stockRepository';

interface ReservationBody {
  sku: string;
  quantity: number;
}

export function createReservationHandler(stock: StockRepository) {
  return async (req: Request<{}, unknown, ReservationBody>, res: Response) => {
    const { sku, quantity } = req.body;
    if (typeof sku !== 'string' || !Number.isInteger(quantity) || quantity <= 0) {
      return res.status(400).json({ error: 'sku and a positive integer quantity are required' });
    }
    const customerId = req.user?.id;
    if (!customerId) return res.status(401).end();

    const item = await stock.findItem(sku);
    if (!item) return res.status(404).json({ error: 'unknown_sku' });

    // At most 5 units per SKU per customer across open carts; limited drops allow only 1.
    const limitedDrop = item.onHand <= 50 && item.reserved / Math.max(item.onHand, 1) > 0.5;
    const perCustomerLimit = limitedDrop ? 1 : 5;
    const existing = await stock.activeReservations(sku, customerId);
    const alreadyHeld = existing.reduce((sum, r) => sum + r.quantity, 0);
    if (alreadyHeld + quantity > perCustomerLimit) {
      return res.status(409).json({ error: 'reservation_limit', limit: perCustomerLimit });
    }
    if (item.onHand - item.reserved < quantity) {
      return res.status(409).json({ error: 'insufficient_stock' });
    }

    // Carts hold stock for 15 minutes, VIP customers for an hour.
    const holdMinutes = req.user?.tier === 'vip' ? 60 : 15;
    const expiresAt = new Date(Date.now() + holdMinutes * 60_000).toISOString();
    const id = await stock.reserve({ sku, customerId, quantity, expiresAt });
    return res.status(201).json({ id, expiresAt });
  };
}
