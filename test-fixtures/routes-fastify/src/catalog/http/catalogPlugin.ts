import type { FastifyPluginCallback, FastifyRequest } from 'fastify';

const products = [{ sku: 'TEE-BLK-M', name: 'Heavyweight tee', priceCents: 2_900 }];

/** Catalog v2, registered with { prefix: '/api/v2/catalog' }. Callback-style plugin. */
export const catalogPlugin: FastifyPluginCallback = (app, _opts, done) => {
  app.get('/products', async (request: FastifyRequest<{ Querystring: { q?: string } }>) => {
    const q = (request.query.q ?? '').toLowerCase();
    return products.filter((p) => p.name.toLowerCase().includes(q));
  });

  app.route<{ Params: { sku: string } }>({
    method: 'GET',
    url: '/products/:sku',
    handler: async (request, reply) => products.find((p) => p.sku === request.params.sku) ?? reply.code(404).send(),
  });

  done();
};
