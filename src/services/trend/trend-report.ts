/**
 * The trend use-case: the dominant trendline and breakout state of one stored series (a basket such as
 * MAG7 is a stored symbol) or of a pair A/B (the ratio on common dates, from ratio-report), as of a
 * day, as the JSON pieces `trend` and `breakout` that `marketdash trend` and `marketdash ratio --trend`
 * print.
 */

import { analyseTrend, type TrendAnalysis } from '../../analytics/trend/trend-analysis.js';
import { type TrendOptions, trendOptions } from '../../analytics/trend/trend-options.js';
import { UsageError } from '../../domain/errors.js';
import type { CloseField } from '../../domain/price-series.js';
import { normaliseTicker } from '../../domain/symbol-info.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import { visible } from '../../domain/visible-text.js';
import type { PriceStore } from '../../store/price-store.js';
import { type DataWarning, seriesFreshness } from '../data-warnings.js';
import { ratioReport } from '../perf/ratio-report.js';
import type { AsOfRequest } from '../service-request.js';
import { readSeriesAsOf } from '../stored-series.js';

export interface TrendJson {
  readonly kind: 'downtrend' | 'uptrend';
  readonly anchors: readonly { readonly date: string; readonly value: number }[];
  readonly touches: number;
  /** The weeks (their last trading day) whose close touched the line, oldest first: both anchors and the rest. */
  readonly touchDates: readonly string[];
  readonly slopeLogPerYear: number;
  readonly levelAtAsOf: number;
  readonly distance: number;
}

export interface BreakoutJson {
  readonly state: string;
  readonly since: string;
}

/** What a state means for a line of this kind, in words (for tables; JSON keeps the state names). */
export function stateReading(kind: 'downtrend' | 'uptrend', state: string): string {
  const down: Record<string, string> = {
    below: 'more than 3% under resistance',
    testing: 'within 3% under resistance: attempting to break',
    breaking: 'closed above resistance, not yet confirmed',
    confirmed: 'breakout confirmed',
    failed: 'broke above, then fell back more than 3% under',
  };
  const up: Record<string, string> = {
    below: 'more than 3% above support',
    testing: 'within 3% above support',
    breaking: 'closed under support, not yet confirmed',
    confirmed: 'breakdown confirmed',
    failed: 'broke under, then recovered more than 3% above',
  };
  return (kind === 'downtrend' ? down : up)[state] ?? state;
}

/** The `trend` and `breakout` keys: both null when no line qualifies. */
export function trendFields(analysis: TrendAnalysis | null): {
  trend: TrendJson | null;
  breakout: BreakoutJson | null;
} {
  if (analysis === null || analysis.line === null || analysis.breakout === null) return { trend: null, breakout: null };
  const line = analysis.line;
  return {
    trend: {
      kind: line.kind,
      anchors: line.anchors.map((a) => ({ date: formatIsoDate(a.day), value: a.value })),
      touches: line.touches,
      touchDates: line.touchDays.map((d) => formatIsoDate(d)),
      slopeLogPerYear: line.slopeLogPerYear,
      levelAtAsOf: analysis.levelAtAsOf!,
      distance: analysis.distance!,
    },
    breakout: { state: analysis.breakout.state, since: formatIsoDate(analysis.breakout.sinceDay) },
  };
}

/** Trend fields of a series' values up to and including bar `asOfIndex`. */
export function seriesTrendFields(
  dates: Int32Array,
  values: Float64Array,
  asOfIndex: number,
  options: TrendOptions,
): { trend: TrendJson | null; breakout: BreakoutJson | null } {
  return trendFields(analyseTrend(dates, values, options, asOfIndex + 1));
}

/**
 * `--lookback-years`: "N" (first anchor 2..N years back, or N..N when N < 2) or "A-B" (A..B years back).
 * @example parseLookbackYears('2-7') // { minYears: 2, maxYears: 7 }
 */
export function parseLookbackYears(text: string | undefined): Pick<TrendOptions, 'minYears' | 'maxYears'> {
  if (text === undefined) return { minYears: 2, maxYears: 7 };
  const m = /^\s*(\d+(?:\.\d+)?)\s*(?:-\s*(\d+(?:\.\d+)?))?\s*$/.exec(text);
  const a = m ? Number(m[1]) : Number.NaN;
  const b = m?.[2] !== undefined ? Number(m[2]) : Number.NaN;
  const range = Number.isNaN(b) ? { minYears: Math.min(2, a), maxYears: a } : { minYears: a, maxYears: b };
  if (!m || !(range.minYears > 0 && range.maxYears >= range.minYears && range.maxYears <= 50)) {
    throw new UsageError(
      `--lookback-years: '${text}' is not N or A-B with 0 < A <= B <= 50 (years back to the first anchor)`,
      { parameter: '--lookback-years' },
    );
  }
  return range;
}

export interface TrendRequest extends AsOfRequest {
  /** A stored symbol (`SPSM`, `MAG7`) or a pair `A/B`. */
  readonly series: string;
  readonly lookbackYears?: string | undefined;
}

export interface TrendReport {
  readonly symbol: string;
  readonly asOf: string;
  readonly last: number;
  readonly trend: TrendJson | null;
  readonly breakout: BreakoutJson | null;
  /** True when the series ends before the store's latest bar (up to the as-of day); `asOf` says where. */
  readonly stale: boolean;
  readonly warnings: DataWarning[];
}

export async function trendReport(store: PriceStore, req: TrendRequest): Promise<TrendReport> {
  const options = trendOptions(parseLookbackYears(req.lookbackYears));
  const field: CloseField = req.totalReturn ? 'adjClose' : 'close';
  const parts = req.series.split('/');
  if (parts.length > 2 || (parts.length === 2 && parts.some((p) => p.trim() === '')))
    throw new UsageError(`'${visible(req.series, 40)}' is not a symbol or a ratio A/B (e.g. SPSM/MAG7)`, {
      parameter: 'symbol',
    });
  if (parts.length === 2) {
    const [numerator = '', denominator = ''] = parts;
    const r = await ratioReport(store, {
      numerator,
      denominator,
      asOf: req.asOf,
      totalReturn: req.totalReturn,
    });
    return {
      symbol: `${r.numerator}/${r.denominator}`,
      asOf: r.asOf,
      last: r.last,
      ...seriesTrendFields(r.series.dates, r.series[r.field], r.asOfIndex, options),
      stale: r.stale,
      warnings: r.warnings,
    };
  }
  if (parts.length > 2)
    throw new UsageError(`symbol: '${req.series}' is neither a symbol nor a pair A/B`, { parameter: 'SYMBOL' });
  const symbol = normaliseTicker(req.series);
  if (!symbol) throw new UsageError('symbol: missing', { parameter: 'SYMBOL' });
  const { series, index } = await readSeriesAsOf(store, symbol, req.asOf);
  const requested = req.asOf === undefined ? null : parseIsoDate(req.asOf, '--as-of');
  const freshness = await seriesFreshness(store, symbol, series.dates[index]!, requested);
  return {
    symbol,
    asOf: formatIsoDate(series.dates[index]!),
    last: series[field][index]!,
    ...seriesTrendFields(series.dates, series[field], index, options),
    stale: freshness.stale,
    warnings: freshness.warnings,
  };
}
