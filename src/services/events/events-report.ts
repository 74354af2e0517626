/**
 * The events use-case: every event of every stored symbol (or of a group) as of a day, plus the
 * trend_state of each configured pair, each with its base rate (what followed the earlier occurrences
 * of the same event in the same series, using only data up to the as-of day).
 *
 * A symbol whose last bar is more than STALE_DAYS calendar days before the as-of day is skipped: its
 * "events" would be old news dated long ago. Without --as-of, the as-of day is the market's last close
 * (marketEnd: the latest bar of a series other than a rate), the day every other answer is as of.
 */

import { type BaseRate, breakoutBaseRate, eventBaseRate } from '../../analytics/base-rates/base-rate.js';
import type { EventKey } from '../../analytics/base-rates/event-occurrences.js';
import { EVENT_TYPES, type EventParams, type MarketEvent } from '../../analytics/events/market-event.js';
import { detectSeriesEvents } from '../../analytics/events/series-events.js';
import { detectTrendStateEvent } from '../../analytics/events/trend-state-event.js';
import { ratioSeries } from '../../analytics/ratios-baskets/ratio-series.js';
import { resolveAsOf } from '../../analytics/returns/as-of.js';
import { fiftyTwoWeekStart } from '../../analytics/returns/highs-lows.js';
import { type TrendOptions, trendOptions } from '../../analytics/trend/trend-options.js';
import type { UniverseConfig } from '../../config/universe-config.js';
import { ensureDefined } from '../../domain/ensure.js';
import { DataError } from '../../domain/errors.js';
import type { PriceSeries } from '../../domain/price-series.js';
import { normaliseTicker } from '../../domain/symbol-info.js';
import { formatIsoDate, parseIsoDate, sameDateMonthsEarlier } from '../../domain/trading-date.js';
import type { PriceStore } from '../../store/price-store.js';
import {
  asOfAfterData,
  type DataWarning,
  latestDay,
  marketEnd,
  notComputed,
  shortHistory,
  staleRows,
  warningList,
} from '../data-warnings.js';
import { resolveGroup } from '../groups/group-registry.js';
import { eventParams } from './event-params.js';

export const STALE_DAYS = 7;

/** The summary of a base rate embedded in an event (the occurrence list is left to `marketdash baserate`). */
export type BaseRateSummary = Omit<BaseRate, 'occurrences'>;

/**
 * An event with its base rate. A rate quoted in percent (kind `rate` in the config: DGS2, DGS10, DFF) also
 * carries `rate: true` and its moves in basis points (`changeBp`, `streakChangeBp`, `distanceBp`), and its
 * base rate measures forward changes in bp (`baseRate.unit: 'bp'`), never percent returns of a yield.
 */
export type EventWithBaseRate = MarketEvent & {
  readonly baseRate?: BaseRateSummary;
  readonly rate?: true;
  readonly changeBp?: number;
  readonly streakChangeBp?: number;
  readonly distanceBp?: number;
};

export interface EventsRequest {
  readonly asOf?: string | undefined;
  readonly group?: string | undefined;
  readonly config: UniverseConfig;
  /** Embed base rates (default true). */
  readonly baseRates?: boolean | undefined;
  readonly trend?: Partial<TrendOptions> | undefined;
}

export interface EventsReport {
  /** The day asked for (or the latest bar in the store). */
  readonly asOf: string;
  readonly events: EventWithBaseRate[];
  /** Symbols left out because their data ends more than STALE_DAYS before the as-of day. */
  readonly stale: string[];
  /** The as-of day past the data, symbols left out as stale, configured pairs that could not be computed. */
  readonly warnings: DataWarning[];
}

