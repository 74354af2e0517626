/**
 * "Small caps" as a subject: the config reads the words as IWM (`readAs` of IWM in default-config.json,
 * the most quoted small-cap benchmark fund), and the reason says so. On the real data
 * (etfs-and-megacaps/IWM.csv, ../shared/data/README.md), by hand: 2025-12-10 252.905991, 2025-12-11
 * 255.873642, so the day's move is 255.873642 / 252.905991 - 1 = +1.1734%: "1.2%" holds (within half its
 * last digit, 0.05 points), "1.1%" does not. SPSM: 2024-12-31 43.847443, 2025-12-10
 * 47.770531, 2025-12-11 48.313942: +10.186% YTD, +1.1375% on the day; IWM's YTD is +17.590% (2024-12-31 217.597321).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithSharedData, realFile } from '../../../test/support/shared-data.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
import { importFiles } from '../import/import-service.js';
import { checkNote } from './check-note.js';

const READ_AS = 'small caps read as IWM (iShares Russell 2000 ETF)';

describeWithSharedData('small caps read as IWM, on the real data', () => {
  let store: DuckDbStore;

  beforeAll(async () => {
    store = await DuckDbStore.open(':memory:');
    await importFiles(store, { files: ['IWM', 'SPSM'].map((t) => realFile(`etfs-and-megacaps/${t}.csv`)) });
  }, 120_000);

  afterAll(async () => {
    await store?.close();
  });

  it('"Small caps rose 1.2% today" is IWM +1.17% on Dec 11: supported, and the reason says how it was read', async () => {
    const r = await checkNote(store, {
      text: 'Small caps rose 1.2% today. Small caps rose 1.1% today.',
      asOf: '2025-12-11',
    });
    expect(r.claims.map((c) => [c.symbol, c.period, c.claimed, c.verdict])).toEqual([
      ['IWM', '1d', 0.012, 'supported'],
      ['IWM', '1d', 0.011, 'contradicted'],
    ]);
    expect(r.claims[0]!.actual as number).toBeCloseTo(0.011734, 6);
    for (const c of r.claims) expect(c.reason).toContain(`; ${READ_AS}`);
  });

  it('"Small caps have outpaced the Magnificent 7 by 5.6 percentage points" is a spread of IWM on MAG7', async () => {
    const r = await checkNote(store, {
      text: 'Small caps have outpaced the Magnificent 7 by 5.6 percentage points this year.',
      asOf: '2025-12-11',
    });
    expect(r.claims.map((c) => [c.metric, c.symbol, c.period, c.claimed])).toEqual([['spread', 'IWM', 'ytd', 0.056]]);
    // the basket's members are not in this store: unverifiable, naming them, and the reading
    expect(r.claims[0]!.verdict).toBe('unverifiable');
    expect(r.claims[0]!.reason).toMatch(/^no data for MAG7 in the store, and its members AAPL, .* are missing too/);
    expect(r.claims[0]!.reason).toContain(`; ${READ_AS}`);
  });

  it('right after a claim on another fund of its config group (smallcaps: SPSM) "small caps" is that fund', async () => {
    const r = await checkNote(store, {
      text: 'SPSM rose 1.14% today, and small caps are up 10.19% this year.\n\nSmall caps are up 17.59% this year.',
      asOf: '2025-12-11',
    });
    expect(r.claims.map((c) => [c.symbol, c.period, c.verdict])).toEqual([
      ['SPSM', '1d', 'supported'],
      ['SPSM', 'ytd', 'supported'],
      ['IWM', 'ytd', 'supported'],
    ]);
    expect(r.claims[1]!.reason).not.toContain('read as');
    expect(r.claims[2]!.reason).toContain(`; ${READ_AS}`);
  });

  it('a claim of the same kind on a fund of the group in the same paragraph is the one kept', async () => {
    const r = await checkNote(store, {
      text: 'Small caps rallied 1.2% today: the iShares Russell 2000 ETF (IWM) rose 1.17%.',
      asOf: '2025-12-11',
    });
    expect(r.claims.map((c) => [c.symbol, c.period, c.claimed, c.verdict])).toEqual([
      ['IWM', '1d', 0.0117, 'supported'],
    ]);
    expect(r.claims[0]!.reason).not.toContain('read as');
  });

  it('a ticker in parentheses wins over the reading: "small caps (IJR)" is IJR, with no reading said', async () => {
    const r = await checkNote(store, { text: 'Small caps (IJR) rose 1.2% today.', asOf: '2025-12-11' });
    expect(r.claims.map((c) => c.symbol)).toEqual(['IJR']);
    expect(r.claims[0]!.reason).not.toContain('read as');
  });
});
