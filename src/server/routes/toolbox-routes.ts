/**
 * The analyst's toolbox routes (issue 15):
 * GET /api/rates?asOf=&rate=DGS10|DGS2 : `marketdash rates --format json` (yields, fed funds, curve,
 * FOMC decision and next meeting, rate sensitivity ranking, small caps vs Mag 7 after cuts).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, isoDateInput } from '../../contracts/common-contract.js';
import { ratesResponseSchema } from '../../contracts/rates-contract.js';
import { ratesReport } from '../../services/rates/rates-report.js';
import { isoDateParam } from '../api-schemas.js';
import { type ServerContext, sendCachedJson } from '../server-context.js';

export function registerToolboxRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/rates',
    {
      schema: {
        summary:
          'Rates and the Fed: DGS2, DGS10, DFF with 1M/3M/YTD changes in bp, the 10y-2y curve, the last FOMC decision, rate sensitivities ranked, small caps vs Mag 7 after cuts',
        querystring: z.strictObject({ asOf: isoDateInput.optional(), rate: z.enum(['DGS10', 'DGS2']).optional() }),
        response: { 200: ratesResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const asOf = isoDateParam(request.query.asOf, 'asOf');
      const rate = request.query.rate;
      return sendCachedJson(ctx, reply, 'rates', { asOf, rate }, ratesResponseSchema, async () =>
        ratesReport(ctx.store, { asOf, rate, config: ctx.config }),
      );
    },
  );
}
