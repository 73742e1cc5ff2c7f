import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { available, stockStatus } from '../core/stock';
import { UnknownSkuError, type StockRepository } from '../data/stockRepository';

interface ListQuery {
  page?: string;
  pageSize?: string;
  q?: string;
}

interface AdjustBody {
  warehouseId: string;
  delta: number;
  reason: string;
}

const adjustSchema = {
  body: {
    type: 'object',
    required: ['warehouseId', 'delta', 'reason'],
    properties: {
      warehouseId: { type: 'string', minLength: 1 },
      delta: { type: 'integer', not: { const: 0 } },
      reason: { type: 'string', minLength: 3, maxLength: 200 },
    },
  },
};

function pageParams(query: ListQuery) {
  const page = Math.max(1, Number.parseInt(query.page ?? '1', 10) || 1);
  const pageSize = Math.min(200, Math.max(1, Number.parseInt(query.pageSize ?? '50', 10) || 50));
  return { offset: (page - 1) * pageSize, limit: pageSize, page };
}

export async function inventoryRoutes(app: FastifyInstance, opts: { stock: StockRepository }) {
  const { stock } = opts;

  app.get('/v1/inventory', async (request: FastifyRequest<{ Querystring: ListQuery }>, reply: FastifyReply) => {
    const { offset, limit, page } = pageParams(request.query);
    const { items, total } = await stock.list({ offset, limit, search: request.query.q?.trim() || undefined });
    return reply.send({
      page,
      totalPages: Math.ceil(total / limit),
      items: items.map((item) => ({ sku: item.sku, name: item.name, available: available(item), status: stockStatus(item) })),
    });
  });

  app.post('/v1/inventory/:sku/adjustments', { schema: adjustSchema }, async (request: FastifyRequest<{ Params: { sku: string }; Body: AdjustBody }>, reply) => {
    try {
      await stock.adjust(request.params.sku, request.body.warehouseId, request.body.delta, request.body.reason);
      return reply.code(204).send();
    } catch (error) {
      if (error instanceof UnknownSkuError) return reply.code(404).send({ error: 'unknown_sku' });
      request.log.error({ err: error }, 'stock adjustment failed');
      return reply.code(502).send({ error: 'warehouse_unavailable' });
    }
  });
}
