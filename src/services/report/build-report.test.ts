/**
 * The note's default day: the last market close (marketEnd: a series other than a rate), never a later
 * rate row. FRED's fed funds rate (DFF) has a row every calendar day and runs past the markets: on the
 * shared real data DFF ends 2026-08-07 and the ETFs 2026-08-03, and the note must say August 3.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeOnlySeries } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { renderMarkdown } from '../../note/report/render-note.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
import { buildReport } from './build-report.js';

const d = (iso: string) => parseIsoDate(iso);
let store: DuckDbStore;

beforeAll(async () => {
  store = await DuckDbStore.open(':memory:');
  // SPY: the weekdays 2026-07-27 (Mon) .. 2026-08-03 (Mon); DFF: every calendar day to 2026-08-07 (Fri)
  const spyDays = ['2026-07-27', '2026-07-28', '2026-07-29', '2026-07-30', '2026-07-31', '2026-08-03'];
  const dffDays = [...spyDays.slice(0, 5), '2026-08-01', '2026-08-02', '2026-08-03', '2026-08-04', '2026-08-05'];
  dffDays.push('2026-08-06', '2026-08-07');
  await store.writeBars(
    [
      { series: closeOnlySeries('SPY', spyDays.map(d), [630, 631, 632, 633, 634, 635]), source: 'test' },
      {
        series: closeOnlySeries(
          'DFF',
          dffDays.map(d),
          dffDays.map(() => 4.33),
        ),
        source: 'test',
      },
    ],
    [
      { ticker: 'SPY', name: null, kind: 'etf', currency: 'USD' },
      { ticker: 'DFF', name: null, kind: 'rate', currency: 'USD' },
    ],
  );
});

afterAll(async () => {
  await store.close();
});

describe('the note without an as-of day', () => {
  it('is as of the last market close, not the later rate row', async () => {
    const { note, rowsUsed } = await buildReport(store);
    expect(note.asOf).toBe('2026-08-03');
    expect(renderMarkdown(note)).toContain('As of the close of August 3, 2026.');
    // nothing after the note's day is read: DFF as of its own last value on or before it
    const dff = rowsUsed.find((s) => s.symbol === 'DFF');
    expect(dff?.dates.at(-1)).toBe(d('2026-08-03'));
    expect(note.figures.find((f) => f.id === 'close-DFF')?.dates).toEqual(['2026-08-03']);
  });
});
