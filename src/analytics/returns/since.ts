/**
 * "Highest close since <date>" and "lowest close since <date>": the date of the most recent earlier
 * close strictly above (resp. below) the as-of close. Null when there is none: the as-of close is then
 * an all-time high (resp. low) for the history held. Equal closes do not end the run.
 */
import type { DayNumber } from '../../domain/trading-date.js';

/** Day of the most recent bar before `asOfIndex` whose close is strictly above the as-of close, or null. */
export function highestSince(dates: Int32Array, values: Float64Array, asOfIndex: number): DayNumber | null {
  if (asOfIndex < 0) return null;
  const close = values[asOfIndex]!;
  for (let i = asOfIndex - 1; i >= 0; i--) if (values[i]! > close) return dates[i]!;
  return null;
}

/** Day of the most recent bar before `asOfIndex` whose close is strictly below the as-of close, or null. */
export function lowestSince(dates: Int32Array, values: Float64Array, asOfIndex: number): DayNumber | null {
  if (asOfIndex < 0) return null;
  const close = values[asOfIndex]!;
  for (let i = asOfIndex - 1; i >= 0; i--) if (values[i]! < close) return dates[i]!;
  return null;
}
