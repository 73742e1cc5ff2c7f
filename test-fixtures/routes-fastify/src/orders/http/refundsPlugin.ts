import type { FastifyPluginAsync, FastifyRequest } from 'fastify';

// Registered by ordersPlugin with { prefix: '/refunds' }, itself registered with { prefix: '/v1' }.
export const refundsPlugin: FastifyPluginAsync = async (refunds) => {
  refunds.get('/:id', async (request: FastifyRequest<{ Params: { id: string } }>) => {
    return { id: request.params.id, status: 'pending' };
  });

  refunds.post('/', async (_request, reply) => {
    return reply.code(202).send({ accepted: true });
  });
};
