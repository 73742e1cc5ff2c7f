import { Hono } from 'hono';

interface OrderDto {
  id: string;
  status: 'placed' | 'paid' | 'shipped';
}

const orders = new Map<string, OrderDto>();

// basePath() returns a new app whose routes all start with /api/v1; the platform mounts it at '/'.
export const ordersApi = new Hono().basePath('/api/v1');

ordersApi.get('/orders', (c) => c.json([...orders.values()]));

ordersApi.get('/orders/:id', (c) => {
  const order = orders.get(c.req.param('id'));
  return order ? c.json(order) : c.notFound();
});

ordersApi.post('/orders', async (c) => {
  const body = await c.req.json<Omit<OrderDto, 'id'>>();
  const order = { ...body, id: `ord_${orders.size + 1}` };
  orders.set(order.id, order);
  return c.json(order, 201);
});
