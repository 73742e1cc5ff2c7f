import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { OrderDto } from '../index';
import { refundsPlugin } from './refundsPlugin';

const orders = new Map<string, OrderDto>();

const createOrderSchema = {
  body: {
    type: 'object',
    required: ['status', 'totalCents'],
    properties: { status: { type: 'string' }, totalCents: { type: 'integer', minimum: 0 } },
  },
};

/** Orders API. The server registers this plugin with { prefix: '/v1' }. */
export async function ordersPlugin(fastify: FastifyInstance): Promise<void> {
  fastify.get('/orders', async () => [...orders.values()]);

  fastify.get('/orders/:id', async (request: FastifyRequest<{ Params: { id: string } }>, reply) => {
    const order = orders.get(request.params.id);
    return order ?? reply.code(404).send({ error: 'not_found' });
  });

  fastify.post('/orders', { schema: createOrderSchema }, async (request: FastifyRequest<{ Body: Omit<OrderDto, 'id'> }>, reply) => {
    const order: OrderDto = { ...request.body, id: `ord_${orders.size + 1}` };
    orders.set(order.id, order);
    return reply.code(201).send(order);
  });

  fastify.register(refundsPlugin, { prefix: '/refunds' });
}
