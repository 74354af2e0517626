/**
 * The words the verdicts are written with, on the shared formats of `domain/format/display-format.ts`:
 * "36.80%", "Dec 10", "YTD", the basis of a return ("price return", "total return"), and the
 * tolerance a printed figure is held to.
 */
import { fixed, formatPercent, formatShortDate, monthName } from '../../domain/format/display-format.js';
import type { CloseField } from '../../domain/price-series.js';
import type { DayNumber } from '../../domain/trading-date.js';

/** "Sep" for 9. */
export function shortMonth(month: number): string {
  return monthName(month, true);
}

/** "Dec 10" (with the year when it is not the as-of year). */
export function shortDate(day: DayNumber, asOf?: DayNumber): string {
  return formatShortDate(day, asOf);
}

/** 0.368 -> "36.80%"; never "-0.00%". */
export function pct(x: number): string {
  return formatPercent(x);
}

/** 0.056 -> "5.60 points". */
export function points(x: number): string {
  return `${fixed(x * 100, 2)} points`;
}

export const PERIOD_LABEL: Record<string, string> = {
  '1d': 'on the day',
  '5d': 'over five sessions',
  wtd: 'week-to-date',
  mtd: 'month-to-date',
  '1m': 'over one month',
  qtd: 'quarter-to-date',
  '3m': 'over three months',
  '6m': 'over six months',
  ytd: 'YTD',
  '1y': 'over one year',
  '3y': 'over three years',
  '5y': 'over five years',
  '10y': 'over ten years',
  max: 'since the first stored close',
};

/** The period of a return in words: "YTD", "over 21 sessions". */
export function periodWords(period: string | null, sessions?: number): string {
  if (period) return PERIOD_LABEL[period] ?? period;
  return sessions ? `over ${sessions} sessions` : 'over an unstated period';
}

/**
 * What a close field measures, for the reason: "price return", "total return", or one stored close (named
 * by what it measures when the store knows: adjusted closes are a total return).
 */
export function basisWords(field: CloseField, oneClose: boolean, oneCloseBasis?: 'price' | 'total'): string {
  if (oneClose && oneCloseBasis) return oneCloseBasis === 'total' ? 'total return' : 'price return';
  if (oneClose) return 'return on the one stored close (price and total return are the same in this series)';
  return field === 'close' ? 'price return' : 'total return (with dividends)';
}

/** A stated figure is held to the precision it is printed with, and never tighter than the tolerance. */
export function claimTolerance(decimals: number, tolerance: number): number {
  return Math.max(tolerance, 0.5 * 10 ** -(decimals + 2) + 1e-12);
}

/** "up 10.66%" / "down 3.93%" / "unchanged". */
export function upDown(x: number): string {
  if (Math.abs(x) < 5e-5) return 'unchanged';
  return `${x > 0 ? 'up' : 'down'} ${pct(Math.abs(x))}`;
}
