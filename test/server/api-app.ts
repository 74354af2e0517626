/** Builds the app on the API test store; every test file closes what it opened. */
import type { FastifyInstance } from 'fastify';
import { type AppOptions, buildApp } from '../../src/server/build-app.js';
import type { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { openTestStore, testConfig } from './api-test-store.js';

export interface TestApp {
  readonly app: FastifyInstance;
  readonly store: DuckDbStore;
  close(): Promise<void>;
}

export async function openTestApp(options: Partial<AppOptions> = {}, source = 'csv'): Promise<TestApp> {
  const store = await openTestStore(source);
  const app = await buildApp({ store, config: testConfig(), webRoot: null, ...options });
  return {
    app,
    store,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

/** The JSON error body of a response, typed. */
export function errorOf(body: string): { status: number; kind: string; message: string; parameter?: string } {
  return (JSON.parse(body) as { error: { status: number; kind: string; message: string; parameter?: string } }).error;
}
