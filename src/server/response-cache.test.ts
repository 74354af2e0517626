/** The response cache: keyed by canonical parameters and the store's data version, re-read after a TTL. */
import { describe, expect, it, test } from 'vitest';
import type { PriceStore } from '../store/price-store.js';
import { canonicalParams, ResponseCache } from './response-cache.js';

function fakeStore() {
  const state = { version: '1', reads: 0 };
  const store = {
    dataVersion: async () => {
      state.reads++;
      return state.version;
    },
  } as unknown as PriceStore;
  return { state, store };
}

test('parameter order and undefined values do not split entries', () => {
  expect(canonicalParams({ b: 1, a: ['x'], c: undefined })).toBe(canonicalParams({ a: ['x'], b: 1 }));
  expect(canonicalParams({ a: 1 })).not.toBe(canonicalParams({ a: '1' }));
});

test('a hit within the same data version; a new version recomputes', async () => {
  const { state, store } = fakeStore();
  let clock = 0;
  const cache = new ResponseCache(store, { versionTtlMs: 1000, now: () => clock });
  let computed = 0;
  const compute = async () => ({ body: String(++computed), contentType: 'text/plain' });
  expect((await cache.getOrCompute('r', { a: 1 }, compute)).body).toBe('1');
  expect((await cache.getOrCompute('r', { a: 1 }, compute)).body).toBe('1');
  expect((await cache.getOrCompute('r', { a: 2 }, compute)).body).toBe('2');
  expect(cache.hits).toBe(1);
  expect(state.reads).toBe(1);
  state.version = '2';
  clock = 500;
  expect((await cache.getOrCompute('r', { a: 1 }, compute)).body).toBe('1');
  clock = 1001;
  expect((await cache.getOrCompute('r', { a: 1 }, compute)).body).toBe('3');
  expect(cache.size).toBe(1);
  cache.invalidate();
  await cache.dataVersion();
  expect(state.reads).toBe(3);
});

test('the least recently used entry goes when full', async () => {
  const { store } = fakeStore();
  const cache = new ResponseCache(store, { maxEntries: 2 });
  const c = (v: string) => async () => ({ body: v, contentType: 'text/plain' });
  await cache.getOrCompute('r', { k: 1 }, c('1'));
  await cache.getOrCompute('r', { k: 2 }, c('2'));
  await cache.getOrCompute('r', { k: 1 }, c('x'));
  await cache.getOrCompute('r', { k: 3 }, c('3'));
  expect((await cache.getOrCompute('r', { k: 1 }, c('new'))).body).toBe('1');
  expect((await cache.getOrCompute('r', { k: 2 }, c('new'))).body).toBe('new');
});

describe('ResponseCache single flight', () => {
  it('computes once for requests that arrive while the first computation runs', async () => {
    const store = { dataVersion: async () => '7' } as unknown as PriceStore;
    const cache = new ResponseCache(store);
    let computed = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const compute = async () => {
      computed++;
      await gate;
      return { body: '[1]', contentType: 'application/json' };
    };
    const all = Promise.all([1, 2, 3].map(() => cache.getOrCompute('perf', { a: 1 }, compute)));
    // let all three reach the cache before the computation finishes
    for (let i = 0; i < 5; i++) await Promise.resolve();
    release();
    const answers = await all;
    expect(computed).toBe(1);
    expect(answers.map((a) => a.body)).toEqual(['[1]', '[1]', '[1]']);
    expect(await cache.getOrCompute('perf', { a: 1 }, compute)).toMatchObject({ body: '[1]' });
    expect(computed).toBe(1);
  });
});
