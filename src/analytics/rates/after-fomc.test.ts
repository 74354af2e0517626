/** Base rates after cuts, by hand on a made-up ratio. */
import { expect, it } from 'vitest';
import { parseIsoDate } from '../../domain/trading-date.js';
import { afterCutBaseRate } from './after-fomc.js';

const dates = Int32Array.from(
  ['2025-09-16', '2025-09-17', '2025-09-18', '2025-09-19', '2025-10-29', '2025-10-30', '2025-10-31'],
  (d) => parseIsoDate(d),
);
const closes = Float64Array.of(1, 1, 1.1, 1.21, 2, 1.9, 1.8);

it('measures from the decision-day close, skips cuts without N sessions after or without a close in the 4 days up to it', () => {
  // 2025-10-25 (a Saturday) has no close within 4 days before it (the last is 2025-09-19)
  const r = afterCutBaseRate(dates, closes, ['2025-09-17', '2025-10-29', '2025-12-10', '2025-10-25'], 2, dates[6]!);
  expect(r.outcomes.map((o) => [o.date, o.base])).toEqual([
    ['2025-09-17', '2025-09-17'],
    ['2025-10-29', '2025-10-29'],
  ]);
  expect(r.outcomes[0]!.change).toBeCloseTo(0.21, 12); // 1.21 / 1 - 1
  expect(r.outcomes[1]!.change).toBeCloseTo(-0.1, 12); // 1.8 / 2 - 1
  expect(r.median).toBeCloseTo(0.055, 12);
  expect(r.shareUp).toBe(0.5);
  // as of 2025-10-30 the October cut has only one session after it
  expect(afterCutBaseRate(dates, closes, ['2025-10-29'], 2, dates[5]!).outcomes).toEqual([]);
});

it('a decision on a day without a session (Sunday 2020-03-15) is measured from the last close before it', () => {
  const d = Int32Array.from(['2020-03-12', '2020-03-13', '2020-03-16', '2020-03-17'], (x) => parseIsoDate(x));
  const c = Float64Array.of(1, 2, 1.5, 1.8);
  const r = afterCutBaseRate(d, c, ['2020-03-15'], 1, d[3]!);
  // base Friday 2020-03-13 (2), one session later Monday 2020-03-16 (1.5): 1.5 / 2 - 1 = -0.25
  expect(r.outcomes).toEqual([{ date: '2020-03-15', base: '2020-03-13', change: -0.25 }]);
});
