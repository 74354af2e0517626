/**
 * Chooses and opens the store: PostgreSQL when a database URL is given (`--database-url` or
 * MARKETDASH_DATABASE_URL), else the embedded DuckDB file (`--db`, MARKETDASH_DB, ./marketdash.duckdb).
 *
 * A DuckDB file is held by one process at a time. When another process holds it, opening waits
 * (`wait` seconds, default 60), says once what it waits for, and then opens; `stopWaiting` lets the CLI
 * give up waiting when a server appears on the file (it then runs its command there). Inside `serve`, the
 * server's own store is shared (`shareStoreInProcess`), so a command it runs for a CLI opens no second copy.
 */
import { existsSync, realpathSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../domain/errors.js';
import { visible } from '../domain/visible-text.js';
import type { PriceStore } from '../store/price-store.js';
import { StoreBusyError } from '../store/store-busy-error.js';
import { noteStoreHolder, readStoreHolder } from './shared-store/store-side-files.js';

export interface StoreOptions {
  readonly db?: string | undefined;
  readonly databaseUrl?: string | undefined;
  /** Seconds to wait for a DuckDB file another process holds (`--wait`; default 60; 0 = fail at once). */
  readonly wait?: string | number | undefined;
  /** Told once, in one line, what the open waits for. */
  readonly onWait?: ((line: string) => void) | undefined;
  /** Asked while waiting: an error to stop waiting with (e.g. a server now holds the file), or null. */
  readonly stopWaiting?: (() => Error | null) | undefined;
  /** What this process runs, noted beside the store while it holds it (`marketdash import a.csv`). */
  readonly holderCommand?: string | undefined;
}

export const DEFAULT_WAIT_SECONDS = 60;

export function resolveStoreTarget(
  opts: StoreOptions,
  env: NodeJS.ProcessEnv = process.env,
): { backend: 'duckdb'; path: string } | { backend: 'postgres'; url: string } {
  const url = opts.databaseUrl ?? env.MARKETDASH_DATABASE_URL;
  if (url) return { backend: 'postgres', url };
  return { backend: 'duckdb', path: opts.db ?? env.MARKETDASH_DB ?? './marketdash.duckdb' };
}

/**
 * A DuckDB file's folder must exist: the store file is created on first use, its folder is not (as sqlite
 * does: a typo in a path makes no folders), and the path names a file, not a folder. `source` is where the
 * path came from (`--db` or MARKETDASH_DB).
 */
export function checkStoreFolder(path: string, source: string): void {
  if (path === ':memory:') return;
  if (existsSync(path)) {
    if (statSync(path).isDirectory())
      throw new UsageError(`${source}: ${path} is a folder, not a store file`, {
        parameter: source,
        hint: `name a file in it (${join(path, 'marketdash.duckdb')})`,
      });
    return;
  }
  const folder = dirname(resolve(path));
  let isFolder: boolean;
  try {
    isFolder = statSync(folder).isDirectory();
  } catch {
    throw new UsageError(`${source}: the folder ${folder} does not exist`, {
      parameter: source,
      hint: `create it first (mkdir -p ${folder}): the store file is created on first use, its folder is not`,
    });
  }
  if (!isFolder)
    throw new UsageError(`${source}: ${folder} is not a folder (the store ${path} is to be in it)`, {
      parameter: source,
    });
}

/** `--wait` as seconds: a number from 0 up. */
export function waitSeconds(value: string | number | undefined): number {
  if (value === undefined) return DEFAULT_WAIT_SECONDS;
  const n = typeof value === 'number' ? value : value.trim() === '' ? Number.NaN : Number(value);
  if (!Number.isFinite(n) || n < 0)
    throw new UsageError(`--wait: '${value}' is not a number of seconds (0 or more)`, { parameter: '--wait' });
  return n;
}

/** The key of a DuckDB file: its real path when it exists (so `./x.duckdb` and `/abs/x.duckdb` match). */
export function storeFileKey(path: string): string {
  const abs = resolve(path);
  try {
    return existsSync(abs) ? realpathSync(abs) : abs;
  } catch {
    return abs;
  }
}

const sharedStores = new Map<string, PriceStore>();

/** DuckDB stores whose opening `openDuckDbEarly` started, by file key; `openStore` takes them over. */
const earlyOpens = new Map<string, Promise<PriceStore | null>>();

/**
 * Starts opening the DuckDB file at `path` now, so that DuckDB's own start (some 15-25 ms on its threads:
 * the catalog, the file header, the migration check) runs while the command's modules load on the main
 * thread; the next `openStore` of the same file takes the open store over. Only for a file that exists
 * (never creates one). A failure (busy, damaged) is left for that `openStore` to meet and report: it then
 * opens the file as usual. The CLI calls it only for commands that open the store at once (main.ts).
 */
export async function openDuckDbEarly(path: string): Promise<void> {
  if (path === ':memory:' || !existsSync(path)) return;
  const key = storeFileKey(path);
  if (earlyOpens.has(key)) return;
  // DuckDB's instance first (its API and library, then its own threads open the file), and only then the
  // store's modules: they load on the main thread while DuckDB opens (the open started 10-20 ms sooner)
  const { duckdbApi } = await import('../store/duckdb/duckdb-api.js');
  const instance = duckdbApi.DuckDBInstance.fromCache(path);
  instance.catch(() => undefined); // met and reported by DuckDbStore.open below
  const { DuckDbStore } = await import('../store/duckdb/duckdb-store.js');
  earlyOpens.set(
    key,
    DuckDbStore.open(path, instance)
      .then((store) => {
        // every read command asks for the stored sources first (withDataStore): asked now, beside the
        // rest of the start-up
        store.readSourcesAhead();
        return store;
      })
      .catch(() => null),
  );
}

/**
 * Makes `store` (a DuckDB file this process holds) what every later `openStore` of the same file in this
 * process returns; closing what they return does nothing. Returns the function that ends the sharing.
 */
export function shareStoreInProcess(path: string, store: PriceStore): () => void {
  const key = storeFileKey(path);
  const shared = new Proxy(store, {
    get(target, prop) {
      if (prop === 'close') return async () => undefined;
      const v = Reflect.get(target, prop, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
  sharedStores.set(key, shared);
  return () => {
    if (sharedStores.get(key) === shared) sharedStores.delete(key);
  };
}

export async function openStore(opts: StoreOptions = {}): Promise<PriceStore> {
  const target = resolveStoreTarget(opts);
  if (target.backend === 'postgres') {
    // a URL (postgres://user@host:port/db) or pg's socket: form; anything else would be read as a host name
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(target.url) && !/^socket:/i.test(target.url)) {
      const source = opts.databaseUrl !== undefined ? '--database-url' : 'MARKETDASH_DATABASE_URL';
      throw new UsageError(
        `${source}: '${visible(target.url, 40)}' is not a PostgreSQL URL (postgres://user@host:5432/database)`,
        { parameter: source },
      );
    }
    const { PostgresStore } = await import('../store/postgres/postgres-store.js');
    return PostgresStore.open(target.url);
  }
  if (target.path !== ':memory:') {
    const shared = sharedStores.get(storeFileKey(target.path));
    if (shared) return shared;
  }
  checkStoreFolder(target.path, opts.db !== undefined ? '--db' : 'MARKETDASH_DB');
  const seconds = waitSeconds(opts.wait);
  const key = storeFileKey(target.path);
  const early = earlyOpens.get(key);
  earlyOpens.delete(key);
  const opened = early === undefined ? null : await early;
  if (opened !== null) return withHolderNote(opened, target.path, opts);
  const { DuckDbStore } = await import('../store/duckdb/duckdb-store.js');
  let deadline = Number.POSITIVE_INFINITY;
  let told = false;
  let pause = 50;
  for (;;) {
    try {
      const store = await DuckDbStore.open(target.path);
      return target.path === ':memory:' ? store : withHolderNote(store, target.path, opts);
    } catch (e) {
      if (!(e instanceof StoreBusyError)) throw e;
      const stop = opts.stopWaiting?.() ?? null;
      if (stop !== null) throw stop;
      const holder = describeHolder(target.path, e.holderPid);
      // the wait is counted from the first time the store is found busy, and announced before it starts
      if (!told && seconds > 0) {
        told = true;
        deadline = performance.now() + seconds * 1000;
        opts.onWait?.(`waiting for ${holder} to release ${target.path} (up to ${seconds} s; --wait SECONDS to change)`);
      }
      if (seconds === 0 || performance.now() >= deadline) {
        throw new StoreBusyError(target.path, e.holderPid, {
          cause: e,
          message:
            seconds === 0
              ? `store ${target.path} is in use by ${holder}: let it finish or stop it, or pass --wait SECONDS to wait for it`
              : `store ${target.path} is still in use by ${holder} after waiting ${seconds} s: let it finish or stop it, or pass a longer --wait SECONDS`,
        });
      }
      await new Promise((r) => setTimeout(r, Math.min(pause, Math.max(0, deadline - performance.now()))));
      pause = Math.min(pause * 2, 400);
    }
  }
}

/** Notes this process beside the store file while it holds it (removed when the store closes). */
function withHolderNote(store: PriceStore, path: string, opts: StoreOptions): PriceStore {
  const removeNote = noteStoreHolder(path, opts.holderCommand ?? 'marketdash');
  const close = store.close.bind(store);
  store.close = async () => {
    try {
      await close();
    } finally {
      removeNote();
    }
  };
  return store;
}

/** `PID 123 (marketdash import a.csv, since 20:01:05)`, as far as the holder note tells. */
function describeHolder(path: string, pid: number | null): string {
  const note = readStoreHolder(path);
  if (note !== null && (pid === null || note.pid === pid)) {
    const since = note.since.length >= 19 ? `, since ${note.since.slice(11, 19)} UTC` : '';
    return `PID ${note.pid} (${note.command}${since})`;
  }
  return pid === null ? 'another process' : `PID ${pid}`;
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
