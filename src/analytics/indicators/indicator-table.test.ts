import { describe, expect, it } from 'vitest';
import { DataError } from '../../domain/errors.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { parseIndicatorSpecs } from './indicator-spec.js';
import { computeIndicators } from './indicator-table.js';

const NA = Number.NaN;
const DATES = [0, 1, 2, 3, 4, 5].map((d) => parseIsoDate('2025-01-06') + d);

function ohlc(closes: number[]) {
  const s = closeOnlySeries('TEST', DATES.slice(0, closes.length), closes);
  s.high.set(closes.map((c) => c + 1));
  s.low.set(closes.map((c) => c - 1));
  return s;
}

describe('computeIndicators', () => {
  it('returns one named column per output, in the order of the specs', () => {
    const cols = computeIndicators(ohlc([1, 2, 3, 4, 5, 6]), parseIndicatorSpecs('roc:1,sma:2,bbands:2:1,atr:2'));
    expect(cols.map((c) => c.name)).toEqual([
      'roc_1',
      'sma_2',
      'bb_lower_2_1',
      'bb_middle_2_1',
      'bb_upper_2_1',
      'atr_2',
    ]);
    // by hand: sma(2) of 5, 6 = 5.5; population sd of (5, 6) = 0.5; true ranges are all 2
    expect(cols[1]!.values[5]).toBe(5.5);
    expect(cols[4]!.values[5]).toBe(6);
    expect(Array.from(cols[5]!.values)).toEqual([NA, NA, 2, 2, 2, 2]);
  });

  it('reads adjClose for close-based indicators when asked (total return)', () => {
    const s = ohlc([10, 11, 12, 13]);
    s.adjClose.set([5, 5.5, 6, 6.5]);
    expect(computeIndicators(s, parseIndicatorSpecs('sma:2'), 'adjClose')[0]!.values[3]).toBe(6.25);
    expect(computeIndicators(s, parseIndicatorSpecs('sma:2'))[0]!.values[3]).toBe(12.5);
  });

  it('says a close-only series has no high/low for ATR instead of inventing a range', () => {
    const s = closeOnlySeries('SPY', DATES.slice(0, 4), [1, 2, 3, 4]);
    expect(() => computeIndicators(s, parseIndicatorSpecs('sma:2,atr:2'))).toThrow(DataError);
    expect(() => computeIndicators(s, parseIndicatorSpecs('atr:2'))).toThrow(
      /SPY has closes only \(no high\/low stored\): atr:2 needs high, low and close/,
    );
  });

  it('says what a series stores when it is more than closes (opens and closes, OHLC without volume)', () => {
    const s = closeOnlySeries('OPENS', DATES.slice(0, 4), [1, 2, 3, 4]);
    s.open.set([1, 1.5, 2.5, 3.5]);
    expect(() => computeIndicators(s, parseIndicatorSpecs('adx:2'))).toThrow(
      /^OPENS has opens and closes only \(no high\/low stored\): adx:2 needs high, low and close$/,
    );
    const bars = ohlc([10, 11, 12, 13]);
    bars.volume.fill(Number.NaN);
    expect(() => computeIndicators(bars, parseIndicatorSpecs('mfi:2'))).toThrow(
      /^TEST has highs, lows and closes only \(no volume stored\): mfi:2 needs high, low, close and volume$/,
    );
  });

  it('names the symbol, the indicator and the date of a hole inside the history', () => {
    const s = ohlc([1, 2, 3, 4, 5]);
    s.close[3] = NA;
    expect(() => computeIndicators(s, parseIndicatorSpecs('ema:2'))).toThrow(
      /TEST: ema:2: a value is missing on 2025-01-09 inside the history/,
    );
    // ROC lets the hole through, as TTR does
    expect(Array.from(computeIndicators(s, parseIndicatorSpecs('roc:1'))[0]!.values).map(Number.isNaN)).toEqual([
      true,
      false,
      false,
      true,
      true,
    ]);
  });
});
