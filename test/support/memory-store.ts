/** A fresh in-memory DuckDB store for each test of a file or describe block, closed after the test. */
import { afterEach, beforeEach } from 'vitest';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';

/** Call at the top of a test file or describe block: `const mem = memoryStoreEach();`, then `mem.store` in a test. */
export function memoryStoreEach(): { readonly store: DuckDbStore } {
  let store: DuckDbStore | undefined;
  beforeEach(async () => {
    store = await DuckDbStore.open(':memory:');
  });
  afterEach(async () => {
    await store?.close();
    store = undefined;
  });
  return {
    get store(): DuckDbStore {
      if (!store) throw new Error('memoryStoreEach: the store exists only inside a test');
      return store;
    },
  };
}
