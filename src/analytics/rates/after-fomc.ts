/**
 * Base rates after FOMC cuts: for a ratio (small caps / Mag 7), its change from the close of each
 * cut's decision day (the statement comes out at 2 pm New York time, so that close already holds
 * the first reaction) to the close N sessions later; the median and the share of cuts after which
 * the ratio rose. A decision on a day without a session (the emergency cut of Sunday 2020-03-15)
 * is measured from the last close before it, at most 4 calendar days earlier (the reaction is in
 * the next session). Only cuts with N sessions of data after them count.
 */
import { indexOnOrBefore } from '../../domain/price-series.js';
import { type DayNumber, formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';

export interface AfterCutOutcome {
  readonly date: string;
  /** The close the change is measured from: the decision day, or the last session before a weekend decision. */
  readonly base: string;
  /** ratio(decision + N sessions) / ratio(decision) - 1. */
  readonly change: number;
}

export interface AfterCutBaseRate {
  readonly sessions: number;
  readonly outcomes: readonly AfterCutOutcome[];
  readonly median: number | null;
  /** Share of outcomes above 0. */
  readonly shareUp: number | null;
}

/** A decision day without a session is measured from a close at most this many calendar days before it. */
const MAX_BASE_GAP_DAYS = 4;

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * @example afterCutBaseRate(ratio.dates, ratio.closes, ['2025-09-17'], 21, asOf)
 */
export function afterCutBaseRate(
  dates: Int32Array,
  closes: Float64Array,
  cutDates: readonly string[],
  sessions: number,
  asOf: DayNumber,
): AfterCutBaseRate {
  const end = indexOnOrBefore(dates, asOf);
  const outcomes: AfterCutOutcome[] = [];
  for (const iso of cutDates) {
    const day = parseIsoDate(iso);
    const k = indexOnOrBefore(dates, day);
    // a bar on the decision day, or (a weekend decision) within 4 days before it; N sessions after it by the as-of day
    if (k < 0 || day - dates[k]! > MAX_BASE_GAP_DAYS || k + sessions > end) continue;
    outcomes.push({
      date: formatIsoDate(day),
      base: formatIsoDate(dates[k]!),
      change: closes[k + sessions]! / closes[k]! - 1,
    });
  }
  const changes = outcomes.map((o) => o.change);
  return {
    sessions,
    outcomes,
    median: median(changes),
    shareUp: changes.length === 0 ? null : changes.filter((c) => c > 0).length / changes.length,
  };
}
