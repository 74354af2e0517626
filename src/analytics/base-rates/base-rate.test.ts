/** Base rates on series whose occurrences and forward returns are counted by hand. */
import { describe, expect, it } from 'vitest';
import { indexOnOrBefore } from '../../domain/price-series.js';
import { formatIsoDate } from '../../domain/trading-date.js';
import { DEFAULT_EVENT_PARAMS } from '../events/market-event.js';
import { weekdays } from '../events/weekday-dates.fixture.js';
import { LINE_SLOPE_PER_YEAR, phaseTail, plantedDowntrend } from '../trend/planted-trend.fixture.js';
import { trendOptions } from '../trend/trend-options.js';
import { breakoutBaseRate, eventBaseRate, median } from './base-rate.js';

// 100 for bars 0..299; 110 at 300 then 105 to 399; 120 at 400 then 126 to 499; 130 at 500..599; 131 at 600.
const values = Float64Array.from({ length: 601 }, (_, i) => {
  if (i < 300) return 100;
  if (i === 300) return 110;
  if (i < 400) return 105;
  if (i === 400) return 120;
  if (i < 500) return 126;
  if (i < 600) return 130;
  return 131;
});
const dates = weekdays(values.length);

describe('eventBaseRate', () => {
  it('new_ath: three earlier records (bars 300, 400, 500), forward returns by hand', () => {
    const br = eventBaseRate(dates, values, { type: 'new_ath' }, DEFAULT_EVENT_PARAMS, 600);
    expect(br.count).toBe(3);
    expect(br.occurrences.map((o) => o.date)).toEqual([300, 400, 500].map((i) => formatIsoDate(dates[i]!)));
    // 1m (21 bars): 105/110-1, 126/120-1 = +5%, 130/130-1 = 0 -> median 0, one positive of three.
    const r1 = [105 / 110 - 1, 126 / 120 - 1, 0];
    expect(br.horizons['1m']).toEqual({
      tradingDays: 21,
      n: 3,
      median: 0,
      mean: (r1[0]! + r1[1]! + r1[2]!) / 3,
      sharePositive: 1 / 3,
    });
    // 3m (63 bars): the same three levels.
    expect(br.horizons['3m']!.median).toBe(0);
    // 6m (126 bars): 300 -> 426 = 126/110-1, 400 -> 526 = 130/120-1; 500 -> 626 is after the as-of bar: n = 2.
    expect(br.horizons['6m']!.n).toBe(2);
    expect(br.horizons['6m']!.median).toBeCloseTo((126 / 110 - 1 + (130 / 120 - 1)) / 2, 14);
    expect(br.horizons['6m']!.sharePositive).toBe(1);
    expect(br.occurrences[2]!.returns['6m']).toBeNull();
  });

  it("a rate's base rate measures forward changes in basis points, not percent returns", () => {
    // the same levels /100 read as a yield in percent (1.00% .. 1.31%): 1m after bar 300 is
    // 1.05 - 1.10 = -0.05 points = -5 bp, after 400: 1.26 - 1.20 = +6 bp, after 500: 0 bp -> median 0, one rise in three
    const yields = values.map((v) => v / 100);
    const br = eventBaseRate(dates, yields, { type: 'new_ath' }, DEFAULT_EVENT_PARAMS, 600, undefined, undefined, 'bp');
    expect(br.unit).toBe('bp');
    expect(br.occurrences.map((o) => o.returns['1m'])).toEqual([-5, 6, 0].map((x) => expect.closeTo(x, 10)));
    expect(br.horizons['1m']).toMatchObject({ n: 3, median: 0, sharePositive: 1 / 3 });
    expect(br.horizons['1m']!.mean).toBeCloseTo(1 / 3, 10);
    expect(eventBaseRate(dates, values, { type: 'new_ath' }, DEFAULT_EVENT_PARAMS, 600).unit).toBeUndefined();
  });

  it('as of an earlier bar only earlier data counts (no look-ahead)', () => {
    const br = eventBaseRate(dates, values, { type: 'new_ath' }, DEFAULT_EVENT_PARAMS, 450);
    expect(br.count).toBe(2);
    // 400 + 63 = 463 > 450: only the 300 occurrence has a 3m return.
    expect(br.horizons['3m']!.n).toBe(1);
    expect(br.horizons['3m']!.median).toBeCloseTo(105 / 110 - 1, 14);
  });

  it('a daily run of records counts once per cooldown (21 bars)', () => {
    const run = Float64Array.from({ length: 340 }, (_, i) => (i < 300 ? 100 : 100 + (i - 299)));
    const br = eventBaseRate(weekdays(run.length), run, { type: 'new_ath' }, DEFAULT_EVENT_PARAMS, 339);
    // records every bar from 300 to 339: counted at 300 and 321 (339 is the as-of itself).
    expect(br.count).toBe(2);
  });

  it('median of an even count is the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([5])).toBe(5);
  });
});

describe('breakoutBaseRate on the planted downtrend', () => {
  const planted = plantedDowntrend(phaseTail());
  const opts = trendOptions();
  it('one earlier break (week 73), its forward return and whether it held 3 months later', () => {
    const last = planted.dates.length - 1;
    const br = breakoutBaseRate(planted.dates, planted.values, opts, last);
    expect(br.count).toBe(1);
    const breakFriday = planted.fridays[planted.weekAfterLastTouch(73)]!;
    expect(br.occurrences[0]!.date).toBe(formatIsoDate(breakFriday));
    // 21 weekdays after a Friday is the Monday 31 days later, in week 78; g interpolates by calendar day
    // from the Friday before (g = +0.01) to week 78's Friday (-0.02): Monday is 3/7 of the way;
    // the line fell 0.15 * 31 / 365.25 in log terms meanwhile; g at the break was +0.01.
    const g = 0.01 + (3 / 7) * (-0.02 - 0.01);
    expect(br.occurrences[0]!.returns['1m']).toBeCloseTo(
      Math.exp((LINE_SLOPE_PER_YEAR * 31) / 365.25 + g - 0.01) - 1,
      12,
    );
    // 63 weekdays later (week 85 + 3 days) g = -0.06: under the line, the break did not hold.
    expect(br.stillAboveLine3m).toEqual({ n: 1, share: 0 });
    expect(br.occurrences[0]!.beyondLine3m).toBe(false);
  });
  it('as of the break week itself there is no earlier break', () => {
    const atBreak = indexOnOrBefore(planted.dates, planted.fridays[planted.weekAfterLastTouch(73)]!);
    expect(breakoutBaseRate(planted.dates, planted.values, opts, atBreak).count).toBe(0);
  });
});
