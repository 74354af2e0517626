/**
 * GET /api/series/:symbol?from=&asOf=&ind=sma:50,rsi:14 : bars and indicators as columns
 * (`dates`, `open` ... `volume`, `indicators.{sma_50,...}`), unknown values as null, and
 * `indicatorSpecs` naming each indicator's kind and output columns (so clients never rebuild names). Indicators are
 * computed on the whole history up to `asOf` and then cut to `from`, so a chart window starting in
 * the middle still has its averages from the first bar shown (no fresh warm-up at the window edge).
 * `to` is the older name of `asOf` (the same day; both given, they must agree). Past the market data's last
 * close the answer says "data ends" with that day; a series ending earlier (^RUT in February beside ETFs in
 * August) is said to be stale, each as every other endpoint says it (data-warnings.ts).
 * GET /api/sparklines?symbols=A,B&days=63&asOf= : the last `days` closes per symbol up to the as-of day, for sparklines.
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { parseIndicatorSpecs } from '../../analytics/indicators/indicator-spec.js';
import { computeIndicators } from '../../analytics/indicators/indicator-table.js';
import { errorResponses, isoDateInput, tickerInput, tickerListInput } from '../../contracts/common-contract.js';
import { seriesResponseSchema, sparklinesResponseSchema } from '../../contracts/series-contract.js';
import { NotFoundError, UsageError } from '../../domain/errors.js';
import { indexOnOrAfter, type PriceSeries } from '../../domain/price-series.js';
import { normaliseTicker } from '../../domain/symbol-info.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import {
  asOfAfterData,
  marketEnd,
  seriesFreshness,
  staleRows,
  tradingDayBetween,
  warningList,
} from '../../services/data-warnings.js';
import { checkRange, isoDateParam, tickerListParam } from '../api-schemas.js';
import { type ServerContext, sendCachedArray, sendCachedJson } from '../server-context.js';

/** A Float64Array as a JSON array with null for NaN (JSON has no NaN). */
export function nullableColumn(values: Float64Array, start = 0, end = values.length): (number | null)[] {
  const out = new Array<number | null>(end - start);
  for (let i = start; i < end; i++) {
    const v = values[i]!;
    out[i - start] = Number.isNaN(v) ? null : v;
  }
  return out;
}

function isoColumn(dates: Int32Array, start: number, end: number): string[] {
  const out = new Array<string>(end - start);
  for (let i = start; i < end; i++) out[i - start] = formatIsoDate(dates[i]!);
  return out;
}

async function readOrNotFound(ctx: ServerContext, symbol: string, to: string | undefined): Promise<PriceSeries | null> {
  const series = await ctx.store.readSeries(symbol, to === undefined ? undefined : { to });
  if (series === null && (await ctx.store.getSymbol(symbol)) === null) throw new NotFoundError(symbol);
  return series;
}

/**
 * Why a known symbol's columns are empty, in the API's words (as `marketdash indicators` says it): no bars stored
 * at all, or none from `from` to `to` beside the days that are stored.
 * @example noBarsInRange(ctx, 'SPY', '2030-01-01', undefined)
 *   // 'SPY has no bars from 2030-01-01 to the end (stored: 2015-01-02 to 2026-08-03)'
 */
async function noBarsInRange(
  ctx: ServerContext,
  symbol: string,
  from: string | undefined,
  to: string | undefined,
): Promise<string> {
  const all = await ctx.store.readSeries(symbol);
  if (all === null || all.dates.length === 0) return `no prices stored for ${symbol}`;
  const span = `${formatIsoDate(all.dates[0]!)} to ${formatIsoDate(all.dates[all.dates.length - 1]!)}`;
  return `${symbol} has no bars from ${from ?? 'the start'} to ${to ?? 'the end'} (stored: ${span})`;
}

/** The day of `asOf`, or of its older name `to`; both given, they must be the same day. */
function asOfOrTo(asOf: string | undefined, to: string | undefined): string | undefined {
  if (asOf !== undefined && to !== undefined && asOf !== to)
    throw new UsageError(`to: ${to} differs from asOf ${asOf} (to is the older name of asOf: give one)`, {
      parameter: 'to',
    });
  return asOf ?? to;
}

