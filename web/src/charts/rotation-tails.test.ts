import { describe, expect, it } from 'vitest';
import { defaultTails } from './rotation-scatter.js';

const pt = (symbol: string, steps: readonly [number, number][]) => {
  const path = steps.map(([rsRatio, rsMomentum]) => ({ rsRatio, rsMomentum }));
  const head = path[path.length - 1]!;
  return { symbol, ...head, tail: path.slice(0, -1) };
};

describe('defaultTails', () => {
  it('keeps the tails of the series that travelled furthest, in the points order', () => {
    const points = [
      pt('A', [
        [100, 100],
        [101, 100],
      ]), // 1
      pt('B', [
        [100, 100],
        [103, 104],
      ]), // 5 (a 3-4-5 step)
      pt('C', [
        [100, 100],
        [100, 102],
        [100, 100],
      ]), // 4
      pt('D', [[99, 99]]), // no tail: 0
    ];
    expect(defaultTails(points, 2)).toEqual(['B', 'C']);
  });

  it('keeps every tail when there are no more series than the count', () => {
    expect(defaultTails([pt('A', [[100, 100]]), pt('B', [[101, 99]])], 5)).toEqual(['A', 'B']);
  });
});
