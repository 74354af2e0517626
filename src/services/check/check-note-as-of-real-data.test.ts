/**
 * The day a note is checked as of, on the real data (../shared/data/README.md): the ETFs' adjusted closes
 * end on Mon 2026-08-03, FRED's fed funds rate (rates/DFF.csv) has a row every calendar day up to
 * 2026-08-07. An undated note is checked as of the last market close (2026-08-03), never a DFF row; a
 * note dated (or asked for) a day past that close is checked as of it, with a warning; no warning names a
 * CLI option (the web page shows them). And a symbol listed without prices says where it is listed (a stored group,
 * the config, or an imported symbol list: constituents/sp500.csv names ZBH, Zimmer Biomet).
 * By hand from etfs-and-megacaps/SPY.csv: 2026-07-31 747.030029, 2026-08-03 755.645020, so the day's
 * move is 755.645020 / 747.030029 - 1 = +1.1532%.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithSharedData, realFile } from '../../../test/support/shared-data.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
import { importFiles } from '../import/import-service.js';
import { checkNote } from './check-note.js';

describeWithSharedData('the day a note is checked as of, on the real data (SPY and DFF)', () => {
  let store: DuckDbStore;

  beforeAll(async () => {
    store = await DuckDbStore.open(':memory:');
    await importFiles(store, {
      // constituents/sp500.csv is a symbol list: it names ZBH (Zimmer Biomet) in the store, with no bars
      files: [realFile('etfs-and-megacaps/SPY.csv'), realFile('rates/DFF.csv'), realFile('constituents/sp500.csv')],
    });
    // an imported list with a member that has no prices (ZZA)
    await store.saveGroup({ name: 'watchlist', members: ['SPY', 'ZZA'], benchmark: null, source: null });
  }, 120_000);

  afterAll(async () => {
    await store?.close();
  });

  it('an undated note is checked as of the last market close (2026-08-03), not DFF last row (2026-08-07)', async () => {
    const r = await checkNote(store, { text: 'SPY rose 1.15% today.' });
    expect(r.asOf).toBe('2026-08-03');
    expect(r.asOfSource).toEqual({
      date: '2026-08-03',
      source: 'latest',
      why: 'the note states no date: the last market close',
    });
    expect(r.warnings).toEqual(['the note states no date: checked as of the last market close, 2026-08-03']);
    expect(r.claims).toHaveLength(1);
    expect(r.claims[0]).toMatchObject({ verdict: 'supported', asOf: '2026-08-03' });
    expect(r.claims[0]!.actual as number).toBeCloseTo(0.011532, 6);
  });

  it('a note dated Thursday 2026-08-06 is checked as of the last close, with a warning that names the date', async () => {
    const r = await checkNote(store, { text: 'As of the close of August 6, 2026\n\nSPY is up 11.40% this year.' });
    expect(r.asOf).toBe('2026-08-03');
    expect(r.asOfSource).toMatchObject({ date: '2026-08-03', source: 'note' });
    expect(r.asOfSource.why).toMatch(/August 6, 2026.*; prices end on 2026-08-03$/);
    expect(r.warnings).toEqual([
      'prices end on 2026-08-03; claims are checked as of 2026-08-03 (the note is dated 2026-08-06)',
    ]);
    // YTD by hand: 755.645020 / 678.315247 (2025-12-31) - 1 = +11.400%
    expect(r.claims[0]).toMatchObject({ verdict: 'supported', asOf: '2026-08-03' });
    expect(r.claims[0]!.actual as number).toBeCloseTo(0.114003, 6);
  });

  it('a note dated Saturday 2026-08-01 (no trading day after Friday 07-31 up to it) gets no warning', async () => {
    const r = await checkNote(store, { text: 'As of the close of August 1, 2026\n\nSPY is up 10.13% this year.' });
    expect(r.asOf).toBe('2026-08-01');
    expect(r.warnings).toEqual([]);
  });

  it('a day asked for past the last close gives the warning every command gives; no message names an option', async () => {
    const r = await checkNote(store, {
      text: 'As of the close of August 3, 2026: SPY rose 1.15%.',
      asOf: '2026-08-05',
    });
    expect(r.asOf).toBe('2026-08-03');
    expect(r.warnings).toEqual([
      "the note states 2026-08-03 (the note says 'As of the close of August 3, 2026' (line 1)); checked as of the date asked for, 2026-08-05",
      'data ends 2026-08-03; figures are as of that day (asked for 2026-08-05)',
    ]);
    for (const text of ['SPY rose 1.15% today.', 'As of the close of August 6, 2026: SPY rose 1.15%.']) {
      for (const asOf of [undefined, '2026-08-05', '2026-07-31']) {
        const out = await checkNote(store, { text, asOf });
        for (const w of [...out.warnings, out.asOfSource.why]) expect(w).not.toMatch(/--/);
      }
    }
  });

  it('a symbol listed without prices says where it is listed: a stored group, or the config', async () => {
    const r = await checkNote(store, {
      text: 'ZZA rose 2.1% today. Microsoft rose 1% today. Arm Holdings (ARM) rose 2% today.',
      asOf: '2026-08-03',
    });
    expect(r.claims.map((c) => [c.symbol, c.verdict, c.reason])).toEqual([
      ['ZZA', 'unverifiable', "no prices stored for ZZA (a member of group 'watchlist')"],
      ['MSFT', 'unverifiable', 'no prices stored for MSFT (Microsoft Corp., a symbol in the config)'],
      ['ARM', 'unverifiable', 'no data for ARM in the store'],
    ]);
  });

  it('a ticker an imported symbol list named, with no bars, is read and called unpriced, not an unknown name', async () => {
    const r = await checkNote(store, { text: 'ZBH rose 2% today.', asOf: '2026-08-03' });
    expect(r.claims.map((c) => [c.symbol, c.verdict, c.reason])).toEqual([
      [
        'ZBH',
        'unverifiable',
        'no prices stored for ZBH (Zimmer Biomet, a symbol the store lists, from an imported symbol list)',
      ],
    ]);
  });
});
