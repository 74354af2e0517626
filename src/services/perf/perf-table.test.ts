// The perf-table use-case on an in-memory DuckDB store: selection, as-of handling and typed errors.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataError, NotFoundError, UsageError } from '../../domain/errors.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
import type { PriceStore } from '../../store/price-store.js';
import { perfTable } from './perf-table.js';

const days = (isos: string[]) => isos.map((x) => parseIsoDate(x));
let store: PriceStore;

beforeEach(async () => {
  store = await DuckDbStore.open(':memory:');
  const a = closeOnlySeries('AAA', days(['2024-12-31', '2025-01-02', '2025-01-03']), [100, 110, 121]);
  a.adjClose.set([90, 110, 121]);
  const late = closeOnlySeries('LATE', days(['2025-01-03']), [7]);
  await store.writeBars([
    { series: a, source: 'test' },
    { series: late, source: 'test' },
  ]);
  await store.upsertSymbols([{ ticker: 'EMPTY', name: null, kind: 'stock', currency: 'USD' }]);
});
afterEach(async () => {
  await store.close();
});

describe('perf table', () => {
  it('computes rows in the order asked, as of the last trading day on or before the as-of', async () => {
    const t = await perfTable(store, { symbols: ['late', 'aaa', 'AAA'], asOf: '2025-01-05' });
    expect(t.rows.map((r) => [r.symbol, r.asOf])).toEqual([
      ['LATE', '2025-01-03'],
      ['AAA', '2025-01-03'],
    ]);
    // ytd of AAA: 121 / 100 - 1 (price), 121 / 90 - 1 (total)
    expect(t.rows[1]!.returns.ytd).toBeCloseTo(0.21, 12);
    expect(t.rows[0]!.returns.ytd).toBeNull();
    const tr = await perfTable(store, { symbols: ['AAA'], totalReturn: true });
    expect(tr.rows[0]!.returns.ytd).toBeCloseTo(121 / 90 - 1, 14);
    expect(tr.field).toBe('adjClose');
  });

  it('--all lists every symbol with a bar on or before the as-of day, in ticker order', async () => {
    expect((await perfTable(store, { symbols: 'all', asOf: '2025-01-02' })).rows.map((r) => r.symbol)).toEqual(['AAA']);
    expect((await perfTable(store, { symbols: 'all' })).rows.map((r) => r.symbol)).toEqual(['AAA', 'LATE']);
  });

  it('an unknown symbol is NotFoundError, a stored one without bars at the as-of a DataError, a bad date a UsageError', async () => {
    await expect(perfTable(store, { symbols: ['AAA', 'ZZZ'] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(perfTable(store, { symbols: ['LATE'], asOf: '2025-01-02' })).rejects.toBeInstanceOf(DataError);
    await expect(perfTable(store, { symbols: ['EMPTY'] })).rejects.toBeInstanceOf(DataError);
    await expect(perfTable(store, { symbols: ['AAA'], asOf: '2025-13-01' })).rejects.toBeInstanceOf(UsageError);
    await expect(perfTable(store, { symbols: [' '] })).rejects.toBeInstanceOf(UsageError);
  });

  it("an as-of day before a symbol's first bar names the parameter and the first stored day", async () => {
    await expect(perfTable(store, { symbols: ['AAA', 'LATE'], asOf: '1900-01-01' })).rejects.toThrow(
      '--as-of: no bars on or before 1900-01-01 for AAA (first stored day 2024-12-31), LATE (first stored day 2025-01-03)',
    );
    const api = { from: 'from', to: 'to', asOf: 'asOf' };
    await expect(perfTable(store, { symbols: ['LATE'], asOf: '2025-01-02', parameterNames: api })).rejects.toThrow(
      'asOf: no bars on or before 2025-01-02 for LATE (first stored day 2025-01-03)',
    );
    await expect(perfTable(store, { symbols: ['LATE'], from: '2024-12-01', to: '2025-01-02' })).rejects.toThrow(
      /^--to: no bars on or before 2025-01-02 for LATE/,
    );
  });

  it("a group's members without bars on or before the as-of day are left out with one warning", async () => {
    const members = ['LATE', 'AAA', 'EMPTY', 'ZZZ'];
    const t = await perfTable(store, { symbols: members, group: 'g', asOf: '2025-01-02' });
    expect(t.rows.map((r) => r.symbol)).toEqual(['AAA']);
    expect(t.warnings).toEqual([
      {
        code: 'not-computed',
        message: "group 'g': 3 of 4 members left out, no bars on or before 2025-01-02: LATE, EMPTY, ZZZ",
        symbols: ['LATE', 'EMPTY', 'ZZZ'],
      },
    ]);
    // the latest data: only the unknown and the empty one are left out, with no as-of day in the message
    const latest = await perfTable(store, { symbols: members, group: 'g' });
    expect(latest.rows.map((r) => r.symbol)).toEqual(['LATE', 'AAA']);
    expect(latest.warnings.map((w) => w.message)).toEqual([
      "group 'g': 2 of 4 members left out, no stored bars: EMPTY, ZZZ",
    ]);
    // more than six: the first six and how many more
    const many = Array.from({ length: 9 }, (_, i) => `M${i}`);
    const long = await perfTable(store, { symbols: ['AAA', ...many], group: 'big' });
    expect(long.warnings.map((w) => w.message)).toEqual([
      "group 'big': 9 of 10 members left out, no stored bars: M0, M1, M2, M3, M4, M5 and 3 more",
    ]);
    // no member with a bar on or before the day is still an error
    await expect(perfTable(store, { symbols: members, group: 'g', asOf: '2024-06-30' })).rejects.toThrow(
      "group 'g': none of its 4 members has stored bars on or before 2024-06-30",
    );
    await expect(perfTable(store, { symbols: ['ZZZ'], group: 'g' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('--from/--to adds a window return from the last close on or before --from to the as-of close (by hand)', async () => {
    // from Jan 1 (a holiday): base 2024-12-31 at 100; to Jan 2: 110 -> +10%; total return base 90 -> 110/90 - 1
    const t = await perfTable(store, { symbols: ['AAA'], from: '2025-01-01', to: '2025-01-02' });
    expect(t.window).toEqual({ from: '2025-01-01', to: '2025-01-02' });
    expect(t.requestedAsOf).toBe('2025-01-02');
    expect(t.rows.map((r) => r.symbol)).toEqual(['AAA']);
    expect(t.rows[0]!.window).toEqual({ from: '2024-12-31', to: '2025-01-02', return: 110 / 100 - 1, cagr: null });
    const tr = await perfTable(store, { symbols: ['AAA'], from: '2025-01-01', totalReturn: true });
    expect(tr.rows[0]!.window!.return).toBeCloseTo(121 / 90 - 1, 14);
    // LATE starts 2025-01-03: nothing on or before Jan 1, so null rather than a return since inception
    const late = await perfTable(store, { symbols: ['LATE'], from: '2025-01-01' });
    expect(late.rows[0]!.window).toEqual({ from: null, to: '2025-01-03', return: null, cagr: null });
    // without --from there is no window key at all
    expect('window' in (await perfTable(store, { symbols: ['AAA'] })).rows[0]!).toBe(false);
  });

  it('a --from after the table day (the last stored day, no --to given) says why the window is empty', async () => {
    const t = await perfTable(store, { symbols: ['AAA'], from: '2030-01-01' });
    expect(t.rows[0]!.window).toEqual({ from: null, to: '2025-01-03', return: null, cagr: null });
    expect(t.warnings).toEqual([
      {
        code: 'not-computed',
        message: "window from 2030-01-01: it starts after the table's day, 2025-01-03 (no window return)",
        symbols: ['AAA'],
      },
    ]);
    expect((await perfTable(store, { symbols: ['AAA'], from: '2025-01-02' })).warnings).toEqual([]);
  });

  it('--from/--to mistakes are UsageErrors naming the parameter (the API names its own)', async () => {
    await expect(perfTable(store, { symbols: ['AAA'], to: '2025-01-02' })).rejects.toThrow(
      /^--to: a window needs its start/,
    );
    await expect(perfTable(store, { symbols: ['AAA'], from: '2025-01-03', to: '2025-01-02' })).rejects.toThrow(
      /^--from: 2025-01-03 is after the end of the window, 2025-01-02 \(--to\)$/,
    );
    const api = { from: 'from', to: 'to', asOf: 'asOf' };
    await expect(
      perfTable(store, {
        symbols: ['AAA'],
        from: '2025-01-01',
        to: '2025-01-02',
        asOf: '2025-01-02',
        parameterNames: api,
      }),
    ).rejects.toMatchObject({ parameter: 'to' });
    await expect(perfTable(store, { symbols: ['AAA'], from: 'soon', parameterNames: api })).rejects.toThrow(
      /^from: 'soon'/,
    );
  });
});