export async function eventsReport(store: PriceStore, req: EventsRequest): Promise<EventsReport> {
  const params = eventParams(req.config);
  const topts = trendOptions(req.trend);
  const withBaseRates = req.baseRates ?? true;
  const requested = req.asOf === undefined ? null : parseIsoDate(req.asOf, '--as-of');
  const range = requested === null ? undefined : { to: formatIsoDate(requested) };
  // a group imported into the store (marketdash group import) first, then the config's, as perf and breadth do
  const wanted =
    req.group === undefined
      ? 'all'
      : (await resolveGroup(req.group, { store, config: req.config })).members.map(normaliseTicker);
  const pairs = req.group === undefined ? req.config.pairs.map(configPair) : [];
  const pairTickers = pairs.flatMap((p) => [p.numerator, p.denominator]);
  // events read closes only (price-return conventions, like the column's figures)
  const loaded = await store.readMany(wanted === 'all' ? 'all' : [...new Set([...wanted, ...pairTickers])], range, {
    columns: ['close'],
  });

  // The end of the data is the market's last close (marketEnd), as in every answer: never a rate's later row
  // (FRED's fed funds rate has one every calendar day), else a quiet week of DFF rows would be "the day".
  const loadedEnd = latestDay(
    [...loaded.values()].filter((s) => s.dates.length > 0).map((s) => s.dates[s.dates.length - 1]!),
  );
  const market = await marketEnd(store);
  const dataEnd = market ?? loadedEnd;
  // past the data, events are as of the data's last day (and say so), never "quiet" days after it
  const asOfDay = requested === null || (dataEnd !== null && requested > dataEnd) ? dataEnd : requested;
  // asked for a day before every stored bar (of the group): an error, as perf, ratio and trend give, not "No events."
  if (requested !== null && loadedEnd === null && market !== null)
    throw new DataError(
      `--as-of: no bars stored on or before ${formatIsoDate(requested)}${req.group === undefined ? '' : ` for group '${req.group}'`}`,
    );
  if (asOfDay === null)
    return {
      asOf: req.asOf ?? '',
      events: [],
      stale: [],
      warnings: warningList(
        requested === null ? null : { code: 'as-of-after-data', message: `no bars stored on or before ${req.asOf}` },
      ),
    };

  const events: EventWithBaseRate[] = [];
  const stale: string[] = [];
  // events that could not be looked for, for want of history before the as-of bar: what -> the symbols
  const short = new Map<string, { symbol: string; firstDate: string }[]>();
  const tickers = wanted === 'all' ? [...loaded.keys()].sort() : wanted.filter((t) => loaded.has(t));
  for (const ticker of tickers) {
    const s = ensureDefined(loaded.get(ticker), `series ${ticker}`);
    const i = currentBar(s, asOfDay);
    if (i === null) {
      stale.push(ticker);
      continue;
    }
    const unchecked = uncheckedEvents(s.dates, i, params);
    if (unchecked !== null)
      short.set(unchecked, [
        ...(short.get(unchecked) ?? []),
        { symbol: ticker, firstDate: formatIsoDate(s.dates[0]!) },
      ]);
    const values = s.close;
    const rate = req.config.symbols[ticker]?.kind === 'rate';
    for (const e of detectSeriesEvents(ticker, s.dates, values, i, params)) {
      const measured = rate ? { ...e, ...rateMoves(e, values, i) } : e;
      events.push(
        withBaseRates
          ? {
              ...measured,
              baseRate: summary(
                eventBaseRate(s.dates, values, eventKey(e), params, i, undefined, undefined, rate ? 'bp' : 'return'),
              ),
            }
          : measured,
      );
    }
  }
  const skippedPairs: { name: string; reason: string }[] = [];
  for (const p of pairs) {
    const a = loaded.get(p.numerator);
    const b = loaded.get(p.denominator);
    if (a === undefined || b === undefined) {
      const missing = [a === undefined ? p.numerator : null, b === undefined ? p.denominator : null].filter(Boolean);
      skippedPairs.push({ name: p.label, reason: `no bars stored for ${missing.join(' and ')}` });
      continue;
    }
    const ratio = ratioSeries(a, b);
    const i = currentBar(ratio, asOfDay);
    if (i === null) {
      skippedPairs.push({
        name: p.label,
        reason: `no common bar within ${STALE_DAYS} days of ${formatIsoDate(asOfDay)}`,
      });
      continue;
    }
    const e = detectTrendStateEvent(p.label, ratio.dates, ratio.close, i, topts);
    if (e !== null)
      events.push(
        withBaseRates ? { ...e, baseRate: summary(breakoutBaseRate(ratio.dates, ratio.close, topts, i)) } : e,
      );
  }
  const order = (t: string) => EVENT_TYPES.indexOf(t as (typeof EVENT_TYPES)[number]);
  events.sort((x, y) => order(x.type) - order(y.type) || x.symbol.localeCompare(y.symbol));
  return {
    asOf: formatIsoDate(asOfDay),
    events,
    stale,
    warnings: warningList(
      asOfAfterData(requested, dataEnd),
      staleRows(stale, asOfDay, `left out, data ending more than ${STALE_DAYS} days before {day}`),
      ...[...short].map(([what, items]) => shortHistory(formatIsoDate(asOfDay), what, items)),
      notComputed(skippedPairs),
    ),
  };
}

