/**
 * Breadth of the real S&P 600 members (../shared/data/real/sp600-members-adjclose-2015.csv.gz)
 * against an independent pandas computation (/usr/bin/python3, pandas 2.x, script in the comment
 * below): per member with a bar that day, close vs rolling(50|200).mean(), vs the previous bar,
 * and vs the other closes after the same date a year earlier (DateOffset(years=1)).
 */
import { expect, it } from 'vitest';
import { describeWithSharedData } from '../../../test/support/shared-data.js';
import { loadSp600Members } from '../../../test/support/sp600-members.js';
import { breadthHistory } from '../../analytics/breadth/breadth-history.js';
import { breadthAt } from '../../analytics/breadth/breadth-snapshot.js';
import { periodReturn } from '../../analytics/returns/period-returns.js';
import { parseIsoDate } from '../../domain/trading-date.js';

describeWithSharedData('breadth of the real S&P 600 members matches pandas', () => {
  it('on three days: calm (2025-12-11), the 2020 crash low (2020-03-23), a 2022 sell-off (2022-06-16)', () => {
    const h = breadthHistory(loadSp600Members(), null);
    // pandas: {day: [above50, with50, above200, with200, adv, dec, unch, highs, lows, withYear]}
    const want: Record<string, number[]> = {
      '2025-12-11': [419, 578, 381, 577, 420, 154, 4, 58, 0, 576],
      '2020-03-23': [9, 521, 16, 517, 219, 303, 1, 0, 151, 513],
      '2022-06-16': [35, 557, 59, 550, 16, 540, 1, 1, 212, 543],
    };
    for (const [day, w] of Object.entries(want)) {
      const s = breadthAt(h, parseIsoDate(day))!;
      expect(s.date).toBe(day);
      expect(
        [
          s.aboveShort.count,
          s.aboveShort.of,
          s.aboveLong.count,
          s.aboveLong.of,
          s.advances,
          s.declines,
          s.unchanged,
          s.newHighs,
          s.newLows,
          s.withYear,
        ],
        day,
      ).toEqual(w);
    }
  });

  it('the equal-weighted index: its 1M, 3M, 6M, YTD and 1Y returns as of 2025-12-11 equal pandas', () => {
    const h = breadthHistory(loadSp600Members(), null);
    const k = h.dates.indexOf(parseIsoDate('2025-12-11'));
    // test/reference/breadth_reference.py (pandas 1.5.3): pct_change within each member, mean per
    // date, chained from 100; bases by DateOffset(months=1|3|6), the last close of 2024, DateOffset(years=1)
    const pandas = {
      '1m': 0.05602546044652357,
      '3m': 0.021465784391625498,
      '6m': 0.12528013151445716,
      ytd: 0.08703005792644869,
      '1y': 0.016727141383071853,
    } as const;
    for (const [period, want] of Object.entries(pandas))
      expect(periodReturn(h.dates, h.equalWeight, k, period as keyof typeof pandas), period).toBeCloseTo(want, 12);
  });
});
