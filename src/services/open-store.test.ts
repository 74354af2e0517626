/**
 * openDuckDbEarly: the next openStore of the same file takes over the store opened early (one open, no
 * second instance); a file that does not exist is not created; an early open that failed is left for
 * openStore to meet and report as usual.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../../test/support/temp-folder.js';
import { DataError, UsageError } from '../domain/errors.js';
import { DuckDbStore } from '../store/duckdb/duckdb-store.js';
import { checkStoreFolder, openDuckDbEarly, openStore } from './open-store.js';

const { dir } = tempFolder('marketdash-open-store-');

describe('openDuckDbEarly', () => {
  it('hands the early store to the next openStore of the file', async () => {
    const path = join(dir, 'early.duckdb');
    await (await DuckDbStore.open(path)).close();
    const opens: string[] = [];
    const open = DuckDbStore.open;
    DuckDbStore.open = async (...args: Parameters<typeof open>) => {
      opens.push(args[0]);
      return open.apply(DuckDbStore, args);
    };
    try {
      await openDuckDbEarly(path);
      const store = await openStore({ db: path });
      expect(await store.dataVersion()).toBe('0');
      // the sources were read ahead with the open (an empty store has none)
      expect(await store.barSources()).toEqual([]);
      await store.close();
      expect(opens).toEqual([path]);
      // taken once: the next open is a fresh one
      await (await openStore({ db: path })).close();
      expect(opens).toEqual([path, path]);
    } finally {
      DuckDbStore.open = open;
    }
  });

  it('never creates a file', async () => {
    const path = join(dir, 'missing.duckdb');
    await openDuckDbEarly(path);
    expect(existsSync(path)).toBe(false);
  });

  it('leaves a failed early open for openStore to report', async () => {
    const path = join(dir, 'broken.duckdb');
    writeFileSync(path, 'not a database');
    await openDuckDbEarly(path);
    await expect(openStore({ db: path })).rejects.toThrow(
      `${path} is not a MarketDash store (DuckDB could not open it: IO Error: The file "${path}" exists, but it is not a valid DuckDB database file!)`,
    );
  });

  it('says a file that is not a database is not a store, in one line without an early open', async () => {
    const path = join(dir, 'passwd');
    writeFileSync(path, 'root:x:0:0:root:/root:/bin/bash\n');
    const e = await openStore({ db: path }).then(
      () => null,
      (err: unknown) => err as Error,
    );
    expect(e).toBeInstanceOf(DataError);
    expect(e!.message).toMatch(
      new RegExp(
        `^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not a MarketDash store \\(DuckDB could not open it: [^\\n]*\\)$`,
      ),
    );
  });
});

describe('a database URL that is not one', () => {
  it('is refused naming where it came from, before any connection is tried', async () => {
    await expect(openStore({ databaseUrl: 'notaurl' })).rejects.toMatchObject({
      message: "--database-url: 'notaurl' is not a PostgreSQL URL (postgres://user@host:5432/database)",
      parameter: '--database-url',
    });
  });
});

describe('a DuckDB database that is not a store', () => {
  it('is refused before any MarketDash table is written into it, naming its tables', async () => {
    const path = join(dir, 'crm.duckdb');
    const other = await DuckDBInstance.create(path);
    const c = await other.connect();
    await c.run('CREATE TABLE customers (id INTEGER, name VARCHAR)');
    c.closeSync();
    other.closeSync();
    await expect(openStore({ db: path })).rejects.toThrow(
      `${path} is not a MarketDash store (a DuckDB database with other tables: customers); nothing was changed in it`,
    );
    const again = await DuckDBInstance.create(path);
    const check = await again.connect();
    const tables = (await check.runAndReadAll('SELECT table_name FROM information_schema.tables')).getRowsJS();
    expect(tables.map((r) => r[0])).toEqual(['customers']);
    check.closeSync();
    again.closeSync();
  });
});

describe('a store in a folder that does not exist', () => {
  it('is refused naming the folder (where the path came from), and nothing is created', async () => {
    const path = join(dir, 'no-such-folder', 'deeper', 'm.duckdb');
    const refused = openStore({ db: path });
    await expect(refused).rejects.toBeInstanceOf(UsageError);
    await expect(openStore({ db: path })).rejects.toMatchObject({
      message: `--db: the folder ${join(dir, 'no-such-folder', 'deeper')} does not exist`,
      parameter: '--db',
      hint: expect.stringContaining(`mkdir -p ${join(dir, 'no-such-folder', 'deeper')}`),
    });
    expect(existsSync(join(dir, 'no-such-folder'))).toBe(false);
  });

  it('names MARKETDASH_DB when the path came from it; a file where the folder should be is said so', () => {
    expect(() => checkStoreFolder(join(dir, 'gone', 'm.duckdb'), 'MARKETDASH_DB')).toThrow(
      /^MARKETDASH_DB: the folder .*gone does not exist/,
    );
    writeFileSync(join(dir, 'plain-file'), 'x');
    expect(() => checkStoreFolder(join(dir, 'plain-file', 'm.duckdb'), '--db')).toThrow(
      `--db: ${join(dir, 'plain-file')} is not a folder`,
    );
  });

  it('a folder given as the store is refused naming it, with a file in it as the hint', () => {
    const refused = (() => {
      try {
        checkStoreFolder(dir, '--db');
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(refused).toMatchObject({
      message: `--db: ${dir} is a folder, not a store file`,
      hint: `name a file in it (${join(dir, 'marketdash.duckdb')})`,
    });
  });

  it('an existing folder, an existing file and :memory: pass', () => {
    expect(() => checkStoreFolder(join(dir, 'new.duckdb'), '--db')).not.toThrow();
    expect(() => checkStoreFolder(join(dir, 'plain-file'), '--db')).not.toThrow();
    expect(() => checkStoreFolder(':memory:', '--db')).not.toThrow();
  });
});
