/**
 * What seasonality says when it cannot answer: a stored symbol whose bars all come after --as-of is not
 * "unknown" (it was, for `seasonality SPY --as-of 1990-01-01` on a store with SPY from 2015); an unknown
 * one is, with the nearest stored name; a ratio of two series without a common day says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataError, NotFoundError } from '../../domain/errors.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
import { seasonalityReport } from './seasonality-report.js';

let store: DuckDbStore;
const days = (xs: string[]) => Int32Array.from(xs.map((x) => parseIsoDate(x)));

beforeAll(async () => {
  store = await DuckDbStore.open(':memory:');
  await store.writeBars([
    { series: closeOnlySeries('SPY', days(['2015-01-02', '2015-01-05', '2015-01-06']), [205, 201, 199]), source: 't' },
    { series: closeOnlySeries('IWM', days(['2016-01-04', '2016-01-05']), [111, 112]), source: 't' },
  ]);
});

afterAll(async () => {
  await store.close();
});

describe('seasonalityReport when it cannot answer', () => {
  it('a stored symbol with no bar on or before --as-of: a data error naming the day, not an unknown symbol', async () => {
    const e = await seasonalityReport(store, { subject: 'SPY', asOf: '1990-01-01' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataError);
    expect((e as Error).message).toBe('SPY: no bars stored on or before 1990-01-01');
  });

  it('an unknown symbol is not found, with the nearest stored name', async () => {
    const e = await seasonalityReport(store, { subject: 'SPYY' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(NotFoundError);
    expect((e as Error).message).toBe("unknown symbol 'SPYY'; did you mean SPY?");
  });

  it('a ratio of two series without a common day says so', async () => {
    const e = await seasonalityReport(store, { subject: 'SPY/IWM' }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataError);
    expect((e as Error).message).toBe('SPY and IWM have no common trading day');
  });
});
