/**
 * Aroon, as R's TTR `aroon(HL, n)` (0.24.3): up = 100 (n - days since the highest high) / n, down
 * the same for the lowest low, oscillator = up - down. As TTR's C `aroon_max`, the look-back
 * spans n + 1 rows (today and the n before), a tie goes to the newest row, and the first value is
 * at row n - 1 after any leading gaps.
 */
import { checkPeriod } from './nan-policy.js';
import { checkSameLength } from './price-bars.js';
import { nanColumn, seriesStart } from './rolling.js';

/** Port of TTR's aroon_max over sign x values (sign -1 for the lows). */
function aroonMax(values: Float64Array, period: number, sign: 1 | -1): Float64Array {
  const nr = values.length;
  const out = nanColumn(nr);
  const first = seriesStart(values, 'aroon');
  if (first + period > nr) return out;
  let max = values[0]! * sign;
  let loc = 0;
  for (let i = 0; i < first + period - 1; i++) {
    if (values[i]! * sign >= max) {
      max = values[i]! * sign;
      loc = 0;
    }
    loc++;
  }
  for (let i = first + period - 1; i < nr; i++) {
    const v = values[i]! * sign;
    if (loc > period) {
      max = v;
      loc = 0;
      for (let j = 1; j < period + 1; j++) {
        if (values[i - j]! * sign > max) {
          max = values[i - j]! * sign;
          loc = j;
        }
      }
    } else if (v >= max) {
      max = v;
      loc = 0;
    }
    out[i] = (100 * (period - loc)) / period;
    loc++;
  }
  return out;
}

export interface AroonSeries {
  readonly up: Float64Array;
  readonly down: Float64Array;
  readonly oscillator: Float64Array;
}

/** @example aroon(high, low, 20).oscillator */
export function aroon(high: Float64Array, low: Float64Array, period: number): AroonSeries {
  checkPeriod(period, 'aroon');
  checkSameLength('aroon', high, low);
  const up = aroonMax(high, period, 1);
  const down = aroonMax(low, period, -1);
  const oscillator = new Float64Array(up.length);
  for (let i = 0; i < up.length; i++) oscillator[i] = up[i]! - down[i]!;
  return { up, down, oscillator };
}
