/**
 * The analyst's toolbox routes (issue 15):
 * GET /api/rates?asOf=&rate=DGS10|DGS2 : `marketdash rates --format json` (yields, fed funds, curve,
 * FOMC decision and next meeting, rate sensitivity ranking, small caps vs Mag 7 after cuts).
 * GET /api/seasonality?symbol=IWM/MAG7&window=12-15..01-05&asOf= : `marketdash seasonality --format json`.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses, isoDateInput } from '../../contracts/common-contract.js';
import { ratesResponseSchema } from '../../contracts/rates-contract.js';
import { seasonalityResponseSchema } from '../../contracts/seasonality-contract.js';
import type { DataWarning } from '../../services/data-warnings.js';
import { ratesReport } from '../../services/rates/rates-report.js';
import { seasonalityReport } from '../../services/seasonality/seasonality-report.js';
import { isoDateParam } from '../api-schemas.js';
import { type ServerContext, sendCachedJson } from '../server-context.js';

/** The API's object answers carry their warnings as one-line strings (the as-of day past the data). */
function withMessages<T extends { readonly warnings: readonly DataWarning[] }>(
  report: T,
): Omit<T, 'warnings'> & { warnings: string[] } {
  return { ...report, warnings: report.warnings.map((w) => w.message) };
}

export function registerToolboxRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/rates',
    {
      schema: {
        summary:
          'Rates and the Fed: DGS2, DGS10, DFF with 1M/3M/YTD changes in bp, the 10y-2y curve, the last FOMC decision, rate sensitivities ranked, small caps vs Mag 7 after cuts',
        querystring: z.strictObject({
          asOf: isoDateInput.optional(),
          rate: z.enum(['DGS10', 'DGS2']).optional().describe('the yield the sensitivities use (default DGS10)'),
        }),
        response: { 200: ratesResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const asOf = isoDateParam(request.query.asOf, 'asOf');
      const rate = request.query.rate;
      return sendCachedJson(ctx, reply, 'rates', { asOf, rate }, ratesResponseSchema, async () =>
        withMessages(await ratesReport(ctx.store, { asOf, rate, config: ctx.config })),
      );
    },
  );
  app.withTypeProvider<ZodTypeProvider>().get(
    '/seasonality',
    {
      schema: {
        summary:
          'Seasonality of a symbol or ratio A/B: the change over a calendar window (default 12-15..01-05) in every stored year, median, share up, this year so far; the monthly table',
        querystring: z.strictObject({
          symbol: z.string().min(1).max(40).describe('a symbol or a ratio A/B, e.g. IWM/MAG7'),
          window: z
            .string()
            .regex(/^\d{2}-\d{2}\.\.\d{2}-\d{2}$/, { error: 'must be MM-DD..MM-DD, e.g. 12-15..01-05' })
            .optional()
            .describe('MM-DD..MM-DD'),
          asOf: isoDateInput.optional(),
        }),
        response: { 200: seasonalityResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { symbol, window } = request.query;
      const asOf = isoDateParam(request.query.asOf, 'asOf');
      return sendCachedJson(ctx, reply, 'seasonality', { symbol, window, asOf }, seasonalityResponseSchema, async () =>
        withMessages(await seasonalityReport(ctx.store, { subject: symbol, window, asOf, config: ctx.config })),
      );
    },
  );
}
