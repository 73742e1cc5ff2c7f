import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { CustomerTier, PricedLine } from '../core/types';

interface QuoteRequestBody {
  customerId: string;
  tier: CustomerTier;
  lines: Array<PricedLine & { unitCostCents: number }>;
  contractMonths?: number;
}

interface QuoteLine {
  sku: string;
  quantity: number;
  unitPriceCents: number;
  lineTotalCents: number;
}

const quoteBodySchema = {
  type: 'object',
  required: ['customerId', 'tier', 'lines'],
  properties: {
    customerId: { type: 'string', minLength: 1 },
    tier: { enum: ['standard', 'silver', 'gold', 'platinum'] },
    lines: { type: 'array', minItems: 1, maxItems: 500 },
    contractMonths: { type: 'integer', minimum: 0, maximum: 60 },
  },
} as const;

export const quoteRoutes: FastifyPluginAsync = async (app) => {
  app.post('/v1/quotes', { schema: { body: quoteBodySchema } }, async (request: FastifyRequest<{ Body: QuoteRequestBody }>, reply) => {
    const { lines, tier, contractMonths = 0 } = request.body;
    const totalUnits = lines.reduce((n, line) => n + line.quantity, 0);

    // B2B quote: volume discount on the whole quote, extra 1% per contract year (max 3%),
    // but never below cost + 15% margin on any single line.
    const volumeRate = totalUnits >= 1_000 ? 0.12 : totalUnits >= 250 ? 0.08 : totalUnits >= 50 ? 0.04 : 0;
    const contractRate = Math.min(Math.floor(contractMonths / 12) * 0.01, 0.03);
    const tierRate = tier === 'platinum' ? 0.02 : 0;
    const rate = volumeRate + contractRate + tierRate;

    const quoteLines: QuoteLine[] = lines.map((line) => {
      const floor = Math.ceil(line.unitCostCents * 1.15);
      const unitPriceCents = Math.max(Math.round(line.unitPriceCents * (1 - rate)), floor);
      return { sku: line.sku, quantity: line.quantity, unitPriceCents, lineTotalCents: unitPriceCents * line.quantity };
    });

    const validUntil = new Date(Date.now() + 14 * 86_400_000).toISOString();
    return reply.code(201).send({
      lines: quoteLines,
      totalCents: quoteLines.reduce((sum, l) => sum + l.lineTotalCents, 0),
      appliedRate: rate,
      validUntil,
    });
  });
};
