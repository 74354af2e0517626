/**
 * Breadth of the real S&P 600 members (../shared/data/real/sp600-members-adjclose-2015.csv.gz)
 * against an independent pandas computation (/usr/bin/python3, pandas 2.x, script in the comment
 * below): per member with a bar that day, close vs rolling(50|200).mean(), vs the previous bar,
 * and vs the other closes after the same date a year earlier (DateOffset(years=1)).
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { describeWithSharedData, realFile } from '../../../test/support/shared-data.js';
import { breadthHistory, type MemberCloses } from '../../analytics/breadth/breadth-history.js';
import { breadthAt } from '../../analytics/breadth/breadth-snapshot.js';
import { parseIsoDate } from '../../domain/trading-date.js';

function loadMembers(): MemberCloses[] {
  const text = gunzipSync(readFileSync(realFile('sp600-members-adjclose-2015.csv.gz'))).toString('utf8');
  const by = new Map<string, { d: number[]; v: number[] }>();
  for (const line of text.split('\n').slice(1)) {
    const [s, d, v] = line.split(',');
    if (!s || !d || !v) continue;
    let e = by.get(s);
    if (!e) by.set(s, (e = { d: [], v: [] }));
    e.d.push(parseIsoDate(d));
    e.v.push(Number(v));
  }
  return [...by].map(([symbol, e]) => ({ symbol, dates: Int32Array.from(e.d), closes: Float64Array.from(e.v) }));
}

describeWithSharedData('breadth of the real S&P 600 members matches pandas', () => {
  it('on three days: calm (2025-12-11), the 2020 crash low (2020-03-23), a 2022 sell-off (2022-06-16)', () => {
    const h = breadthHistory(loadMembers(), null);
    // pandas: {day: [above50, with50, above200, with200, adv, dec, unch, highs, lows, withYear]}
    const want: Record<string, number[]> = {
      '2025-12-11': [419, 578, 381, 577, 420, 154, 4, 58, 0, 576],
      '2020-03-23': [9, 521, 16, 517, 219, 303, 1, 0, 151, 513],
      '2022-06-16': [35, 557, 59, 550, 16, 540, 1, 1, 212, 543],
    };
    for (const [day, w] of Object.entries(want)) {
      const s = breadthAt(h, parseIsoDate(day))!;
      expect(s.date).toBe(day);
      expect([s.aboveShort.count, s.aboveShort.of, s.aboveLong.count, s.aboveLong.of, s.advances, s.declines, s.unchanged, s.newHighs, s.newLows, s.withYear], day).toEqual(w);
    }
  });
});
