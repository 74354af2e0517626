/**
 * Wilder's directional movement, as R's TTR `ADX(HLC, n)` (0.24.3): +DM is the rise of the high
 * when it beats the fall of the low (0 on ties and when both move inward), -DM the other way
 * round; +DI and -DI are 100 x Wilder sums of each over the Wilder sum of the true range; DX is
 * 100 |+DI - -DI| / (+DI + -DI) and ADX its Wilder EMA over n. ADXR, which TTR does not give, is
 * Wilder's (ADX + ADX n rows earlier) / 2. First rows: DI at n, ADX at 2n - 1, ADXR at 3n - 1.
 */
import { ema } from './ema.js';
import { checkPeriod } from './nan-policy.js';
import { checkSameLength, type HlcColumns, trueRangeColumn } from './price-bars.js';
import { nanColumn, wilderSum } from './rolling.js';

export interface AdxSeries {
  readonly plusDi: Float64Array;
  readonly minusDi: Float64Array;
  readonly dx: Float64Array;
  readonly adx: Float64Array;
  readonly adxr: Float64Array;
}

/** @example adx({ high, low, close }, 14).adx */
export function adx(bars: HlcColumns, period: number): AdxSeries {
  checkPeriod(period, 'adx');
  const n = checkSameLength('adx', bars.high, bars.low, bars.close);
  const { high, low } = bars;
  const dmPlus = nanColumn(n);
  const dmMinus = nanColumn(n);
  for (let i = 1; i < n; i++) {
    const up = high[i]! - high[i - 1]!;
    const down = low[i - 1]! - low[i]!;
    if (Number.isNaN(up) || Number.isNaN(down)) continue;
    const none = up === down || (up < 0 && down < 0);
    dmPlus[i] = none ? 0 : up > down ? up : 0;
    dmMinus[i] = none ? 0 : up < down ? down : 0;
  }
  const trSum = wilderSum(trueRangeColumn(bars), period, 'adx');
  const plusDi = wilderSum(dmPlus, period, 'adx');
  const minusDi = wilderSum(dmMinus, period, 'adx');
  const dx = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const p = (100 * plusDi[i]!) / trSum[i]!;
    const m = (100 * minusDi[i]!) / trSum[i]!;
    plusDi[i] = p;
    minusDi[i] = m;
    dx[i] = 100 * (Math.abs(p - m) / (p + m));
  }
  const line = ema(dx, period, { wilder: true });
  const adxr = nanColumn(n);
  for (let i = period; i < n; i++) adxr[i] = (line[i]! + line[i - period]!) / 2;
  return { plusDi, minusDi, dx, adx: line, adxr };
}
