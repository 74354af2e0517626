/**
 * A check never reads a close after its as-of day. The store holds IWM closes (hand-made) from
 * Fri 2025-12-19 to Mon 2026-01-12; the note is dated Fri 2026-01-09, so the bar of Jan 12 is after it.
 * Closes: Dec 19 102, Dec 22 to Jan 2 100 (seven sessions), Jan 5 99, Jan 6 98, Jan 7 97, Jan 8 96,
 * Jan 9 95, Jan 12 103 (a record: at or above every earlier close). By hand:
 * - "On Monday, IWM closed at a record": Jan 5 (99) is 2.94% below Dec 19's 102; no close from Dec 22
 *   to Jan 9 is a record either (all below 102). Only Jan 12 is, five sessions after Monday but after
 *   the note's day: it must not be named.
 * - "IWM is up 3.00% year to date": on Jan 9, 95 / 100 (Dec 31) - 1 = -5.00%; on Jan 12, 103 / 100 - 1 =
 *   +3.00% (a match one session after the note's day, which must not be named); Jan 2..Jan 8 give 0%,
 *   -1%, -2%, -3%, -4%: none is +3%.
 * - "IWM is down 3.00% year to date": Jan 7 (97 / 100 - 1 = -3.00%), two sessions before: still named.
 */
import { expect, it } from 'vitest';
import { memoryStoreEach } from '../../../test/support/memory-store.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { checkNote } from './check-note.js';

const mem = memoryStoreEach();

const DAYS = [
  '2025-12-19',
  '2025-12-22',
  '2025-12-23',
  '2025-12-24',
  '2025-12-26',
  '2025-12-29',
  '2025-12-30',
  '2025-12-31',
  '2026-01-02',
  '2026-01-05',
  '2026-01-06',
  '2026-01-07',
  '2026-01-08',
  '2026-01-09',
  '2026-01-12',
];
const CLOSES = [102, 100, 100, 100, 100, 100, 100, 100, 100, 99, 98, 97, 96, 95, 103];

async function storeBars(): Promise<void> {
  await mem.store.writeBars([
    {
      series: closeOnlySeries(
        'IWM',
        DAYS.map((d) => parseIsoDate(d)),
        CLOSES,
      ),
      source: 'csv',
    },
  ]);
}

async function check(text: string) {
  await storeBars();
  return checkNote(mem.store, { text: `As of the close of January 9, 2026:\n${text}` });
}

it('a record claim about a day before the note is never matched to a close after the note', async () => {
  const r = await check('On Monday, IWM closed at a record high.');
  expect(r.asOf).toBe('2026-01-09');
  const [c] = r.claims;
  expect(c).toMatchObject({ symbol: 'IWM', metric: 'ath', verdict: 'contradicted', asOf: '2026-01-05' });
  expect(c!.matchesCloseOf).toBeNull();
  expect(c!.reason).not.toMatch(/Jan 12/);
});

it('a return is never matched to a close after the note, but still to an earlier one', async () => {
  const r = await check('IWM is up 3.00% year to date. IWM is down 3.00% year to date.');
  const [up, down] = r.claims;
  expect(up).toMatchObject({ symbol: 'IWM', period: 'ytd', verdict: 'contradicted', matchesCloseOf: null });
  expect(up!.actual).toBeCloseTo(95 / 100 - 1, 12);
  expect(down).toMatchObject({ symbol: 'IWM', period: 'ytd', verdict: 'contradicted', matchesCloseOf: '2026-01-07' });
});

it('--as-of ends the reads too: the same store checked as of Jan 12 finds the record and the +3.00%', async () => {
  await storeBars();
  const r = await checkNote(mem.store, {
    text: 'IWM closed at a record high. IWM is up 3.00% year to date.',
    asOf: '2026-01-12',
  });
  expect(r.claims.map((c) => c.verdict)).toEqual(['supported', 'supported']);
  const early = await checkNote(mem.store, { text: 'IWM is up 3.00% year to date.', asOf: '2026-01-09' });
  expect(early.claims[0]).toMatchObject({ verdict: 'contradicted', matchesCloseOf: null });
});
