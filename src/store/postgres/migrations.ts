/**
 * Versioned schema migrations for the PostgreSQL store. Each runs once, in order, inside a transaction
 * holding an advisory lock, so several servers starting together migrate exactly once.
 *
 * Layout choices for scale (see the README, "PostgreSQL: one store for a team"):
 * - bars is keyed (symbol, date) and range-partitioned by year, so a year's rows sit together and old
 *   years can be detached; Citus can distribute it unchanged with create_distributed_table('bars','symbol')
 *   because every unique key contains the distribution column.
 * - data_version is a sequence, bumped after each committed write, so concurrent writers never queue on a
 *   shared counter row and caches in every process can key on it.
 */
import { CREATE_PG_SNAPSHOT } from './pg-snapshot.js';

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
  /** The migration adds the close snapshot, which is then packed from the stored bars (same transaction). */
  readonly buildsSnapshot?: boolean;
}

function yearPartitions(from: number, to: number): string {
  const out: string[] = [];
  for (let y = from; y <= to; y++) {
    out.push(
      `CREATE TABLE IF NOT EXISTS bars_${y} PARTITION OF bars FOR VALUES FROM ('${y}-01-01') TO ('${y + 1}-01-01');`,
    );
  }
  return out.join('\n');
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'symbols, bars partitioned by year, baskets, data version',
    sql: `
      CREATE TABLE IF NOT EXISTS symbols (
        ticker   text PRIMARY KEY,
        name     text,
        kind     text NOT NULL CHECK (kind IN ('stock','etf','index','basket','rate')),
        currency text NOT NULL DEFAULT 'USD'
      );
      CREATE TABLE IF NOT EXISTS bars (
        symbol    text   NOT NULL,
        date      date   NOT NULL,
        open      double precision,
        high      double precision,
        low       double precision,
        close     double precision NOT NULL,
        adj_close double precision NOT NULL,
        volume    double precision,
        source    text   NOT NULL,
        PRIMARY KEY (symbol, date)
      ) PARTITION BY RANGE (date);
      CREATE TABLE IF NOT EXISTS bars_before_1970 PARTITION OF bars FOR VALUES FROM (MINVALUE) TO ('1970-01-01');
      ${yearPartitions(1970, 2060)}
      CREATE TABLE IF NOT EXISTS bars_after_2060 PARTITION OF bars FOR VALUES FROM ('2061-01-01') TO (MAXVALUE);
      CREATE TABLE IF NOT EXISTS baskets (
        ticker     text PRIMARY KEY,
        definition jsonb NOT NULL
      );
      CREATE SEQUENCE IF NOT EXISTS data_version_seq;
    `,
  },
  {
    version: 2,
    name: 'close snapshot: packed days, closes and adjusted closes per symbol segment (pg-snapshot.ts)',
    sql: CREATE_PG_SNAPSHOT,
    buildsSnapshot: true,
  },
  {
    version: 3,
    name: 'imported groups (constituent lists), keyed by lower-case name',
    sql: `CREATE TABLE IF NOT EXISTS groups (
            key text PRIMARY KEY,
            definition jsonb NOT NULL
          );`,
  },
  {
    version: 4,
    // every segment packed again: packed closes carry a group index now (series-snapshot-codec.ts)
    name: 'close snapshot: packed closes with a group index (each 128 values: start, high, low)',
    sql: 'SELECT 1',
    buildsSnapshot: true,
  },
];

export const LATEST_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;
