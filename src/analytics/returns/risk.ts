/**
 * Risk figures over bars [start, end] of a close column:
 * - annualised volatility: sqrt(252) x the sample standard deviation (n - 1) of daily LOG returns
 *   ln(v[i] / v[i-1]) (log returns add up over time and are what most risk desks quote);
 * - maximum drawdown: the worst fall from a running closing peak, as a fraction (-0.34 = -34%);
 * - CAGR: (v[end] / v[start]) ^ (365.25 / calendar days) - 1, years of 365.25 days.
 * Each is null when the window is too short to say anything (fewer than two returns, zero days).
 */
import type { DayNumber } from '../../domain/trading-date.js';

export const TRADING_DAYS_PER_YEAR = 252;
export const DAYS_PER_YEAR = 365.25;

export function annualisedVolatility(values: Float64Array, start: number, end: number): number | null {
  const n = end - start; // number of daily returns
  if (start < 0 || end >= values.length || n < 2) return null;
  let mean = 0;
  for (let i = start + 1; i <= end; i++) mean += Math.log(values[i]! / values[i - 1]!);
  mean /= n;
  let ss = 0;
  for (let i = start + 1; i <= end; i++) {
    const d = Math.log(values[i]! / values[i - 1]!) - mean;
    ss += d * d;
  }
  const sd = Math.sqrt(ss / (n - 1));
  return Number.isFinite(sd) ? sd * Math.sqrt(TRADING_DAYS_PER_YEAR) : null;
}

export interface Drawdown {
  /** trough / peak - 1 (<= 0). */
  readonly depth: number;
  readonly peakIndex: number;
  readonly troughIndex: number;
}

/** The deepest peak-to-trough fall in bars [start, end]; depth 0 (peak = trough = start) when prices never fall. */
export function maxDrawdown(values: Float64Array, start: number, end: number): Drawdown | null {
  if (start < 0 || end >= values.length || end < start) return null;
  let peak = start;
  let best: Drawdown = { depth: 0, peakIndex: start, troughIndex: start };
  for (let i = start; i <= end; i++) {
    const v = values[i]!;
    if (v > values[peak]!) peak = i;
    const depth = v / values[peak]! - 1;
    if (depth < best.depth) best = { depth, peakIndex: peak, troughIndex: i };
  }
  return best;
}

/** Compound annual growth rate between two bars, with 365.25-day years. */
export function cagr(dates: Int32Array, values: Float64Array, start: number, end: number): number | null {
  if (start < 0 || end >= values.length || end <= start) return null;
  const days = (dates[end]! as DayNumber) - (dates[start]! as DayNumber);
  const a = values[start]!;
  const b = values[end]!;
  if (days <= 0 || !(a > 0) || !(b > 0)) return null;
  return (b / a) ** (DAYS_PER_YEAR / days) - 1;
}
