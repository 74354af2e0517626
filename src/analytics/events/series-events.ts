/**
 * The events of one series as of one bar, computed with the perf conventions of
 * src/analytics/returns (highs and lows on closes, ties to the earliest bar; highestSince /
 * lowestSince; streak) and the SMA of src/analytics/indicators. Only bars up to the as-of bar are read.
 *
 * Conventions where the issue was silent:
 * - new_ath, near_ath, new_52w_high/low need at least a year of history (a bar on or before the same
 *   date a year earlier, as the 52-week window does): a fund listed last month has no meaningful record.
 * - new_52w_high is not reported on a new_ath day (the ATH says more); new_52w_low always is.
 * - highest_since / lowest_since: the since date must be on or before the same calendar date
 *   sinceMinMonths earlier (default 1 month); a new ATH has no since date and gives no highest_since.
 * - streak: reported every day a run is at least minStreak long; streak_end on the day after a run of
 *   at least minStreak, when the close moves the other way or does not move (an unchanged close ends
 *   a streak, as in streak.ts).
 * - ma_cross: SMA(fast) crosses SMA(slow) between the previous bar and the as-of bar: golden when fast
 *   goes from <= slow to > slow, death from >= slow to < slow.
 */
import { indexOnOrBefore } from '../../domain/price-series.js';
import { formatIsoDate, sameDateMonthsEarlier } from '../../domain/trading-date.js';
import { sma } from '../indicators/sma.js';
import {
  allTimeHigh,
  fiftyTwoWeekHigh,
  fiftyTwoWeekLow,
  fiftyTwoWeekStart,
  highestIn,
  lowestIn,
} from '../returns/highs-lows.js';
import { highestSince, lowestSince } from '../returns/since.js';
import { streak } from '../returns/streak.js';
import type { EventParams, MarketEvent } from './market-event.js';

/** The "highest/lowest close since" events, each with the day its extreme reaches back to (null: none). */
const SINCE_EVENTS = [
  ['highest_since', highestSince],
  ['lowest_since', lowestSince],
] as const;

/**
 * Every event of `symbol` at bar `i` (trend_state excepted: that one needs a pair, see trend-state-event.ts).
 * @example detectSeriesEvents('IWM', s.dates, s.close, indexOnOrBefore(s.dates, asOf), DEFAULT_EVENT_PARAMS)
 */
export function detectSeriesEvents(
  symbol: string,
  dates: Int32Array,
  values: Float64Array,
  i: number,
  params: EventParams,
): MarketEvent[] {
  const out: MarketEvent[] = [];
  if (i < 1 || i >= dates.length) return out;
  const date = formatIsoDate(dates[i]!);
  const close = values[i]!;
  const at = (k: number) => ({ close: values[k]!, date: formatIsoDate(dates[k]!) });

  const windowStart = fiftyTwoWeekStart(dates, i);
  const yearOfHistory = windowStart >= 0;
  let isNewAth = false;
  if (yearOfHistory) {
    const ath = allTimeHigh(dates, values, i)!;
    const before = allTimeHigh(dates, values, i - 1)!;
    if (ath.index === i) {
      isNewAth = true;
      out.push({ type: 'new_ath', symbol, date, close, previousHigh: at(before.index) });
    } else if (ath.distance >= -params.nearAthPct) {
      out.push({ type: 'near_ath', symbol, date, close, ath: at(ath.index), distance: ath.distance });
    }
    if (windowStart < i) {
      const high = fiftyTwoWeekHigh(dates, values, i)!;
      if (high.index === i && !isNewAth)
        out.push({
          type: 'new_52w_high',
          symbol,
          date,
          close,
          previous: at(highestIn(dates, values, windowStart, i - 1)!.index),
        });
      const low = fiftyTwoWeekLow(dates, values, i)!;
      if (low.index === i)
        out.push({
          type: 'new_52w_low',
          symbol,
          date,
          close,
          previous: at(lowestIn(dates, values, windowStart, i - 1)!.index),
        });
    }
  }

  const sinceLimit = sameDateMonthsEarlier(dates[i]!, params.sinceMinMonths);
  for (const [type, since] of SINCE_EVENTS) {
    const day = since(dates, values, i);
    if (day !== null && day <= sinceLimit)
      out.push({
        type,
        symbol,
        date,
        close,
        since: formatIsoDate(day),
        sinceClose: values[indexOnOrBefore(dates, day)]!,
      });
  }

  const run = streak(values, i);
  if (Math.abs(run) >= params.minStreak) {
    out.push({
      type: 'streak',
      symbol,
      date,
      direction: run > 0 ? 'up' : 'down',
      length: Math.abs(run),
      change: close / values[i - Math.abs(run)]! - 1,
    });
  }
  const previousRun = streak(values, i - 1);
  if (Math.abs(previousRun) >= params.minStreak && Math.sign(close - values[i - 1]!) !== Math.sign(previousRun)) {
    const len = Math.abs(previousRun);
    out.push({
      type: 'streak_end',
      symbol,
      date,
      direction: previousRun > 0 ? 'up' : 'down',
      length: len,
      streakChange: values[i - 1]! / values[i - 1 - len]! - 1,
      change: close / values[i - 1]! - 1,
    });
  }

  if (i >= params.slowPeriod) {
    const upto = values.subarray(0, i + 1);
    const fast = sma(upto, params.fastPeriod);
    const slow = sma(upto, params.slowPeriod);
    const cross = maCross(fast[i - 1]!, slow[i - 1]!, fast[i]!, slow[i]!);
    if (cross !== null)
      out.push({
        type: 'ma_cross',
        symbol,
        date,
        cross,
        fast: fast[i]!,
        slow: slow[i]!,
        fastPeriod: params.fastPeriod,
        slowPeriod: params.slowPeriod,
      });
  }
  return out;
}

/** golden / death / null from the two SMAs on the previous and the current bar (NaN during warm-up: null). */
export function maCross(fastPrev: number, slowPrev: number, fast: number, slow: number): 'golden' | 'death' | null {
  if (fastPrev <= slowPrev && fast > slow) return 'golden';
  if (fastPrev >= slowPrev && fast < slow) return 'death';
  return null;
}
