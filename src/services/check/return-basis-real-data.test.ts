/**
 * The store's basis named in every return verdict, on the real data (../shared/data/README.md): the ETFs'
 * files hold `Date,Adj Close` only, closes adjusted for dividends, so their returns are total returns;
 * ^VIX's file holds index levels (a price). By hand from etfs-and-megacaps/SPY.csv: 2025-12-31
 * 678.315247, 2026-08-03 755.645020, so SPY's YTD total return on Aug 3 is 755.645020 / 678.315247 - 1 =
 * +11.400%; the five closes before give +10.130% (Jul 31), +9.343%, +7.540%, +9.221%, +8.960% (Jul 27).
 * The YTD window is 215 days (2025-12-31 to 2026-08-03), 0.5886 years: dividends could explain a price
 * return below the total return by up to 2 points a year, 1.18 points here (plus the 0.05-point tolerance).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithSharedData, realFile } from '../../../test/support/shared-data.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
import { importFiles } from '../import/import-service.js';
import { checkNote } from './check-note.js';
import { oneCloseBases } from './claim-series.js';

const NOTE = 'As of the close of August 3, 2026\n\n';

describeWithSharedData('the basis of a return verdict, on the real data (SPY adjusted closes, ^VIX levels)', () => {
  let store: DuckDbStore;

  beforeAll(async () => {
    store = await DuckDbStore.open(':memory:');
    await importFiles(store, {
      files: [realFile('etfs-and-megacaps/SPY.csv'), realFile('indices/^VIX.csv'), realFile('rates/DFF.csv')],
    });
  }, 120_000);

  afterAll(async () => {
    await store?.close();
  });

  const claim = async (text: string) => {
    const r = await checkNote(store, { text: NOTE + text });
    expect(r.claims).toHaveLength(1);
    return r.claims[0]!;
  };

  it("what the one stored close measures: SPY's adjusted closes a total return, ^VIX's levels a price, DFF none", async () => {
    const bases = oneCloseBases(await store.listSymbols());
    expect(Object.fromEntries(bases)).toEqual({ SPY: 'total', '^VIX': 'price' });
  });

  it('a supported return names the total return in its sentence and reason (basis total)', async () => {
    const c = await claim('SPY is up 11.40% this year.');
    expect(c).toMatchObject({
      verdict: 'supported',
      basis: 'total',
      sentence: 'SPY is up 11.40% YTD on Aug 3 (total return): supported',
    });
    expect(c.reason).toMatch(/^YTD total return 11\.40%, base close 2025-12-31; as of 2026-08-03/);
    expect(c.reason).toMatch(/the store holds SPY's adjusted closes only \(a total return, dividends in\)/);
  });

  it('a figure 0.50 points below the total return (within 1.18 + 0.05) may be the price return: said so', async () => {
    const c = await claim('SPY is up 10.90% this year.');
    expect(c).toMatchObject({ verdict: 'contradicted', basis: 'total', matchesCloseOf: null });
    expect(c.sentence).toBe(
      'SPY is up 11.40% YTD on Aug 3 (total return), not 10.90%: contradicted; no close within 5 sessions either side matches; a price-return figure would be lower by the dividends paid, which this store cannot tell apart',
    );
    expect(c.reason).toMatch(/^YTD total return 11\.40%.*a price-return figure would be lower by the dividends paid/);
  });

  it('3.40 points below (past 1.23) or a figure above the total return is not put down to dividends', async () => {
    for (const text of ['SPY is up 8.00% this year.', 'SPY is up 12.00% this year.']) {
      const c = await claim(text);
      expect(c).toMatchObject({ verdict: 'contradicted', basis: 'total', matchesCloseOf: null });
      expect(c.sentence).toMatch(
        /^SPY is up 11\.40% YTD on Aug 3 \(total return\), not \d+\.00%: contradicted; no close/,
      );
      expect(c.sentence).not.toMatch(/dividends/);
    }
  });
});
