/**
 * Wilder's directional movement, as R's TTR `ADX(HLC, n)` (0.24.3): +DM is the rise of the high
 * when it beats the fall of the low (0 on ties and when both move inward), -DM the other way
 * round; +DI and -DI are 100 x Wilder sums of each over the Wilder sum of the true range; DX is
 * 100 |+DI - -DI| / (+DI + -DI) and ADX its Wilder EMA over n. ADXR, which TTR does not give, is
 * Wilder's (ADX + ADX n rows earlier) / 2. First rows: DI at n, ADX at 2n - 1, ADXR at 3n - 1.
 *
 * Speed: complete bars (no NaN) go through one fused pass that writes only the five outputs, with
 * the same floating-point operations in the same order as the column-by-column form (wilderSum,
 * the Wilder EMA), so the values are bit-identical; gaps, flat stretches that make DX 0/0, and
 * short series take the column-by-column form, which applies TTR's NaN rules.
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
  return fusedAdx(bars, period, n) ?? columnAdx(bars, period, n);
}

function hasNaN(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (Number.isNaN(values[i]!)) return true;
  return false;
}

/** One pass over complete bars; null when the column form must decide (NaN input or a 0/0 DX). */
function fusedAdx(bars: HlcColumns, period: number, n: number): AdxSeries | null {
  const { high, low, close } = bars;
  if (2 * period > n || hasNaN(high) || hasNaN(low) || hasNaN(close)) return null;
  const plusDi = new Float64Array(n);
  const minusDi = new Float64Array(n);
  const dx = new Float64Array(n);
  const line = new Float64Array(n);
  const adxr = new Float64Array(n);
  plusDi.fill(Number.NaN, 0, period);
  minusDi.fill(Number.NaN, 0, period);
  dx.fill(Number.NaN, 0, period);
  line.fill(Number.NaN, 0, 2 * period - 1);
  adxr.fill(Number.NaN, 0, Math.min(n, 3 * period - 1));
  const keepSum = period - 1;
  const k = 1 / period;
  const keep = 1 - k;
  let sTr = 0;
  let sPlus = 0;
  let sMinus = 0;
  let avg = 0;
  const lineFrom = 2 * period - 1;
  for (let i = 1; i < n; i++) {
    const up = high[i]! - high[i - 1]!;
    const down = low[i - 1]! - low[i]!;
    const none = up === down || (up < 0 && down < 0);
    const dmPlus = none ? 0 : up > down ? up : 0;
    const dmMinus = none ? 0 : up < down ? down : 0;
    const pc = close[i - 1]!;
    const tr = Math.max(high[i]!, pc) - Math.min(low[i]!, pc);
    if (i < period) {
      // wilderSum's seed: the plain sum of the first n - 1 values
      sTr += tr;
      sPlus += dmPlus;
      sMinus += dmMinus;
      continue;
    }
    sTr = tr + (sTr * keepSum) / period;
    sPlus = dmPlus + (sPlus * keepSum) / period;
    sMinus = dmMinus + (sMinus * keepSum) / period;
    const p = (100 * sPlus) / sTr;
    const m = (100 * sMinus) / sTr;
    const d = 100 * (Math.abs(p - m) / (p + m));
    if (Number.isNaN(d)) return null;
    plusDi[i] = p;
    minusDi[i] = m;
    dx[i] = d;
    if (i < lineFrom) avg += d / period;
    else {
      // the Wilder EMA of DX, seeded with the mean of its first n values added term by term
      avg = i === lineFrom ? avg + d / period : d * k + avg * keep;
      line[i] = avg;
      if (i >= 3 * period - 1) adxr[i] = (avg + line[i - period]!) / 2;
    }
  }
  return { plusDi, minusDi, dx, adx: line, adxr };
}

/**
 * Column by column: DM, the true range, three Wilder sums, DX and its Wilder EMA (TTR's NaN rules).
 * Exported as the form the fused pass is tested against, bit for bit.
 */
export function columnAdx(bars: HlcColumns, period: number, n: number): AdxSeries {
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
