/**
 * Chooses and opens the store: PostgreSQL when a database URL is given (`--database-url` or
 * MARKETDASH_DATABASE_URL), else the embedded DuckDB file (`--db`, MARKETDASH_DB, ./marketdash.duckdb).
 */
import type { PriceStore } from '../store/price-store.js';

export interface StoreOptions {
  readonly db?: string | undefined;
  readonly databaseUrl?: string | undefined;
}

export function resolveStoreTarget(
  opts: StoreOptions,
  env: NodeJS.ProcessEnv = process.env,
): { backend: 'duckdb'; path: string } | { backend: 'postgres'; url: string } {
  const url = opts.databaseUrl ?? env.MARKETDASH_DATABASE_URL;
  if (url) return { backend: 'postgres', url };
  return { backend: 'duckdb', path: opts.db ?? env.MARKETDASH_DB ?? './marketdash.duckdb' };
}

export async function openStore(opts: StoreOptions = {}): Promise<PriceStore> {
  const target = resolveStoreTarget(opts);
  if (target.backend === 'postgres') {
    const { PostgresStore } = await import('../store/postgres/postgres-store.js');
    return PostgresStore.open(target.url);
  }
  const { DuckDbStore } = await import('../store/duckdb/duckdb-store.js');
  return DuckDbStore.open(target.path);
}

/** Opens the store, runs `fn`, and always closes it. */
export async function withStore<T>(opts: StoreOptions, fn: (store: PriceStore) => Promise<T>): Promise<T> {
  const store = await openStore(opts);
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}
