import { Router, type Request, type Response } from 'express';
import type { OrderDto } from '../index';

// Mounted under /api/v1 by src/platform/http/server.ts — the paths here carry no version themselves.
export const ordersRouter = Router();

const orders = new Map<string, OrderDto>();

ordersRouter.get('/orders', (_req: Request, res: Response) => {
  res.json([...orders.values()]);
});

ordersRouter.get('/orders/:id', (req: Request<{ id: string }>, res: Response) => {
  const order = orders.get(req.params.id);
  return order ? res.json(order) : res.status(404).json({ error: 'not_found' });
});

ordersRouter.post('/orders', (req: Request<{}, unknown, Omit<OrderDto, 'id'>>, res: Response) => {
  const order: OrderDto = { ...req.body, id: `ord_${orders.size + 1}` };
  orders.set(order.id, order);
  res.status(201).json(order);
});

ordersRouter
  .route('/orders/:id/cancel')
  .post((req: Request<{ id: string }>, res: Response) => {
    const order = orders.get(req.params.id);
    if (!order) return res.status(404).end();
    orders.set(order.id, { ...order, status: 'cancelled' });
    return res.status(204).end();
  });
