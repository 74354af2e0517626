/**
 * /api/perf for a table of 200 symbols or more is made on the worker thread (perf-offload.ts) and
 * answers exactly what the in-process computation answers (same bytes, same ETag), which
 * MARKETDASH_PERF_WORKER=off keeps. The store: 240 symbols of the API test store's formula, 2021-2024.
 */
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { perfResponseSchema } from '../../src/contracts/perf-contract.js';
import { daysFromCivil } from '../../src/domain/trading-date.js';
import { buildApp } from '../../src/server/build-app.js';
import { weakEtag } from '../../src/server/encoded-body.js';
import { PerfOffload } from '../../src/server/perf-offload.js';
import { checkedJson, WARNINGS_HEADER } from '../../src/server/server-context.js';
import { perfTable } from '../../src/services/perf/perf-table.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { testConfig, testDays, testSeries } from './api-test-store.js';

const TICKERS = Array.from({ length: 240 }, (_, i) => `S${String(i).padStart(3, '0')}`);
let store: DuckDbStore;

beforeAll(async () => {
  store = await DuckDbStore.open(':memory:');
  const days = testDays().filter((d) => d >= daysFromCivil(2021, 1, 1));
  await store.writeBars(TICKERS.map((t, k) => ({ series: testSeries(t, k % 7, days), source: 'csv' })));
  // a list this long goes in a group (the symbols parameter takes fewer)
  await store.saveGroup({ name: 'big', members: TICKERS, benchmark: null, source: null });
  await store.saveGroup({ name: 'bigger', members: [...TICKERS, 'NOPE'], benchmark: null, source: null });
});
afterAll(async () => store.close());

test('a 240-symbol table comes from the worker, the same bytes and ETag as in process', async () => {
  const expected = await checkedJson(
    perfResponseSchema,
    (await perfTable(store, { symbols: TICKERS, asOf: '2024-06-30' })).rows,
  );
  const used = vi.spyOn(PerfOffload.prototype, 'perfJson');
  const url = '/api/perf?group=big&asOf=2024-06-30';
  const withWorker = await buildApp({ store, config: testConfig(), webRoot: null });
  try {
    const res = await withWorker.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(expected);
    expect(res.headers.etag).toBe(weakEtag(Buffer.from(expected)));
    expect(used).toHaveBeenCalledTimes(1);
    expect(await used.mock.results[0]!.value).not.toBeNull();
  } finally {
    used.mockRestore();
    await withWorker.close();
  }
  vi.stubEnv('MARKETDASH_PERF_WORKER', 'off');
  const inProcess = await buildApp({ store, config: testConfig(), webRoot: null });
  try {
    const res = await inProcess.inject({ method: 'GET', url });
    expect(res.body).toBe(expected);
    expect(res.headers.etag).toBe(weakEtag(Buffer.from(expected)));
  } finally {
    vi.unstubAllEnvs();
    await inProcess.close();
  }
});

test("a large group's member without bars is left out with a warning header, as breadth does", async () => {
  const expected = await checkedJson(
    perfResponseSchema,
    (await perfTable(store, { symbols: TICKERS, asOf: '2024-06-30' })).rows,
  );
  const app = await buildApp({ store, config: testConfig(), webRoot: null });
  try {
    const res = await app.inject({ method: 'GET', url: '/api/perf?group=bigger&asOf=2024-06-30' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(expected);
    expect(JSON.parse(String(res.headers[WARNINGS_HEADER]))).toEqual([
      "group 'bigger': 1 of 241 members left out, no bars on or before 2024-06-30: NOPE",
    ]);
    const none = await app.inject({ method: 'GET', url: '/api/perf?group=bigger&asOf=2020-06-30' });
    expect(none.statusCode).toBe(404);
    expect(none.body).toContain("group 'bigger': none of its 241 members has stored bars on or before 2020-06-30");
  } finally {
    await app.close();
  }
});
