/**
 * The store a command line reads at once, known before the program loads: the DuckDB file of a read
 * command (--db, else MARKETDASH_DB, else ./marketdash.duckdb), and nothing for other commands, help,
 * or a PostgreSQL store.
 */
import { describe, expect, it } from 'vitest';
import { storeReadAtOnce } from './command-name.js';

describe('storeReadAtOnce', () => {
  it('names the DuckDB file a read command opens', () => {
    expect(storeReadAtOnce(['--db', 'x.duckdb', 'perf', 'SPY'], {})).toBe('x.duckdb');
    expect(storeReadAtOnce(['--db=y.duckdb', 'trend', 'SPY'], {})).toBe('y.duckdb');
    expect(storeReadAtOnce(['perf', '--all', '--db', 'late.duckdb'], {})).toBe('late.duckdb');
    expect(storeReadAtOnce(['perf', 'SPY'], { MARKETDASH_DB: 'env.duckdb' })).toBe('env.duckdb');
    expect(storeReadAtOnce(['perf', 'SPY'], {})).toBe('./marketdash.duckdb');
  });

  it('names none for writing commands, help, or a PostgreSQL store', () => {
    expect(storeReadAtOnce(['import', 'a.csv'], {})).toBeNull();
    expect(storeReadAtOnce(['serve'], {})).toBeNull();
    expect(storeReadAtOnce(['--help'], {})).toBeNull();
    expect(storeReadAtOnce(['perf', '--help'], {})).toBeNull();
    expect(storeReadAtOnce(['--database-url', 'postgres://h/db', 'perf', 'SPY'], {})).toBeNull();
    expect(storeReadAtOnce(['perf', 'SPY'], { MARKETDASH_DATABASE_URL: 'postgres://h/db' })).toBeNull();
    expect(storeReadAtOnce(['perf', '--', '--db', 'x'], {})).toBe('./marketdash.duckdb');
  });
});
