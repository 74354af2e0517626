/**
 * The DuckDB schema as numbered migrations. `schema_version` records the last one applied; opening a
 * store applies the missing ones in one transaction, so an older file is upgraded in place.
 * Prices are DOUBLE (NULL = unknown, never 0); volume is DOUBLE too (NULL = unknown).
 *
 * `bars` is keyed by (symbol, date) but declares no PRIMARY KEY: DuckDB maintains such a key as an ART
 * index, which made bulk loads about 9x slower (3M rows: 2.1 s against 0.24 s) and costs memory.
 * Every write goes through `mergeStagedBars`, which updates existing keys and inserts only absent
 * ones from a staged set already checked to be unique, so a key is never stored twice
 * (the store contract test checks it). writeBars inserts rows in (symbol, date) order and CSV files
 * usually come grouped by symbol, so DuckDB's per-block min/max statistics keep one symbol's reads cheap.
 */

import { CREATE_SNAPSHOT_TABLE, SPLIT_SNAPSHOT_TABLES } from './duckdb-snapshot.js';

export interface Migration {
  readonly version: number;
  readonly statements: readonly string[];
  /**
   * The migration adds the close snapshot, which is then packed from the stored bars (same transaction,
   * once every pending migration's statements have run).
   */
  readonly buildsSnapshot?: boolean;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    statements: [
      `CREATE TABLE IF NOT EXISTS symbols (
         ticker VARCHAR PRIMARY KEY,
         name VARCHAR,
         kind VARCHAR NOT NULL,
         currency VARCHAR NOT NULL
       )`,
      `CREATE TABLE IF NOT EXISTS bars (
         symbol VARCHAR NOT NULL,
         date DATE NOT NULL,
         open DOUBLE,
         high DOUBLE,
         low DOUBLE,
         close DOUBLE,
         adj_close DOUBLE,
         volume DOUBLE,
         source VARCHAR NOT NULL
       )`,
      `CREATE TABLE IF NOT EXISTS baskets (
         ticker VARCHAR PRIMARY KEY,
         definition JSON NOT NULL
       )`,
      // One row: bumped by every write transaction, so dataVersion() changes whenever data does.
      `CREATE TABLE IF NOT EXISTS store_meta (
         id INTEGER PRIMARY KEY,
         data_version BIGINT NOT NULL
       )`,
      `INSERT INTO store_meta VALUES (1, 0) ON CONFLICT DO NOTHING`,
    ],
  },
  {
    version: 2,
    statements: [
      // Provenance: the data version of the write that last set the row. A bulk CSV load appends
      // straight into `bars` under a fresh load id and checks its rows there (see duckdb-csv-import.ts).
      `ALTER TABLE bars ADD COLUMN IF NOT EXISTS load_id BIGINT DEFAULT 0`,
    ],
  },
  {
    version: 3,
    // The close snapshot (duckdb-snapshot.ts): per (symbol, year) packed days, closes and adjusted
    // closes, kept by every write; whole-universe close reads and the bar sources come from it.
    statements: [CREATE_SNAPSHOT_TABLE],
    buildsSnapshot: true,
  },
  {
    version: 4,
    // Imported groups (constituent lists), shared by every command and the API; keyed by lower-case name.
    statements: [
      `CREATE TABLE IF NOT EXISTS groups (
         key VARCHAR PRIMARY KEY,
         definition JSON NOT NULL
       )`,
    ],
  },
  {
    version: 5,
    // Packed closes carry a group index (series-snapshot-codec.ts: each 128 values' start, high and low),
    // so perf unpacks only the groups it needs: every segment is packed again.
    statements: [],
    buildsSnapshot: true,
  },
  {
    version: 6,
    // The snapshot in two tables behind the view `close_snapshot` (duckdb-snapshot.ts): each symbol's
    // last segment moves to `close_recent`, so a daily write no longer rewrites the packed history when
    // DuckDB checkpoints.
    statements: SPLIT_SNAPSHOT_TABLES,
  },
];

export const LATEST_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
