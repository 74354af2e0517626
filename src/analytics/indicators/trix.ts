/**
 * TRIX, as R's TTR `TRIX(price, n)` (0.24.3): 100 x the one-day rate of change of a triple EMA(n).
 * Its signal line is, in TTR 0.24.3, an EMA over n as well: with the default maType, TTR passes n
 * (not nSig) to the signal's moving average. MarketDash follows TTR, so `trix` takes n only.
 */
import { ema } from './ema.js';
import { checkPeriod } from './nan-policy.js';

export interface TrixSeries {
  readonly trix: Float64Array;
  readonly signal: Float64Array;
}

/** @example trix(closes, 20).trix */
export function trix(values: Float64Array, period: number): TrixSeries {
  checkPeriod(period, 'trix');
  // two columns in turn instead of five new ones (each allocation of a 20-year column costs about
  // as much as a pass over it): the triple EMA goes back into the first, the line into the second,
  // the signal into the first again, each once what it overwrites is no longer read
  const a = ema(values, period);
  const b = ema(a, period);
  const triple = ema(b, period, {}, a);
  const line = b;
  if (line.length > 0) line[0] = Number.NaN;
  for (let i = 1; i < line.length; i++) line[i] = 100 * (triple[i]! / triple[i - 1]! - 1);
  return { trix: line, signal: ema(line, period, {}, a) };
}
