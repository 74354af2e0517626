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
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { trendOptions } from '../../analytics/trend/trend-options.js';
import {
  errorResponses,
  flagInput,
  groupNameInput,
  isoDateInput,
  tickerInput,
} from '../../contracts/common-contract.js';
import { eventsResponseSchema } from '../../contracts/events-contract.js';
import { type RatioResponse, ratioResponseSchema } from '../../contracts/ratio-contract.js';
import { rotationResponseSchema } from '../../contracts/rotation-contract.js';
import { normaliseTicker } from '../../domain/symbol-info.js';
import { formatIsoDate } from '../../domain/trading-date.js';
import { eventsReport } from '../../services/events/events-report.js';
import { ratioJson, ratioReport } from '../../services/perf/ratio-report.js';
import { rotationReport } from '../../services/rotation/rotation-report.js';
import { seriesTrendFields } from '../../services/trend/trend-report.js';
import { checkRange, flagParam, isoDateParam } from '../api-schemas.js';
import { type ServerContext, sendCachedArray, sendCachedJson } from '../server-context.js';
import { nullableColumn } from './series-route.js';

export function registerAnalyticsRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/ratio',
    {
      schema: {
        summary: 'The ratio A/B: last value, period returns, and with trend=1 the trendline and breakout state',
        querystring: z.strictObject({
          a: tickerInput,
          b: tickerInput,
          asOf: isoDateInput.optional(),
          from: isoDateInput.optional(),
          trend: flagInput.optional(),
          series: flagInput.optional(),
          totalReturn: flagInput.optional(),
        }),
        response: { 200: ratioResponseSchema, ...errorResponses },
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
      const params = { a, b, asOf, from, trend, withSeries, totalReturn };
      return sendCachedJson(ctx, reply, 'ratio', params, ratioResponseSchema, async () => {
        const report = await ratioReport(ctx.store, { numerator: a, denominator: b, asOf, from, totalReturn });
        const out: RatioResponse = ratioJson(report);
        if (report.warnings.length > 0) out.warnings = report.warnings.map((w) => w.message);
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

  api.get(
    '/rotation',
    {
      schema: {
        summary: 'Relative rotation of a group against a benchmark: RS-Ratio, RS-Momentum, quadrant, heading, tail',
        querystring: z.strictObject({
          group: groupNameInput,
          benchmark: tickerInput,
          asOf: isoDateInput.optional(),
          tail: z.coerce.number().int().min(1).max(104).default(8).describe('weeks of trail per point (1..104)'),
        }),
        response: { 200: rotationResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const asOf = isoDateParam(q.asOf, 'asOf');
      const benchmark = normaliseTicker(q.benchmark);
      const tail = q.tail;
      const params = { group: q.group, benchmark, asOf, tail };
      return sendCachedArray(ctx, reply, 'rotation', params, rotationResponseSchema, async () => {
        const report = await rotationReport(ctx.store, { group: q.group, benchmark, asOf, tail });
        return { rows: report.rows, warnings: report.warnings };
      });
    },
  );

  api.get(
    '/events',
    {
      schema: {
        summary:
          'Market events as of a day: new ATH, near ATH, 52-week highs/lows, since-dates, streaks, trend states, MA crosses',
        querystring: z.strictObject({ asOf: isoDateInput.optional(), group: groupNameInput.optional() }),
        response: { 200: eventsResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const asOf = isoDateParam(request.query.asOf, 'asOf');
      const group = request.query.group;
      return sendCachedArray(ctx, reply, 'events', { asOf, group }, eventsResponseSchema, async () => {
        const report = await eventsReport(ctx.store, { asOf, group, config: ctx.config });
        return { rows: report.events, warnings: report.warnings };
      });
    },
  );
}
