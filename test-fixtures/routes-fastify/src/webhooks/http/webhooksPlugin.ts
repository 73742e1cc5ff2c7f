import type { FastifyPluginAsync, FastifyRequest } from 'fastify';

// Registered without a prefix: the paths below are the public ones.
export const webhooksPlugin: FastifyPluginAsync = async (app) => {
  app.post('/webhooks/stripe', async (request, reply) => {
    if (!request.headers['stripe-signature']) return reply.code(400).send();
    return { received: true };
  });

  app.post('/v2/webhooks/carrier', async (request: FastifyRequest<{ Body: { events?: unknown[] } }>, reply) => {
    return reply.code(202).send({ accepted: request.body.events?.length ?? 0 });
  });
};
