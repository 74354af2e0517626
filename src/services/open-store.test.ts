/**
 * openDuckDbEarly: the next openStore of the same file takes over the store opened early (one open, no
 * second instance); a file that does not exist is not created; an early open that failed is left for
 * openStore to meet and report as usual.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempFolder } from '../../test/support/temp-folder.js';
import { DuckDbStore } from '../store/duckdb/duckdb-store.js';
import { openDuckDbEarly, openStore } from './open-store.js';

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
    await expect(openStore({ db: path })).rejects.toThrow(/cannot open store/);
  });
});
