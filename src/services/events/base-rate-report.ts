/**
 * The base-rate use-case behind `marketdash baserate`: for one event on one series (a stored symbol or
 * a pair A/B), its earlier occurrences up to the as-of day and what followed them over 1, 3 and 6
 * months (21, 63, 126 trading days). `breakout` is a trendline break (see analytics/trend); every other
 * event is a series event of analytics/events, counted at most once per 21 trading days.
 */
import {
  type BaseRate,
  breakoutBaseRate,
  DEFAULT_COOLDOWN_BARS,
  eventBaseRate,
} from '../../analytics/base-rates/base-rate.js';
import type { EventKey } from '../../analytics/base-rates/event-occurrences.js';
import { EVENT_TYPES } from '../../analytics/events/market-event.js';
import { trendOptions } from '../../analytics/trend/trend-options.js';
import type { UniverseConfig } from '../../config/universe-config.js';
import { UsageError } from '../../domain/errors.js';
import type { PriceSeries } from '../../domain/price-series.js';
import { normaliseTicker } from '../../domain/symbol-info.js';
import { formatIsoDate } from '../../domain/trading-date.js';
import type { PriceStore } from '../../store/price-store.js';
import { type DataWarning, shortHistory, warningList } from '../data-warnings.js';
import { ratioReport } from '../perf/ratio-report.js';
import { readSeriesAsOf } from '../stored-series.js';
import { eventParams } from './event-params.js';
import { parsePair } from './events-report.js';

export const BASE_RATE_EVENTS = ['breakout', ...EVENT_TYPES.filter((t) => t !== 'trend_state')] as const;
export type BaseRateEventName = (typeof BASE_RATE_EVENTS)[number];

export interface BaseRateRequest {
  readonly event: string;
  readonly symbol?: string | undefined;
  readonly pair?: string | undefined;
  /** streak / streak_end: up (default) or down; ma_cross: golden (default) or death. */
  readonly direction?: string | undefined;
  readonly asOf?: string | undefined;
  readonly config: UniverseConfig;
}

export interface BaseRateReport extends BaseRate {
  readonly event: string;
  readonly series: string;
  readonly asOf: string;
  /** Occurrences are at least this many trading days apart (breakouts: every fresh break counts). */
  readonly cooldownTradingDays: number | null;
  /** Horizons no occurrence can fill: the history before the as-of day is shorter than they are. */
  readonly warnings: DataWarning[];
}

export async function baseRateReport(store: PriceStore, req: BaseRateRequest): Promise<BaseRateReport> {
  const event = req.event.trim().toLowerCase();
  if (!(BASE_RATE_EVENTS as readonly string[]).includes(event)) {
    throw new UsageError(`--event: '${req.event}' is not one of ${BASE_RATE_EVENTS.join(', ')}`, {
      parameter: '--event',
    });
  }
  const key = event === 'breakout' ? null : eventKeyFor(event as Exclude<BaseRateEventName, 'breakout'>, req.direction);
  if ((req.symbol === undefined) === (req.pair === undefined))
    throw new UsageError('baserate: give exactly one of --symbol SYM or --pair A/B', { parameter: '--symbol' });
  const { label, series, asOfIndex } = await loadSeries(store, req);
  const values = series.close;
  // a rate quoted in percent (DGS2, DGS10, DFF) is measured in forward changes in bp, never percent returns
  const measure = req.pair === undefined && req.config.symbols[label]?.kind === 'rate' ? 'bp' : 'return';
  const rate =
    key === null
      ? breakoutBaseRate(series.dates, values, trendOptions(), asOfIndex)
      : eventBaseRate(series.dates, values, key, eventParams(req.config), asOfIndex, undefined, undefined, measure);
  const asOf = formatIsoDate(series.dates[asOfIndex]!);
  // an occurrence on day k has a complete forward window of h days only when k + h <= the as-of index
  const unfilled = Object.entries(rate.horizons).filter(([, h]) => h.tradingDays > asOfIndex);
  return {
    event: key === null || key.variant === undefined ? event : `${event}:${key.variant}`,
    series: label,
    asOf,
    cooldownTradingDays: key === null ? null : DEFAULT_COOLDOWN_BARS,
    ...rate,
    warnings: warningList(
      unfilled.length === 0
        ? null
        : shortHistory(
            asOf,
            `the ${unfilled.map(([k]) => k).join(', ')} horizon${unfilled.length > 1 ? 's' : ''} (${unfilled.map(([, h]) => h.tradingDays).join('/')} trading days; ${asOfIndex} stored before the as-of day)`,
            [{ symbol: label, firstDate: formatIsoDate(series.dates[0]!) }],
          ),
    ),
  };
}

function eventKeyFor(type: Exclude<BaseRateEventName, 'breakout'>, direction: string | undefined): EventKey {
  const d = direction?.trim().toLowerCase();
  if (type === 'streak' || type === 'streak_end') {
    if (d !== undefined && d !== 'up' && d !== 'down')
      throw new UsageError(`--direction: '${direction}' is not up or down (for ${type})`, { parameter: '--direction' });
    return { type, variant: (d ?? 'up') as 'up' | 'down' };
  }
  if (type === 'ma_cross') {
    if (d !== undefined && d !== 'golden' && d !== 'death')
      throw new UsageError(`--direction: '${direction}' is not golden or death (for ma_cross)`, {
        parameter: '--direction',
      });
    return { type, variant: (d ?? 'golden') as 'golden' | 'death' };
  }
  if (d !== undefined) throw new UsageError(`--direction: ${type} has no direction`, { parameter: '--direction' });
  return { type };
}

async function loadSeries(
  store: PriceStore,
  req: BaseRateRequest,
): Promise<{ label: string; series: PriceSeries; asOfIndex: number }> {
  if (req.pair !== undefined) {
    const p = parsePair(req.pair);
    if (p === null) throw new UsageError(`--pair: '${req.pair}' is not A/B (e.g. SPSM/MAG7)`, { parameter: '--pair' });
    const r = await ratioReport(store, { numerator: p.numerator, denominator: p.denominator, asOf: req.asOf });
    return { label: p.label, series: r.series, asOfIndex: r.asOfIndex };
  }
  const symbol = normaliseTicker(req.symbol ?? '');
  if (!symbol) throw new UsageError('--symbol: missing', { parameter: '--symbol' });
  const { series, index } = await readSeriesAsOf(store, symbol, req.asOf);
  return { label: symbol, series, asOfIndex: index };
}