/**
 * The events that cannot be looked for at bar `i` for want of history (the conditions of detectSeriesEvents),
 * as words for the short-history warning, or null when every one can:
 * 'all-time and 52-week highs and lows (a year of history), 50/200 crosses (200 closes)'.
 */
export function uncheckedEvents(dates: Int32Array, i: number, params: EventParams): string | null {
  const out: string[] = [];
  if (fiftyTwoWeekStart(dates, i) < 0) out.push('all-time and 52-week highs and lows (a year of history)');
  const months = params.sinceMinMonths;
  if (dates[0]! > sameDateMonthsEarlier(dates[i]!, months))
    out.push(`highest/lowest closes since (${months} month${months === 1 ? '' : 's'} of history)`);
  if (i < params.minStreak) out.push(`streaks (${params.minStreak + 1} closes)`);
  if (i < params.slowPeriod)
    out.push(`${params.fastPeriod}/${params.slowPeriod} crosses (${params.slowPeriod + 1} closes)`);
  return out.length === 0 ? null : out.join(', ');
}

/** The as-of bar of a series, or null when its data ends more than STALE_DAYS before the as-of day. */
function currentBar(s: PriceSeries, asOfDay: number): number | null {
  const { index, day } = resolveAsOf(s.dates, asOfDay);
  if (index < 0 || day === null || asOfDay - day > STALE_DAYS) return null;
  return index;
}

/**
 * A rate's moves in basis points, from its levels: the fractions of the event are of the levels, so the level
 * before a move is level / (1 + fraction). Rounded to 0.01 bp (levels are quoted to 0.01 percent).
 */
function rateMoves(
  e: MarketEvent,
  levels: Float64Array,
  i: number,
): { rate: true; changeBp?: number; streakChangeBp?: number; distanceBp?: number } {
  const bp = (to: number, fraction: number) => Math.round((to - to / (1 + fraction)) * 10_000) / 100;
  switch (e.type) {
    case 'streak':
      return { rate: true, changeBp: bp(levels[i]!, e.change) };
    case 'streak_end':
      return { rate: true, changeBp: bp(levels[i]!, e.change), streakChangeBp: bp(levels[i - 1]!, e.streakChange) };
    case 'near_ath':
      return { rate: true, distanceBp: Math.round((e.close - e.ath.close) * 10_000) / 100 };
    default:
      return { rate: true };
  }
}

/** The base-rate key of an event: its type and, for streaks and crosses, its direction. */
export function eventKey(e: MarketEvent): EventKey {
  switch (e.type) {
    case 'streak':
    case 'streak_end':
      return { type: e.type, variant: e.direction };
    case 'ma_cross':
      return { type: e.type, variant: e.cross };
    case 'trend_state':
      throw new RangeError('trend_state events take the breakout base rate of their pair');
    default:
      return { type: e.type };
  }
}

function summary(b: BaseRate): BaseRateSummary {
  const { occurrences: _omitted, ...rest } = b;
  return rest;
}

export interface Pair {
  readonly numerator: string;
  readonly denominator: string;
  readonly label: string;
}

/** `A/B` as a pair, or null when the text is not two symbols joined by a slash. */
export function parsePair(text: string): Pair | null {
  const parts = text.split('/').map(normaliseTicker);
  if (parts.length !== 2 || !parts[0] || !parts[1]) return null;
  return { numerator: parts[0], denominator: parts[1], label: `${parts[0]}/${parts[1]}` };
}

function configPair(text: string): Pair {
  const p = parsePair(text);
  if (p === null) throw new DataError(`config pairs: '${text}' is not a pair A/B (e.g. "SPSM/MAG7")`);
  return p;
}
