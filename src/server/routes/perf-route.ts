/**
 * GET /api/perf?symbols=A,B | group=NAME [&asOf=YYYY-MM-DD] [&totalReturn=1]: the performance table,
 * one object per symbol exactly as `marketdash perf --format json` prints it (the perf-table service
 * computes it; this route only validates, resolves the group and caches).
 */
import type { FastifyInstance } from 'fastify';
import { groupMembers } from '../../config/universe-config.js';
import { UsageError } from '../../domain/errors.js';
import { PERIOD_KEYS } from '../../domain/period-keys.js';
import { perfTable } from '../../services/perf/perf-table.js';
import {
  errorResponses,
  flag,
  flagParam,
  groupName,
  isoDate,
  isoDateParam,
  tickerList,
  tickerListParam,
} from '../api-schemas.js';
import { type ServerContext, sendCachedJson } from '../server-context.js';

interface PerfQuery {
  symbols?: string;
  group?: string;
  asOf?: string;
  totalReturn?: string;
}

const returnsSchema = {
  type: 'object',
  properties: Object.fromEntries(PERIOD_KEYS.map((k) => [k, { type: ['number', 'null'] }])),
} as const;
const datedClose = {
  type: 'object',
  properties: { close: { type: ['number', 'null'] }, date: { type: ['string', 'null'] } },
} as const;

export const perfRowSchema = {
  type: 'object',
  properties: {
    symbol: { type: 'string' },
    asOf: { type: 'string' },
    close: { type: 'number' },
    returns: returnsSchema,
    ath: {
      type: 'object',
      properties: { close: { type: 'number' }, date: { type: 'string' }, distance: { type: 'number' } },
    },
    high52w: datedClose,
    low52w: datedClose,
    highestSince: { type: ['string', 'null'] },
    lowestSince: { type: ['string', 'null'] },
    streak: { type: 'integer' },
  },
} as const;

export function registerPerfRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: PerfQuery }>(
    '/perf',
    {
      schema: {
        summary: 'Performance table: returns (1d 5d mtd qtd ytd 1y 3y 5y), ATH, 52-week range, since-dates, streak',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { symbols: tickerList, group: groupName, asOf: isoDate, totalReturn: flag },
        },
        // Documented, not used to serialise: the cached body is the service's JSON as is.
        response: { 200: { type: 'array', items: perfRowSchema }, ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      if ((q.symbols === undefined) === (q.group === undefined)) {
        throw new UsageError('symbols: give either symbols=A,B or group=NAME (exactly one)', {
          parameter: q.symbols === undefined ? 'symbols' : 'group',
        });
      }
      const asOf = isoDateParam(q.asOf, 'asOf');
      const symbols = q.symbols !== undefined ? tickerListParam(q.symbols) : [...groupMembers(ctx.config, q.group!)];
      const totalReturn = flagParam(q.totalReturn);
      return sendCachedJson(
        ctx,
        reply,
        'perf',
        { symbols, asOf, totalReturn },
        async () => (await perfTable(ctx.store, { symbols, asOf, totalReturn })).rows,
      );
    },
  );
}
