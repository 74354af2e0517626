/**
 * DuckDB's side of results kept per data version (src/services/kept-results.ts): the `kept_results`
 * table, one row per result key, each stamped with the data version it was computed from. A row is
 * answered only while its version is the store's current one, checked in the same query, so any
 * committed write (every one bumps the version in its own transaction) retires every row at once, and a
 * write killed or rolled back leaves both the data and the version as they were. Nothing is ever
 * patched: a row is written whole by the computation that produced it.
 *
 * The table is made by the first keep (no migration): a store that never kept a result has none, and a
 * read then finds nothing. Rows of older versions are dropped by the next keep; at most
 * MAX_KEPT_PER_VERSION rows of the current version are kept (the oldest go first).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { KeptResult } from '../price-store.js';

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS kept_results (
  key VARCHAR NOT NULL,
  data_version BIGINT NOT NULL,
  kept_at TIMESTAMP NOT NULL,
  body VARCHAR NOT NULL,
  warnings VARCHAR NOT NULL
)`;

/** Distinct requests (symbols, as-of day, format ...) kept for one data version. */
const MAX_KEPT_PER_VERSION = 32;

/** The result kept under `key` for the store's current data version, or null. */
export async function readKeptResult(c: DuckDBConnection, key: string): Promise<KeptResult | null> {
  let rows: unknown[][];
  try {
    rows = (
      await c.runAndReadAll(
        `SELECT r.body, r.warnings FROM kept_results r JOIN store_meta m ON m.id = 1 AND r.data_version = m.data_version
         WHERE r.key = $k LIMIT 1`,
        { k: key },
      )
    ).getRowsJS();
  } catch (e) {
    // no result was ever kept in this store: the table is made by the first keep
    if (/kept_results does not exist/.test((e as Error).message)) return null;
    throw e;
  }
  const r = rows[0];
  return r === undefined ? null : { body: String(r[0]), warnings: String(r[1]) };
}

/**
 * Keeps `result` under `key` when `dataVersion` (read before the result was computed) is still the
 * store's version: otherwise the data changed meanwhile and the result is not kept. Runs inside the
 * caller's write transaction. Returns whether rows were deleted from the table.
 *
 * The usual keep, the first after a write, retires every row (all of older versions): the table is then
 * dropped and made anew rather than its rows deleted. A dropped table's blocks are freed by any
 * checkpoint, while deleted rows are reclaimed only by DuckDB's vacuum, and a session that deleted rows
 * closes with the vacuum (DuckDbStore.close), which also merges the small row groups that daily appends
 * left in `bars`: after a second one-day import that merge was 0.15-0.25 s of the first `perf --all`.
 */
export async function writeKeptResult(
  c: DuckDBConnection,
  key: string,
  dataVersion: string,
  result: KeptResult,
): Promise<boolean> {
  await c.run(CREATE_TABLE);
  const current = (await c.runAndReadAll('SELECT data_version FROM store_meta WHERE id = 1')).getRowsJS()[0]?.[0];
  if (String(current) !== dataVersion) return false;
  const [retired, all] = (
    await c.runAndReadAll('SELECT count(*) FILTER (WHERE key = $k OR data_version <> $v), count(*) FROM kept_results', {
      k: key,
      v: dataVersion,
    })
  )
    .getRowsJS()[0]!
    .map(Number) as [number, number];
  let deleted = false;
  if (all > 0 && retired === all) {
    await c.run('DROP TABLE kept_results');
    await c.run(CREATE_TABLE);
  } else if (retired > 0) {
    await c.run('DELETE FROM kept_results WHERE key = $k OR data_version <> $v', { k: key, v: dataVersion });
    deleted = true;
  }
  if (all - retired >= MAX_KEPT_PER_VERSION) {
    await c.run(
      `DELETE FROM kept_results WHERE kept_at < (SELECT min(kept_at) FROM
         (SELECT kept_at FROM kept_results ORDER BY kept_at DESC LIMIT ${MAX_KEPT_PER_VERSION - 1}))`,
    );
    deleted = true;
  }
  await c.run('INSERT INTO kept_results VALUES ($k, CAST($v AS BIGINT), now()::TIMESTAMP, $b, $w)', {
    k: key,
    v: dataVersion,
    b: result.body,
    w: result.warnings,
  });
  return deleted;
}
