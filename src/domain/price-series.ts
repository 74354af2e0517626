/**
 * A symbol's daily history as columns. Dates ascend strictly; unknown values (open/high/low/volume
 * of a close-only file) are NaN, never invented. Close is split-adjusted; adjClose also folds in
 * dividends. Price returns use close, total returns adjClose.
 */
import type { DayNumber } from './trading-date.js';

export interface PriceSeries {
  readonly symbol: string;
  readonly dates: Int32Array;
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
  readonly adjClose: Float64Array;
  readonly volume: Float64Array;
}

/** Which close a computation reads: `close` for price return, `adjClose` for total return. */
export type CloseField = 'close' | 'adjClose';

export function emptySeries(symbol: string): PriceSeries {
  return seriesOfLength(symbol, 0);
}

export function seriesOfLength(symbol: string, n: number): PriceSeries {
  return {
    symbol,
    dates: new Int32Array(n),
    open: new Float64Array(n),
    high: new Float64Array(n),
    low: new Float64Array(n),
    close: new Float64Array(n),
    adjClose: new Float64Array(n),
    volume: new Float64Array(n),
  };
}

/** A close-only series (open/high/low/volume NaN, adjClose = close). Handy for ratios, baskets and tests. */
export function closeOnlySeries(symbol: string, dates: ArrayLike<number>, closes: ArrayLike<number>): PriceSeries {
  const n = dates.length;
  if (closes.length !== n) throw new RangeError(`closeOnlySeries(${symbol}): ${n} dates but ${closes.length} closes`);
  const s = seriesOfLength(symbol, n);
  for (let i = 0; i < n; i++) {
    s.dates[i] = dates[i]!;
    s.close[i] = closes[i]!;
    s.adjClose[i] = closes[i]!;
  }
  s.open.fill(Number.NaN);
  s.high.fill(Number.NaN);
  s.low.fill(Number.NaN);
  s.volume.fill(Number.NaN);
  return s;
}

export function seriesLength(s: PriceSeries): number {
  return s.dates.length;
}

/**
 * Index of the last bar on or before `day`, or -1 when every bar is later. Binary search.
 * This is the convention for an as-of date (a holiday means the trading day before it) and for
 * the base of a period return (the last close on or before the boundary). With `end`, only the
 * bars before index `end` are searched.
 */
export function indexOnOrBefore(dates: Int32Array, day: DayNumber, end: number = dates.length): number {
  let lo = 0;
  let hi = Math.min(end, dates.length) - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! <= day) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** Index of the first bar on or after `day`, or dates.length when every bar is earlier. */
export function indexOnOrAfter(dates: Int32Array, day: DayNumber): number {
  let lo = 0;
  let hi = dates.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (dates[mid]! < day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The bars with index in [start, end): shares no memory with the source. */
export function sliceSeries(s: PriceSeries, start: number, end: number): PriceSeries {
  return {
    symbol: s.symbol,
    dates: s.dates.slice(start, end),
    open: s.open.slice(start, end),
    high: s.high.slice(start, end),
    low: s.low.slice(start, end),
    close: s.close.slice(start, end),
    adjClose: s.adjClose.slice(start, end),
    volume: s.volume.slice(start, end),
  };
}
