// Basket index levels: small cases worked out by hand (arithmetic in the comments), plus properties.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BasketDefinition, RebalanceSchedule } from '../../domain/basket.js';
import { closeOnlySeries, type PriceSeries } from '../../domain/price-series.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import { basketIndex } from './basket-index.js';

const days = (isos: string[]) => isos.map((x) => parseIsoDate(x));
const def = (members: string[], rebalance: RebalanceSchedule, weights: number[] | null = null): BasketDefinition => ({
  ticker: 'BSK',
  members,
  weights,
  rebalance,
  baseValue: 100,
});

// 2025-03-31 is both a month end and a quarter end.
const dates = days(['2025-03-28', '2025-03-31', '2025-04-01']);
const A = closeOnlySeries('A', dates, [100, 110, 121]);
const B = closeOnlySeries('B', dates, [100, 90, 90]);

describe('basket index by hand', () => {
  it('equal weight rebalanced monthly resets holdings at the month-end close', () => {
    // 03-28: units 0.5 / 0.5, level 100. 03-31: 0.5x110 + 0.5x90 = 100, then units 50/110 and 50/90.
    // 04-01: 50/110 x 121 + 50/90 x 90 = 55 + 50 = 105.
    const b = basketIndex(def(['A', 'B'], 'monthly'), [A, B]);
    expect(Array.from(b.close)).toEqual([100, 100, 105].map((x) => expect.closeTo(x, 12)));
    expect(b.symbol).toBe('BSK');
    expect(basketIndex(def(['A', 'B'], 'quarterly'), [A, B]).close[2]).toBeCloseTo(105, 12);
  });

  it('buy and hold lets the weights drift', () => {
    // 04-01: 0.5x121 + 0.5x90 = 105.5
    expect(basketIndex(def(['A', 'B'], 'none'), [A, B]).close[2]).toBeCloseTo(105.5, 12);
  });

  it('quarterly does not rebalance at a month end inside a quarter', () => {
    const jan = days(['2025-01-30', '2025-01-31', '2025-02-03']);
    const a = closeOnlySeries('A', jan, [100, 110, 121]);
    const b = closeOnlySeries('B', jan, [100, 90, 90]);
    expect(basketIndex(def(['A', 'B'], 'quarterly'), [a, b]).close[2]).toBeCloseTo(105.5, 12);
    expect(basketIndex(def(['A', 'B'], 'monthly'), [a, b]).close[2]).toBeCloseTo(105, 12);
  });

  it('fixed weights 80/20', () => {
    // none: units 0.8 and 0.2; 03-31: 88 + 18 = 106; 04-01: 96.8 + 18 = 114.8.
    const hold = basketIndex(def(['A', 'B'], 'none', [0.8, 0.2]), [A, B]);
    expect(hold.close[1]).toBeCloseTo(106, 12);
    expect(hold.close[2]).toBeCloseTo(114.8, 12);
    // monthly: at 03-31 holdings 84.8/110 and 21.2/90; 04-01: 84.8 x 1.1 + 21.2 = 114.48.
    expect(basketIndex(def(['A', 'B'], 'monthly', [0.8, 0.2]), [A, B]).close[2]).toBeCloseTo(114.48, 12);
  });

  it('starts on the first date all members have data, ends on the last, and carries a missing close forward', () => {
    const a = closeOnlySeries(
      'A',
      days(['2025-01-02', '2025-01-03', '2025-01-06', '2025-01-07', '2025-01-08']),
      [50, 100, 120, 130, 999],
    );
    const b = closeOnlySeries('B', days(['2025-01-03', '2025-01-07']), [10, 12]);
    const basket = basketIndex(def(['A', 'B'], 'none'), [a, b]);
    expect(Array.from(basket.dates, formatIsoDate)).toEqual(['2025-01-03', '2025-01-06', '2025-01-07']);
    // 01-06: B carried at 10: 0.5 x 1.2 x 100 + 0.5 x 100 = 110; 01-07: 65 + 60 = 125
    expect(Array.from(basket.close)).toEqual([100, 110, 125].map((x) => expect.closeTo(x, 12)));
  });

  it('has no bars when the histories do not overlap', () => {
    const a = closeOnlySeries('A', [1, 2], [1, 2]);
    const b = closeOnlySeries('B', [3, 4], [1, 2]);
    expect(basketIndex(def(['A', 'B'], 'none'), [a, b]).dates.length).toBe(0);
  });

  it('the total-return level reads adjusted closes', () => {
    const a = closeOnlySeries('A', dates, [100, 110, 121]);
    a.adjClose.set([95, 110, 121]); // a dividend before 03-31 lifts A's total return
    const b = basketIndex(def(['A', 'B'], 'none'), [a, B]);
    // price: 105.5 as above; total: 0.5 x 100 x 121/95 + 0.5 x 90 = 63.684... + 45
    expect(b.close[2]).toBeCloseTo(105.5, 12);
    expect(b.adjClose[2]).toBeCloseTo(50 * (121 / 95) + 45, 12);
  });
});

describe('basket properties', () => {
  const arbSeries = fc
    .array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 2, maxLength: 80 })
    .map((closes) =>
      closeOnlySeries(
        'M',
        Array.from(closes, (_, i) => 19000 + i * 5),
        closes,
      ),
    );
  const arbSchedule = fc.constantFrom<RebalanceSchedule>('monthly', 'quarterly', 'none');

  const rebased = (s: PriceSeries, i: number) => (100 * s.close[i]!) / s.close[0]!;

  it('a basket of one symbol is that symbol rebased to 100', () => {
    fc.assert(
      fc.property(arbSeries, arbSchedule, (s, schedule) => {
        const b = basketIndex(def(['M'], schedule), [s]);
        expect(Array.from(b.dates)).toEqual(Array.from(s.dates));
        for (let i = 0; i < s.dates.length; i++) expect(Math.abs(b.close[i]! / rebased(s, i) - 1)).toBeLessThan(1e-12);
      }),
    );
  });

  it('an equal-weight basket of identical members equals the member rebased', () => {
    fc.assert(
      fc.property(arbSeries, arbSchedule, fc.integer({ min: 2, max: 7 }), (s, schedule, k) => {
        const b = basketIndex(
          def(
            Array.from({ length: k }, (_, i) => `M${i}`),
            schedule,
          ),
          Array.from({ length: k }, () => s),
        );
        for (let i = 0; i < s.dates.length; i++) expect(Math.abs(b.close[i]! / rebased(s, i) - 1)).toBeLessThan(1e-12);
      }),
    );
  });
});
