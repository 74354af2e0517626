/**
 * "Its lowest (highest) close in N days, weeks, months or years", on the real data: ^VIX's closes
 * (indices/^VIX.csv, ../shared/data/README.md). By hand from the file:
 * - 2025-12-11 closed 14.85; every close from 2025-09-15 to 2025-12-10 is higher (the lowest is 15.29),
 *   2025-09-12 closed 14.76, lower. So on Dec 11 the VIX is at its lowest close since Sep 12: the lowest
 *   in two months (window from 2025-10-11) and in 12 weeks (from 2025-09-18), not in three months (from
 *   2025-09-11: Sep 12's 14.76 lies inside it).
 * - 2025-12-24 closed 13.47; every close from 2024-12-09 to 2025-12-23 is higher (the lowest is 13.58),
 *   2024-12-06 closed 12.77. So it is the lowest close in a year (from 2024-12-24), not in two years.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithSharedData, realFile } from '../../../test/support/shared-data.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
import { importFiles } from '../import/import-service.js';
import { checkNote } from './check-note.js';

describeWithSharedData('lowest and highest close in a window, on the real data (^VIX)', () => {
  let store: DuckDbStore;

  beforeAll(async () => {
    store = await DuckDbStore.open(':memory:');
    await importFiles(store, { files: [realFile('indices/^VIX.csv')] });
  }, 120_000);

  afterAll(async () => {
    await store?.close();
  });

  const verdicts = async (asOf: string, text: string) => {
    const r = await checkNote(store, { text, asOf });
    return r.claims.map((c) => [c.symbol, c.metric, c.period, c.verdict, c.actual]);
  };

  it('on 2025-12-11: the lowest close in two months and in 12 weeks, not in three months (Sep 12 was lower)', async () => {
    expect(
      await verdicts(
        '2025-12-11',
        'The VIX fell to its lowest close in three months. The VIX closed at its lowest level in two months. The VIX hit its lowest close in the past 12 weeks.',
      ),
    ).toEqual([
      ['^VIX', 'since', 'since 2025-09-11', 'contradicted', '2025-09-12'],
      ['^VIX', 'since', 'since 2025-10-11', 'supported', '2025-09-12'],
      ['^VIX', 'since', 'since 2025-09-18', 'supported', '2025-09-12'],
    ]);
    const [c] = (
      await checkNote(store, { text: 'The VIX fell to its lowest close in three months.', asOf: '2025-12-11' })
    ).claims;
    expect(c!.sentence).toBe(
      '^VIX closed at 14.85, its lowest close since Sep 12 on Dec 11, not its lowest close in 3 months: contradicted; no close within 5 sessions either side matches',
    );
  });

  it('on 2025-12-24: the lowest close in a year (and in more than a year), not in two years', async () => {
    expect(
      await verdicts(
        '2025-12-24',
        'The VIX sank to its lowest close in a year. The VIX is at its lowest close in more than a year. The VIX posted its lowest close in two years.',
      ),
    ).toEqual([
      ['^VIX', 'since', 'since 2024-12-24', 'supported', '2024-12-06'],
      ['^VIX', 'since', 'since 2024-12-24', 'supported', '2024-12-06'],
      ['^VIX', 'since', 'since 2023-12-24', 'contradicted', '2024-12-06'],
    ]);
  });

  it('a window without a count ("over the past months") is none; a window before a since-date is read', async () => {
    expect(await verdicts('2025-12-24', 'The VIX has been at its highest levels over the past months.')).toEqual([]);
    expect(
      await verdicts('2025-12-24', 'The VIX closed at its lowest level in over a year, since December 2024.'),
    ).toEqual([['^VIX', 'since', 'since 2024-12-24', 'supported', '2024-12-06']]);
  });
});
