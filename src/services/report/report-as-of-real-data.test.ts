/**
 * The note's day on the real data when `--as-of` is given: FRED's fed funds rate (rates/DFF.csv) has a
 * row every calendar day and runs to 2026-08-07, four days past the ETFs' last close (2026-08-03, see
 * ../shared/data/README.md). A day asked for after that close, or a Saturday, must not date the note by
 * a DFF row: the note is as of the last market close on or before it, and a day past the last close
 * gives the warning the API gives (`data ends 2026-08-03; figures are as of that day ...`).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithSharedData, realFile } from '../../../test/support/shared-data.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { renderMarkdown } from '../../note/report/render-note.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
import { importFiles } from '../import/import-service.js';
import { buildReport } from './build-report.js';

describeWithSharedData('the note asked for a day the markets did not trade, on the real data', () => {
  let store: DuckDbStore;

  beforeAll(async () => {
    store = await DuckDbStore.open(':memory:');
    await importFiles(store, {
      files: [
        ...['SPY', 'SPSM', 'IWM', 'AAPL', 'XLK', 'XLE'].map((t) => realFile(`etfs-and-megacaps/${t}.csv`)),
        ...['DGS2', 'DGS10', 'DFF'].map((t) => realFile(`rates/${t}.csv`)),
      ],
    });
  }, 120_000);

  afterAll(async () => {
    await store?.close();
  });

  it('a day after the last close (DFF runs on to 2026-08-07) is the last close, with the warning', async () => {
    const asked = await buildReport(store, { asOf: '2026-08-06' });
    const byDefault = await buildReport(store);
    expect(asked.note.asOf).toBe('2026-08-03');
    expect(renderMarkdown(asked.note)).toContain('As of the close of August 3, 2026.');
    expect(asked.warnings.map((w) => [w.code, w.message])).toEqual([
      ['as-of-after-data', 'data ends 2026-08-03; figures are as of that day (asked for 2026-08-06)'],
    ]);
    // the same rows as the note without --as-of: DFF read to the close, not to 2026-08-06
    expect(asked.rowsUsed.find((s) => s.symbol === 'DFF')?.dates.at(-1)).toBe(parseIsoDate('2026-08-03'));
    expect(asked.note.fingerprint).toBe(byDefault.note.fingerprint);
    expect(renderMarkdown(asked.note)).toBe(renderMarkdown(byDefault.note));
    expect(byDefault.warnings).toEqual([]);
  });

  it('a Saturday (DFF has a row on 2025-12-13) is the Friday before, without a warning', async () => {
    const saturday = await buildReport(store, { asOf: '2025-12-13' });
    const friday = await buildReport(store, { asOf: '2025-12-12' });
    expect(saturday.note.asOf).toBe('2025-12-12');
    expect(renderMarkdown(saturday.note)).toContain('As of the close of December 12, 2025.');
    expect(saturday.warnings).toEqual([]);
    expect(saturday.note.fingerprint).toBe(friday.note.fingerprint);
    // DFF's 3.64 of Friday 2025-12-12 is the note's last rate row (README: 3.64 from 2025-12-11)
    const dff = saturday.rowsUsed.find((s) => s.symbol === 'DFF')!;
    expect(dff.dates.at(-1)).toBe(parseIsoDate('2025-12-12'));
    expect(dff.close.at(-1)).toBe(3.64);
  });
});
