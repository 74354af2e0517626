/**
 * POST /api/check : commentary in (JSON `{"text","asOf"?,"undatedAsOf"?,"tolerance"?}` or a text/plain body, at
 * most 256 KB), the verdict of each claim out, exactly as `marketdash check --format json` prints
 * it: {asOf, claims:[{text, symbol, metric, period, claimed, actual, verdict, reason, ...}]}.
 * Checked against the data version, so the same text at the same data is answered from the cache.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { checkBodySchema, checkResponseSchema } from '../../contracts/check-contract.js';
import { errorBodySchema, errorResponses } from '../../contracts/common-contract.js';
import { UsageError } from '../../domain/errors.js';
import { checkNote } from '../../services/check/check-note.js';
import { isoDateParam } from '../api-schemas.js';
import { type ServerContext, sendCachedJson } from '../server-context.js';

export function registerCheckRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.withTypeProvider<ZodTypeProvider>().post(
    '/check',
    {
      schema: {
        summary: 'Check the claims of market commentary against the stored data',
        body: checkBodySchema,
        response: {
          200: checkResponseSchema,
          413: errorBodySchema.describe('the body is over 256 KB'),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const body = typeof request.body === 'string' ? { text: request.body } : request.body;
      if (!body || typeof body.text !== 'string' || body.text.trim() === '')
        throw new UsageError('text: the commentary to check is empty', { parameter: 'text' });
      const asOf = isoDateParam(body.asOf, 'asOf');
      const undatedAsOf = isoDateParam(body.undatedAsOf, 'undatedAsOf');
      const tolerance = body.tolerance;
      const digest = createHash('sha256').update(body.text).digest('hex');
      const key = { digest, asOf, undatedAsOf, tolerance };
      return sendCachedJson(ctx, reply, 'check', key, checkResponseSchema, async () => {
        // an as-of day past the data: the claims are checked as of the last market close, and the warnings say so
        const { cliHints: _cliOnly, ...report } = await checkNote(ctx.store, {
          text: body.text,
          asOf,
          undatedAsOf,
          tolerance,
          config: ctx.config,
        });
        return report;
      });
    },
  );
}
