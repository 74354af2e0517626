/**
 * The analyst's toolbox routes (issue 15):
 * GET /api/rates?asOf=&rate=DGS10|DGS2 : `marketdash rates --format json` (yields, fed funds, curve,
 * FOMC decision and next meeting, rate sensitivity ranking, small caps vs Mag 7 after cuts).
 */
import type { FastifyInstance } from 'fastify';
import { ratesReport } from '../../services/rates/rates-report.js';
import { errorResponses, isoDate, isoDateParam } from '../api-schemas.js';
import { type ServerContext, sendCachedJson } from '../server-context.js';

export function registerToolboxRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: { asOf?: string; rate?: string } }>(
    '/rates',
    {
      schema: {
        summary:
          'Rates and the Fed: DGS2, DGS10, DFF with 1M/3M/YTD changes in bp, the 10y-2y curve, the last FOMC decision, rate sensitivities ranked, small caps vs Mag 7 after cuts',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { asOf: isoDate, rate: { type: 'string', enum: ['DGS10', 'DGS2'] } },
        },
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const asOf = isoDateParam(request.query.asOf, 'asOf');
      const rate = request.query.rate;
      return sendCachedJson(ctx, reply, 'rates', { asOf, rate }, async () =>
        ratesReport(ctx.store, { asOf, rate, config: ctx.config }),
      );
    },
  );
}
