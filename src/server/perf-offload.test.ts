/**
 * The worker's perf table is the in-process one, byte for byte: same JSON, same ETag, same warnings;
 * what it cannot answer (an unknown symbol, a store without packed reads) comes back null so the route
 * computes it in process and raises the usual error. Expected values: the in-process computation
 * (perfTable + checkedJson, what the route did before the worker), whose figures the perf-table tests
 * check by hand.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openTestStore, TEST_SYMBOLS, testDays, testSeries } from '../../test/server/api-test-store.js';
import { perfResponseSchema } from '../contracts/perf-contract.js';
import { type PerfRequest, perfTable } from '../services/perf/perf-table.js';
import { DuckDbStore } from '../store/duckdb/duckdb-store.js';
import type { PriceStore } from '../store/price-store.js';
import { weakEtag } from './encoded-body.js';
import { PerfOffload } from './perf-offload.js';
import { checkedJson } from './server-context.js';

let store: DuckDbStore;
let offload: PerfOffload;
/** Every list of two symbols or more split between the two workers. */
let split: PerfOffload;

beforeAll(async () => {
  store = await openTestStore();
  // three segments per message: the 12 segments of a read arrive in several messages and are joined
  offload = new PerfOffload(store, 3);
  split = new PerfOffload(store, 3, 2);
});
afterAll(async () => {
  await offload.close();
  await split.close();
  await store.close();
});

async function inProcess(request: PerfRequest): Promise<{ json: string; warnings: string[] }> {
  const table = await perfTable(store, request);
  return { json: await checkedJson(perfResponseSchema, table.rows), warnings: table.warnings.map((w) => w.message) };
}

