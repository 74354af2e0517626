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
});
