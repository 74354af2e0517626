/**
 * POST /api/check : commentary in (JSON `{"text","asOf"?,"tolerance"?}` or a text/plain body, at
 * most 256 KB), the verdict of each claim out, exactly as `marketdash check --format json` prints
 * it: {asOf, claims:[{text, symbol, metric, period, claimed, actual, verdict, reason, ...}]}.
 * Checked against the data version, so the same text at the same data is answered from the cache.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { UsageError } from '../../domain/errors.js';
import { checkNote } from '../../services/check/check-note.js';
import { errorResponses, errorSchema, isoDate, isoDateParam } from '../api-schemas.js';
import { type ServerContext, sendCachedJson } from '../server-context.js';

interface CheckBody {
  text: string;
  asOf?: string;
  tolerance?: number;
}

export function registerCheckRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.post<{ Body: CheckBody | string }>(
    '/check',
    {
      schema: {
        summary: 'Check the claims of market commentary against the stored data',
        body: {
          oneOf: [
            {
              type: 'object',
              additionalProperties: false,
              required: ['text'],
              properties: {
                text: { type: 'string', description: 'the commentary' },
                asOf: isoDate,
                tolerance: {
                  type: 'number',
                  minimum: 0,
                  maximum: 0.5,
                  description: 'allowed difference for returns, as a fraction (default 0.0005)',
                },
              },
            },
            { type: 'string', description: 'the commentary as text/plain' },
          ],
        },
        response: { 413: { description: 'the body is over 256 KB', ...errorSchema }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const body: CheckBody = typeof request.body === 'string' ? { text: request.body } : request.body;
      if (!body || typeof body.text !== 'string' || body.text.trim() === '')
        throw new UsageError('text: the commentary to check is empty', { parameter: 'text' });
      const asOf = isoDateParam(body.asOf, 'asOf');
      const tolerance = body.tolerance;
      const digest = createHash('sha256').update(body.text).digest('hex');
      return sendCachedJson(ctx, reply, 'check', { digest, asOf, tolerance }, async () =>
        checkNote(ctx.store, { text: body.text, asOf, tolerance, config: ctx.config }),
      );
    },
  );
}
