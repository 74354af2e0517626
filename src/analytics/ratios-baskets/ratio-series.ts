/**
 * The ratio series A/B on the dates both have (an inner join on date): close = A.close / B.close and
 * adjClose = A.adjClose / B.adjClose, so a ratio is a series like any other and every return,
 * high/low and trend function works on it. Open/high/low/volume are unknown (NaN).
 */
import { type PriceSeries, seriesOfLength } from '../../domain/price-series.js';

export function ratioSymbol(numerator: string, denominator: string): string {
  return `${numerator}/${denominator}`;
}

/** A / B on common dates; a date where either side is missing is left out, never filled. */
export function ratioSeries(a: PriceSeries, b: PriceSeries): PriceSeries {
  const ad = a.dates;
  const bd = b.dates;
  const cap = Math.min(ad.length, bd.length);
  const dates = new Int32Array(cap);
  const close = new Float64Array(cap);
  const adjClose = new Float64Array(cap);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < ad.length && j < bd.length) {
    const da = ad[i]!;
    const db = bd[j]!;
    if (da < db) i++;
    else if (db < da) j++;
    else {
      dates[n] = da;
      close[n] = a.close[i]! / b.close[j]!;
      adjClose[n] = a.adjClose[i]! / b.adjClose[j]!;
      n++;
      i++;
      j++;
    }
  }
  const out = seriesOfLength(ratioSymbol(a.symbol, b.symbol), n);
  out.dates.set(dates.subarray(0, n));
  out.close.set(close.subarray(0, n));
  out.adjClose.set(adjClose.subarray(0, n));
  out.open.fill(Number.NaN);
  out.high.fill(Number.NaN);
  out.low.fill(Number.NaN);
  out.volume.fill(Number.NaN);
  return out;
}
