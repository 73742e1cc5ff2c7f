import type { FastifyPluginAsync } from 'fastify';

// Old back-office endpoints, registered with { prefix: '/legacy' }.
export const legacyPlugin: FastifyPluginAsync = async (app) => {
  app.get('/orders/export', async (_request, reply) => {
    return reply.header('Content-Type', 'text/csv').send('id,status,total\n');
  });

  app.put('/orders/:id/notes', async (_request, reply) => reply.code(204).send());
};
