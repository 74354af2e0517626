/**
 * Base rates: what happened after the earlier occurrences of an event in a series. Forward returns
 * are measured in trading days (bars of the series): 1 month = 21, 3 months = 63, 6 months = 126,
 * from the close of the occurrence bar to the close h bars later. Everything is computed as of a bar:
 * only occurrences strictly before it count ("earlier"), and a forward return counts only when its
 * end bar is on or before the as-of bar, so nothing after the as-of date is ever read.
 */
import { formatIsoDate } from '../../domain/trading-date.js';
import type { EventParams } from '../events/market-event.js';
import { beyondLine, breakoutHistory } from '../trend/trend-analysis.js';
import type { TrendOptions } from '../trend/trend-options.js';
import { type EventKey, episodes, eventFires } from './event-occurrences.js';

export interface Horizon {
  readonly label: string;
  readonly tradingDays: number;
}

export const DEFAULT_HORIZONS: readonly Horizon[] = [
  { label: '1m', tradingDays: 21 },
  { label: '3m', tradingDays: 63 },
  { label: '6m', tradingDays: 126 },
];

/** Default spacing of occurrences: one a month at most (see episodes()). */
export const DEFAULT_COOLDOWN_BARS = 21;

export interface HorizonStats {
  readonly tradingDays: number;
  /** Occurrences with a complete forward window. */
  readonly n: number;
  /** Median forward return (mean of the two middle ones for an even n), null when n = 0. */
  readonly median: number | null;
  readonly mean: number | null;
  /** Share of forward returns > 0, null when n = 0. */
  readonly sharePositive: number | null;
}

export interface Occurrence {
  readonly date: string;
  /** Forward returns by horizon label; null when the window runs past the as-of bar. */
  readonly returns: Readonly<Record<string, number | null>>;
  /** Breakouts: still beyond the line (as drawn at the break) 63 trading days later; null when too recent. */
  readonly beyondLine3m?: boolean | null;
}

/**
 * What a forward window measures: 'return' (close h bars later / close - 1, a fraction) for prices;
 * 'bp' (level h bars later - level, x100: basis points) for rates quoted in percent (DGS2, DGS10, DFF),
 * whose percent "returns" would mean nothing.
 */
export type ForwardMeasure = 'return' | 'bp';

export interface BaseRate {
  readonly count: number;
  /** Present for rates: the horizons' median, mean and share positive are of changes in basis points. */
  readonly unit?: 'bp';
  readonly horizons: Readonly<Record<string, HorizonStats>>;
  /** Breakouts only: the share of breaks still above the line (below, for a support) 3 months later. */
  readonly stillAboveLine3m?: { readonly n: number; readonly share: number | null };
  readonly occurrences: readonly Occurrence[];
}

/** Median of a non-empty list (sorted copy; mean of the middle two for an even length). */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >>> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Statistics of forward returns from occurrence bars, reading bars up to `asOfIndex` only. */
export function forwardReturnStats(
  dates: Int32Array,
  values: Float64Array,
  bars: readonly number[],
  asOfIndex: number,
  horizons: readonly Horizon[] = DEFAULT_HORIZONS,
  measure: ForwardMeasure = 'return',
): { horizons: Record<string, HorizonStats>; occurrences: Occurrence[] } {
  const perHorizon = horizons.map(() => [] as number[]);
  const occurrences: Occurrence[] = [];
  for (const b of bars) {
    const returns: Record<string, number | null> = {};
    horizons.forEach((h, k) => {
      const e = b + h.tradingDays;
      const r = e > asOfIndex ? null : measure === 'bp' ? (values[e]! - values[b]!) * 100 : values[e]! / values[b]! - 1;
      returns[h.label] = r;
      if (r !== null) perHorizon[k]!.push(r);
    });
    occurrences.push({ date: formatIsoDate(dates[b]!), returns });
  }
  const stats: Record<string, HorizonStats> = {};
  horizons.forEach((h, k) => {
    const rs = perHorizon[k]!;
    const n = rs.length;
    stats[h.label] = {
      tradingDays: h.tradingDays,
      n,
      median: n === 0 ? null : median(rs),
      mean: n === 0 ? null : rs.reduce((a, x) => a + x, 0) / n,
      sharePositive: n === 0 ? null : rs.filter((r) => r > 0).length / n,
    };
  });
  return { horizons: stats, occurrences };
}

/**
 * Base rate of a series event as of bar `asOfIndex`: its earlier occurrences (spaced by `cooldown`
 * bars) and their forward returns.
 * @example eventBaseRate(s.dates, s.close, { type: 'new_ath' }, DEFAULT_EVENT_PARAMS, s.dates.length - 1)
 */
export function eventBaseRate(
  dates: Int32Array,
  values: Float64Array,
  key: EventKey,
  params: EventParams,
  asOfIndex: number,
  cooldown: number = DEFAULT_COOLDOWN_BARS,
  horizons: readonly Horizon[] = DEFAULT_HORIZONS,
  measure: ForwardMeasure = 'return',
): BaseRate {
  const bars = Array.from(episodes(eventFires(dates, values, key, params, asOfIndex + 1), cooldown)).filter(
    (b) => b < asOfIndex,
  );
  const fw = forwardReturnStats(dates, values, bars, asOfIndex, horizons, measure);
  const base = { count: bars.length, horizons: fw.horizons, occurrences: fw.occurrences };
  return measure === 'bp' ? { ...base, unit: 'bp' } : base;
}

/**
 * Base rate of trendline breakouts (breakoutHistory: each break seen with data up to its week only)
 * before bar `asOfIndex`, with the share still beyond the line 63 trading days after the break. The
 * break in force at the as-of bar is excluded: it is the one whose odds are being asked.
 */
export function breakoutBaseRate(
  dates: Int32Array,
  values: Float64Array,
  options: TrendOptions,
  asOfIndex: number,
  horizons: readonly Horizon[] = DEFAULT_HORIZONS,
): BaseRate {
  const all = breakoutHistory(dates, values, options, asOfIndex + 1).filter((b) => b.barIndex < asOfIndex);
  // The break the series is in right now (still beyond its line at the as-of bar, less than three
  // months old) is the signal being judged, not an earlier occurrence of it: leave it out.
  const last = all[all.length - 1];
  const current =
    last !== undefined &&
    asOfIndex - last.barIndex < 63 &&
    beyondLine(last.line, dates[asOfIndex]!, values[asOfIndex]!) > 0;
  const breaks = current ? all.slice(0, -1) : all;
  const fw = forwardReturnStats(
    dates,
    values,
    breaks.map((b) => b.barIndex),
    asOfIndex,
    horizons,
  );
  let n = 0;
  let held = 0;
  const occurrences = fw.occurrences.map((o, k) => {
    const b = breaks[k]!;
    const e = b.barIndex + 63;
    if (e > asOfIndex) return { ...o, beyondLine3m: null };
    const beyond = beyondLine(b.line, dates[e]!, values[e]!) > 0;
    n++;
    if (beyond) held++;
    return { ...o, beyondLine3m: beyond };
  });
  return {
    count: breaks.length,
    horizons: fw.horizons,
    stillAboveLine3m: { n, share: n === 0 ? null : held / n },
    occurrences,
  };
}
