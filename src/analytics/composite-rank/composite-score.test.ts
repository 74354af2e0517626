import { describe, expect, it } from 'vitest';
import { compositeScore, SCTR_WEIGHTS } from './composite-score.js';
import { percentileRanks } from './percentile-rank.js';

function series(n: number): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) x[i] = 100 * Math.exp(0.001 * i + 0.05 * Math.sin(i / 9) + 0.02 * Math.cos(i / 3.7));
  return x;
}

describe('compositeScore', () => {
  it('matches the same components computed with R TTR', () => {
    // Reference: R 4.x, TTR: x = 100 exp(0.001 i + 0.05 sin(i/9) + 0.02 cos(i/3.7)), i = 0..259;
    // EMA(x,200), EMA(x,50), ROC(x,125|20,"discrete"), RSI(x,14),
    // MACD(x,12,26,9,"EMA",percent=TRUE): hist = macd - signal; slope = (h[n] - h[n-2]) / 2
    const s = compositeScore(series(260), 259)!;
    expect(s.components.aboveEma200).toBeCloseTo(8.291350049603, 8);
    expect(s.components.roc125).toBeCloseTo(7.816732836058, 8);
    expect(s.components.aboveEma50).toBeCloseTo(-0.106587721522, 8);
    expect(s.components.roc20).toBeCloseTo(-3.641446766139, 8);
    expect(s.components.ppoHistogramSlope).toBeCloseTo(46.855684095105, 8);
    expect(s.components.rsi14).toBeCloseTo(33.233554969973, 8);
    expect(s.score).toBeCloseTo(8.274681645803, 8);
  });

  it('is null until the 200-day EMA exists, and uses only bars up to the index', () => {
    const x = series(260);
    expect(compositeScore(x, 198)).toBeNull();
    expect(compositeScore(x, 199)).not.toBeNull();
    expect(compositeScore(x, 230)).toEqual(compositeScore(x.slice(0, 231), 230));
  });

  it('weights are configurable: all weight on RSI scores the RSI', () => {
    const s = compositeScore(series(260), 259, {
      ...SCTR_WEIGHTS,
      aboveEma200: 0,
      roc125: 0,
      aboveEma50: 0,
      roc20: 0,
      ppoHistogramSlope: 0,
      rsi14: 1,
    })!;
    expect(s.score).toBeCloseTo(s.components.rsi14, 12);
  });
});

describe('percentileRanks', () => {
  it('spreads n members evenly from 0 to 99', () => {
    expect(percentileRanks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toEqual([0, 11, 22, 33, 44, 55, 66, 77, 88, 99]);
    expect(percentileRanks([3, 1, 2])).toEqual([99, 0, 50]);
  });

  it('shares ranks on ties, reads 99 for a group of one, null for non-finite scores', () => {
    expect(percentileRanks([1, 5, 5, 9])).toEqual([0, 50, 50, 99]);
    expect(percentileRanks([42])).toEqual([99]);
    expect(percentileRanks([Number.NaN, 1, 2])).toEqual([null, 0, 99]);
  });
});
