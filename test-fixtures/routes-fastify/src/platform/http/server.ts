import Fastify from 'fastify';
import { catalogPlugin } from '../../catalog/http/catalogPlugin';
import { legacyPlugin } from '../../legacy/http/legacyPlugin';
import { ordersPlugin } from '../../orders/http/ordersPlugin';
import { webhooksPlugin } from '../../webhooks/http/webhooksPlugin';

export function buildServer() {
  const app = Fastify({ logger: true, trustProxy: true });

  app.get('/health', async () => ({ status: 'ok' }));
  app.get('/metrics', async (_request, reply) => reply.header('Content-Type', 'text/plain').send('# metrics\n'));

  app.route({
    method: 'GET',
    url: '/v1/status',
    handler: async () => ({ incidents: [] }),
  });

  app.route({
    method: ['POST'],
    url: '/admin/reindex',
    handler: async (_request, reply) => reply.code(202).send(),
  });

  app.register(ordersPlugin, { prefix: '/v1' });
  app.register(catalogPlugin, { prefix: '/api/v2/catalog' });
  app.register(legacyPlugin, { prefix: '/legacy' });
  app.register(webhooksPlugin);

  return app;
}
