/**
 * Know Sure Thing, as R's TTR `KST(price, n = c(10, 10, 10, 15), nROC = c(10, 15, 20, 30),
 * nSig = 9, wts = 1:4)`: 100 x the weighted sum of SMAs of four log rates of change (TTR's ROC
 * default is continuous), and the SMA(nSig) of that as the signal.
 */
import { checkPeriod } from './nan-policy.js';
import { sma } from './sma.js';

const SMOOTH = [10, 10, 10, 15] as const;
const ROC_N = [10, 15, 20, 30] as const;
const WEIGHTS = [1, 2, 3, 4] as const;

export interface KstSeries {
  readonly kst: Float64Array;
  readonly signal: Float64Array;
}

/** @example kst(closes, 9).signal */
export function kst(values: Float64Array, signalPeriod: number): KstSeries {
  checkPeriod(signalPeriod, 'kst', 'nSig');
  const n = values.length;
  const total = new Float64Array(n);
  const roc = new Float64Array(n);
  for (let k = 0; k < 4; k++) {
    const lag = ROC_N[k]!;
    roc.fill(Number.NaN, 0, Math.min(lag, n));
    for (let i = lag; i < n; i++) roc[i] = Math.log(values[i]!) - Math.log(values[i - lag]!);
    const smooth = sma(roc, SMOOTH[k]!);
    for (let i = 0; i < n; i++) total[i] = total[i]! + smooth[i]! * WEIGHTS[k]!;
  }
  for (let i = 0; i < n; i++) total[i] = 100 * total[i]!;
  return { kst: total, signal: sma(total, signalPeriod) };
}