export function registerSeriesRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/series/:symbol',
    {
      schema: {
        summary: 'Daily bars and indicators as columns',
        params: z.object({ symbol: tickerInput }),
        querystring: z.strictObject({
          from: isoDateInput.optional(),
          asOf: isoDateInput
            .optional()
            .describe('the last day of the columns (past the market data: its last day, and a warning)'),
          to: isoDateInput.optional().describe('the older name of asOf (both given, they must be the same day)'),
          ind: z
            .string()
            .max(400)
            .optional()
            .describe('indicators as the CLI takes them: sma:20,ema:20,rsi:14,macd:12:26:9,bbands:20:2,atr:14,roc:10'),
        }),
        response: { 200: seriesResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const symbol = normaliseTicker(request.params.symbol);
      const from = isoDateParam(request.query.from, 'from');
      const to = asOfOrTo(isoDateParam(request.query.asOf, 'asOf'), isoDateParam(request.query.to, 'to'));
      checkRange(from, to);
      const specs = request.query.ind === undefined ? [] : parseIndicatorSpecs(request.query.ind, 'ind');
      return sendCachedJson(
        ctx,
        reply,
        'series',
        { symbol, from, to, ind: specs.map((s) => s.text) },
        seriesResponseSchema,
        async () => {
          const info = await ctx.store.getSymbol(symbol);
          const s = await readOrNotFound(ctx, symbol, to);
          const name = info?.name ?? ctx.config.symbols[symbol]?.name ?? null;
          const indicatorSpecs = specs.map((spec) => ({ spec: spec.text, kind: spec.kind, columns: spec.columns }));
          const start = s === null || from === undefined ? 0 : indexOnOrAfter(s.dates, parseIsoDate(from, 'from'));
          const end = s === null ? 0 : s.dates.length;
          if (s === null || start >= end)
            return {
              symbol,
              name,
              dates: [],
              open: [],
              high: [],
              low: [],
              close: [],
              adjClose: [],
              volume: [],
              indicatorSpecs,
              indicators: {},
              warnings: [await noBarsInRange(ctx, symbol, from, to)],
            };
          // asOf past the market's last close, or the series ending before it: the answer says so
          const fresh = await seriesFreshness(
            ctx.store,
            symbol,
            s.dates[end - 1]!,
            to === undefined ? null : parseIsoDate(to),
          );
          const indicators: Record<string, (number | null)[]> = {};
          for (const col of computeIndicators(s, specs)) indicators[col.name] = nullableColumn(col.values, start, end);
          return {
            symbol,
            name,
            dates: isoColumn(s.dates, start, end),
            open: nullableColumn(s.open, start, end),
            high: nullableColumn(s.high, start, end),
            low: nullableColumn(s.low, start, end),
            close: nullableColumn(s.close, start, end),
            adjClose: nullableColumn(s.adjClose, start, end),
            volume: nullableColumn(s.volume, start, end),
            indicatorSpecs,
            indicators,
            ...(fresh.warnings.length ? { warnings: fresh.warnings.map((w) => w.message) } : {}),
          };
        },
      );
    },
  );

  api.get(
    '/sparklines',
    {
      schema: {
        summary: 'The last N closes of each symbol (for sparklines)',
        querystring: z.strictObject({
          symbols: tickerListInput,
          days: z.coerce.number().int().min(2).max(520).default(63).describe('trading days per sparkline (2..520)'),
          asOf: isoDateInput.optional(),
        }),
        response: { 200: sparklinesResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const symbols = tickerListParam(request.query.symbols);
      const days = request.query.days;
      const asOf = isoDateParam(request.query.asOf, 'asOf');
      return sendCachedArray(ctx, reply, 'sparklines', { symbols, days, asOf }, sparklinesResponseSchema, async () => {
        const found = await ctx.store.readMany(symbols, asOf === undefined ? undefined : { to: asOf });
        for (const s of symbols)
          if (!found.has(s) && (await ctx.store.getSymbol(s)) === null) throw new NotFoundError(s);
        // one "data ends" day for every answer: the market's last close (a rate past it ends its own data)
        const requested = asOf === undefined ? null : parseIsoDate(asOf);
        const ends = [...found.values()].filter((s) => s.dates.length > 0).map((s) => s.dates[s.dates.length - 1]!);
        const market = await marketEnd(ctx.store);
        const dataEnd = Math.max(market ?? Number.NEGATIVE_INFINITY, ...ends);
        const day = requested === null || requested > dataEnd ? dataEnd : requested;
        const stale = symbols.filter((t) => {
          const s = found.get(t);
          const last = s && s.dates.length > 0 ? s.dates[s.dates.length - 1]! : null;
          return last !== null && tradingDayBetween(last, day);
        });
        const empty: string[] = [];
        for (const t of symbols) if (!found.has(t)) empty.push(await noBarsInRange(ctx, t, undefined, asOf));
        const rows = symbols.map((symbol) => {
          const s = found.get(symbol);
          if (!s) return { symbol, dates: [], close: [] };
          const start = Math.max(0, s.dates.length - days);
          return {
            symbol,
            dates: isoColumn(s.dates, start, s.dates.length),
            close: nullableColumn(s.close, start, s.dates.length),
          };
        });
        return {
          rows,
          warnings: [
            ...warningList(
              Number.isFinite(dataEnd) ? asOfAfterData(requested, dataEnd) : null,
              staleRows(stale, day, 'series ending before {day} (marked stale)'),
            ),
            ...empty.map((message) => ({ message })),
          ],
        };
      });
    },
  );
}
