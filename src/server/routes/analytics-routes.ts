/**
 * GET /api/ratio?a=&b=&asOf=&from=&trend=1&series=1 : the ratio A/B as `marketdash ratio --format
 * json` prints it (with `--trend`: the trendline and breakout state), plus the ratio series itself
 * as columns when series=1 (for charts).
 * GET /api/rotation?group=&benchmark=&asOf=&tail= : relative rotation, the array of
 * `marketdash rotation --format json`.
 * GET /api/events?asOf=&group= : the market events as of a day (`marketdash events --format json`:
 * an array of {type, symbol, date, ...figures, baseRate}).
 */
import type { FastifyInstance } from 'fastify';
import { trendOptions } from '../../analytics/trend/trend-options.js';
import { normaliseTicker } from '../../domain/symbol-info.js';
import { formatIsoDate } from '../../domain/trading-date.js';
import { eventsReport } from '../../services/events/events-report.js';
import { ratioJson, ratioReport } from '../../services/perf/ratio-report.js';
import { rotationReport } from '../../services/rotation/rotation-report.js';
import { seriesTrendFields } from '../../services/trend/trend-report.js';
import {
  checkRange,
  errorResponses,
  flag,
  flagParam,
  groupName,
  isoDate,
  isoDateParam,
  ticker,
} from '../api-schemas.js';
import { type ServerContext, sendCachedJson } from '../server-context.js';
import { nullableColumn } from './series-route.js';

interface RatioQuery {
  a: string;
  b: string;
  asOf?: string;
  from?: string;
  trend?: string;
  series?: string;
  totalReturn?: string;
}

export function registerAnalyticsRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get<{ Querystring: RatioQuery }>(
    '/ratio',
    {
      schema: {
        summary: 'The ratio A/B: last value, period returns, and with trend=1 the trendline and breakout state',
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['a', 'b'],
          properties: {
            a: ticker,
            b: ticker,
            asOf: isoDate,
            from: isoDate,
            trend: flag,
            series: flag,
            totalReturn: flag,
          },
        },
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const a = normaliseTicker(q.a);
      const b = normaliseTicker(q.b);
      const asOf = isoDateParam(q.asOf, 'asOf');
      const from = isoDateParam(q.from, 'from');
      checkRange(from, asOf);
      const withSeries = flagParam(q.series);
      const totalReturn = flagParam(q.totalReturn);
      const trend = flagParam(q.trend);
      return sendCachedJson(ctx, reply, 'ratio', { a, b, asOf, from, trend, withSeries, totalReturn }, async () => {
        const report = await ratioReport(ctx.store, { numerator: a, denominator: b, asOf, from, totalReturn });
        const out: Record<string, unknown> = ratioJson(report);
        if (trend)
          Object.assign(
            out,
            seriesTrendFields(report.series.dates, report.series[report.field], report.asOfIndex, trendOptions()),
          );
        if (withSeries) {
          const values = report.series[report.field];
          const end = report.asOfIndex + 1;
          const dates = new Array<string>(end);
          for (let i = 0; i < end; i++) dates[i] = formatIsoDate(report.series.dates[i]!);
          out.series = { dates, values: nullableColumn(values, 0, end) };
        }
        return out;
      });
    },
  );

  app.get<{ Querystring: { group: string; benchmark: string; asOf?: string; tail?: number } }>(
    '/rotation',
    {
      schema: {
        summary: 'Relative rotation of a group against a benchmark: RS-Ratio, RS-Momentum, quadrant, heading, tail',
        querystring: {
          type: 'object',
          additionalProperties: false,
          required: ['group', 'benchmark'],
          properties: {
            group: groupName,
            benchmark: ticker,
            asOf: isoDate,
            tail: { type: 'integer', minimum: 1, maximum: 104, default: 8 },
          },
        },
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const asOf = isoDateParam(q.asOf, 'asOf');
      const benchmark = normaliseTicker(q.benchmark);
      const tail = q.tail ?? 8;
      return sendCachedJson(ctx, reply, 'rotation', { group: q.group, benchmark, asOf, tail }, async () => {
        const report = await rotationReport(ctx.store, { group: q.group, benchmark, asOf, tail });
        return report.rows;
      });
    },
  );

  app.get<{ Querystring: { asOf?: string; group?: string } }>(
    '/events',
    {
      schema: {
        summary:
          'Market events as of a day: new ATH, near ATH, 52-week highs/lows, since-dates, streaks, trend states, MA crosses',
        querystring: { type: 'object', additionalProperties: false, properties: { asOf: isoDate, group: groupName } },
        response: { ...errorResponses },
      },
    },
    async (request, reply) => {
      const asOf = isoDateParam(request.query.asOf, 'asOf');
      const group = request.query.group;
      return sendCachedJson(
        ctx,
        reply,
        'events',
        { asOf, group },
        async () => (await eventsReport(ctx.store, { asOf, group, config: ctx.config })).events,
      );
    },
  );
}
