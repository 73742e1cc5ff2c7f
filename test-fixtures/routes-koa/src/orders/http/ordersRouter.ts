import Router from '@koa/router';
import type { Context } from 'koa';

interface OrderDto {
  id: string;
  status: 'placed' | 'paid' | 'shipped';
}

const orders = new Map<string, OrderDto>();

// The prefix is given to the constructor, so every route below is /api/v1/orders/...
export const ordersRouter = new Router({ prefix: '/api/v1/orders' });

ordersRouter.get('/', (ctx: Context) => {
  ctx.body = [...orders.values()];
});

// Named route: the first string is the route name, the second one is the path.
ordersRouter.get('order-detail', '/:id', (ctx: Context) => {
  const order = orders.get(ctx.params.id);
  if (!order) ctx.throw(404, 'order not found');
  ctx.body = order;
});

ordersRouter.post('/', (ctx: Context) => {
  const order = { ...(ctx.request.body as Omit<OrderDto, 'id'>), id: `ord_${orders.size + 1}` };
  orders.set(order.id, order);
  ctx.status = 201;
  ctx.body = order;
});
