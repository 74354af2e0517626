/**
 * Leaders and rank say why figures are n/a when a member's history is too short (data-warnings.ts
 * `short-history`), naming the day, the window and each member's first stored day. Hand-made closes: AAA
 * on 100 consecutive days from 2024-01-01, BBB on the last 10 of them (2024-03-31 .. 2024-04-09).
 */
import { expect, it } from 'vitest';
import { memoryStoreEach } from '../../../test/support/memory-store.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { rankReport } from '../breadth/rank-report.js';
import { leadersReport } from './leaders-report.js';

const mem = memoryStoreEach();

async function twoMembers(): Promise<void> {
  const first = parseIsoDate('2024-01-01');
  const days = Int32Array.from({ length: 100 }, (_, i) => first + i);
  const closes = Array.from({ length: 100 }, (_, i) => 100 + i);
  await mem.store.writeBars([
    { series: closeOnlySeries('AAA', days, closes), source: 'test' },
    { series: closeOnlySeries('BBB', days.slice(90), closes.slice(90)), source: 'test' },
  ]);
  await mem.store.saveGroup({ name: 'two', members: ['AAA', 'BBB'], benchmark: null, source: null });
}

it('leaders: a 3m return before a first bar, and the window before it, are named with the first stored days', async () => {
  await twoMembers();
  const r = await leadersReport(mem.store, { group: 'two' });
  // the 3m window ends on the last day, 2024-04-09, and starts three months earlier; the one before it three more
  expect([r.asOf, r.window.from, r.previousWindow.from]).toEqual(['2024-04-09', '2024-01-09', '2023-10-09']);
  // AAA: 2024-01-09 is its day 8 -> 199 / 108 - 1; BBB has no close on or before 2024-01-09
  expect(r.rows.map((x) => [x.symbol, x.return, x.previousReturn])).toEqual([
    ['AAA', 199 / 108 - 1, null],
    ['BBB', null, null],
  ]);
  expect(r.warnings.map((w) => [w.code, w.message])).toEqual([
    [
      'short-history',
      'too little history for the 3m return (from 2024-01-09) as of 2024-04-09 (n/a): BBB (first stored day 2024-03-31)',
    ],
    [
      'short-history',
      'too little history for the prior 3m return (from 2023-10-09) as of 2024-04-09 (n/a): AAA (first stored day 2024-01-01)',
    ],
  ]);
});

it('rank: members with fewer than 200 closes are unranked, and the warning says so', async () => {
  await twoMembers();
  const r = await rankReport(mem.store, { group: 'two' });
  expect(r.rows.map((x) => [x.symbol, x.rank])).toEqual([
    ['AAA', null],
    ['BBB', null],
  ]);
  expect(r.warnings.map((w) => w.message)).toEqual([
    'too little history for a score (200 closes, for the 200-day EMA) as of 2024-04-09 (n/a): AAA (first stored day 2024-01-01); BBB (first stored day 2024-03-31)',
  ]);
});