describe('PerfOffload', () => {
  test.each<[string, PerfRequest]>([
    ['every symbol, latest day', { symbols: 'all' }],
    ['a list, total return, as of a weekend day', { symbols: ['MSFT', 'AAPL'], asOf: '2024-06-30', totalReturn: true }],
    [
      'a window with an as-of day past the data (a warning)',
      { symbols: [...TEST_SYMBOLS], from: '2023-12-31', asOf: '2025-03-01' },
    ],
  ])('%s: the same bytes, ETag and warnings as in process', async (_name, request) => {
    const expected = await inProcess(request);
    if (request.asOf === '2025-03-01') expect(expected.warnings).toHaveLength(1);
    const got = await offload.perfJson(request);
    expect(got).not.toBeNull();
    expect(got!.bytes.toString('utf8')).toBe(expected.json);
    expect(got!.etag).toBe(weakEtag(Buffer.from(expected.json)));
    expect(got!.warnings).toEqual(expected.warnings);
  });

  test.each<[string, PerfRequest]>([
    ['every symbol (never split)', { symbols: 'all' }],
    ['an odd list with a repeat, total return', { symbols: ['msft', 'AAPL', 'SPY', 'MSFT', 'XLK'], totalReturn: true }],
    // the window's end past the data: the warning is about the whole table, made once the halves are joined
    [
      'a window past the data (a warning)',
      { symbols: [...TEST_SYMBOLS].reverse(), from: '2023-12-31', asOf: '2025-03-01' },
    ],
    // a group's members without bars: one warning naming those of both halves, made by the lead
    ['a group with members missing from both halves', { symbols: ['NOPE', 'AAPL', 'MSFT', 'ZZZ'], group: 'g' }],
    ['a group whose first half has no bars', { symbols: ['NOPE', 'ZZZ', 'AAPL', 'MSFT'], group: 'g' }],
  ])('split between two workers, %s: the same bytes, ETag and warnings as in process', async (_name, request) => {
    const expected = await inProcess(request);
    if (request.asOf === '2025-03-01') expect(expected.warnings).toHaveLength(1);
    if (request.group !== undefined)
      expect(expected.warnings).toEqual(["group 'g': 2 of 4 members left out, no stored bars: NOPE, ZZZ"]);
    const got = await split.perfJson(request);
    expect(got).not.toBeNull();
    expect(got!.bytes.toString('utf8')).toBe(expected.json);
    expect(got!.etag).toBe(weakEtag(Buffer.from(expected.json)));
    expect(got!.warnings).toEqual(expected.warnings);
  });

  test('split: rows of the first half are marked stale against a later day in the second half', async () => {
    // a store of its own: AAPL and MSFT end 20 days before the others
    const days = testDays();
    const short = await DuckDbStore.open(':memory:');
    const symbols = ['AAPL', 'MSFT', 'SPY', 'XLK'];
    await short.writeBars(
      symbols.map((t, k) => ({ series: testSeries(t, k, k < 2 ? days.slice(0, -20) : days), source: 'csv' })),
      symbols.map((t) => ({ ticker: t, name: null, kind: 'stock' as const, currency: 'USD' })),
    );
    const own = new PerfOffload(short, 256, 2);
    try {
      const table = await perfTable(short, { symbols });
      expect(table.rows.filter((r) => r.stale).map((r) => r.symbol)).toEqual(['AAPL', 'MSFT']);
      const got = await own.perfJson({ symbols });
      expect(got!.bytes.toString('utf8')).toBe(await checkedJson(perfResponseSchema, table.rows));
      expect(got!.warnings).toEqual(table.warnings.map((w) => w.message));
      expect(got!.warnings).toHaveLength(1);
    } finally {
      await own.close();
      await short.close();
    }
  });

  test("split: an unknown symbol in either half is null, and the next job's halves are answered", async () => {
    expect(await split.perfJson({ symbols: ['NOPE', 'AAPL', 'MSFT'] })).toBeNull();
    expect(await split.perfJson({ symbols: ['AAPL', 'MSFT', 'NOPE'] })).toBeNull();
    expect((await split.perfJson({ symbols: ['AAPL', 'MSFT', 'SPY'] }))?.bytes.toString('utf8')).toBe(
      (await inProcess({ symbols: ['AAPL', 'MSFT', 'SPY'] })).json,
    );
  });

  test.each([2, 4])('the %i parts of a packed read are disjoint and together the whole read', async (of) => {
    const whole = (await store.readPacked('all', undefined, ['close']))!;
    const parts = await Promise.all(
      Array.from({ length: of }, (_, index) => store.readPacked('all', undefined, ['close'], { index, of })),
    );
    const symbols = parts.flatMap((p) => [...new Set(p!.symbols)]);
    // no symbol in two parts, every symbol in one, and every segment read once
    expect(symbols.sort()).toEqual([...new Set(whole.symbols)].sort());
    expect(parts.reduce((n, p) => n + p!.segments.length, 0)).toBe(whole.segments.length);
  });

  test('jobs at the same time each get their own answer', async () => {
    const days = ['2024-03-01', '2024-06-28', '2024-12-31'];
    const got = await Promise.all(days.map((asOf) => offload.perfJson({ symbols: 'all', asOf })));
    for (const [i, asOf] of days.entries())
      expect(got[i]!.bytes.toString('utf8')).toBe((await inProcess({ symbols: 'all', asOf })).json);
  });

  test('an unknown symbol is null: the route computes in process and raises the usual error', async () => {
    expect(await offload.perfJson({ symbols: ['AAPL', 'NOPE'] })).toBeNull();
    await expect(perfTable(store, { symbols: ['AAPL', 'NOPE'] })).rejects.toThrow(/unknown symbol 'NOPE'/);
  });

  test('a store without packed reads is never handed over', async () => {
    // the same store with its packed read hidden (as PostgreSQL's has none)
    const plain = Object.create(store, { readPacked: { value: undefined } }) as PriceStore;
    const none = new PerfOffload(plain);
    expect(none.available).toBe(false);
    expect(await none.perfJson({ symbols: 'all' })).toBeNull();
    await none.close();
  });

  test('a worker started ahead of its first job answers it', async () => {
    const own = new PerfOffload(store);
    own.warm();
    own.warm();
    expect((await own.perfJson({ symbols: ['XLK'] }))?.bytes.toString('utf8')).toBe(
      (await inProcess({ symbols: ['XLK'] })).json,
    );
    await own.close();
  });

  test('after close, a new job starts a new worker', async () => {
    const own = new PerfOffload(store);
    expect(await own.perfJson({ symbols: ['SPY'] })).not.toBeNull();
    await own.close();
    expect((await own.perfJson({ symbols: ['SPY'] }))?.bytes.toString('utf8')).toBe(
      (await inProcess({ symbols: ['SPY'] })).json,
    );
    await own.close();
  });
});
