import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataError, NotFoundError } from '../domain/errors.js';
import { closeOnlySeries } from '../domain/price-series.js';
import { formatIsoDate, parseIsoDate } from '../domain/trading-date.js';
import { DuckDbStore } from '../store/duckdb/duckdb-store.js';
import { missingSeriesError, readSeriesAsOf } from './stored-series.js';

describe('readSeriesAsOf', () => {
  let store: DuckDbStore;
  beforeAll(async () => {
    store = await DuckDbStore.open(':memory:');
    const dates = Int32Array.from(['2025-12-22', '2025-12-23', '2025-12-24', '2025-12-26'].map((s) => parseIsoDate(s)));
    await store.writeBars([{ series: closeOnlySeries('XLK', dates, [280, 281, 282, 283]), source: 'test' }]);
  });
  afterAll(() => store.close());

  it('without --as-of: the whole series and its last bar', async () => {
    const { series, index } = await readSeriesAsOf(store, 'XLK', undefined);
    expect(series.dates.length).toBe(4);
    expect(index).toBe(3);
    expect(series.close[index]).toBe(283);
  });

  it('a holiday as of: the series cut there, the bar before it (2025-12-24)', async () => {
    const { series, index } = await readSeriesAsOf(store, 'XLK', '2025-12-25');
    expect(series.dates.length).toBe(3);
    expect(formatIsoDate(series.dates[index]!)).toBe('2025-12-24');
    expect(series.close[index]).toBe(282);
  });

  it('an unknown symbol is not found; a known one with no bar by the as-of day is a data error naming the day', async () => {
    await expect(readSeriesAsOf(store, 'NOPE', undefined)).rejects.toBeInstanceOf(NotFoundError);
    const early = readSeriesAsOf(store, 'XLK', '2025-12-01');
    await expect(early).rejects.toBeInstanceOf(DataError);
    await expect(early).rejects.toThrow('XLK: no bars stored on or before 2025-12-01');
    await expect(readSeriesAsOf(store, 'XLK', '2025-13-01')).rejects.toThrow(/--as-of/);
  });

  it('missingSeriesError without an as-of day says only that no bars are stored', async () => {
    expect(await missingSeriesError(store, 'NOPE', null)).toBeInstanceOf(NotFoundError);
    expect((await missingSeriesError(store, 'XLK', null)).message).toBe('XLK: no bars stored');
  });
});
