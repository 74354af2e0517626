/**
 * Merges staged bars into `bars` as an upsert that only touches what differs: rows whose values
 * (or source) changed are updated, rows not yet stored are inserted, identical rows are left alone,
 * so re-writing the same bars reports 0 rows changed. Runs inside the caller's transaction.
 * The staged relation must have unique (symbol, date).
 */
import type { DuckDBConnection } from '@duckdb/node-api';

const VALUE_COLUMNS = ['open', 'high', 'low', 'close', 'adj_close', 'volume', 'source'] as const;

/**
 * `relation` is a table name or a parenthesised SELECT yielding
 * symbol, date (DATE), open, high, low, close, adj_close, volume, source. Rows written get `loadId`.
 * Returns the number of rows inserted or changed.
 */
export async function mergeStagedBars(connection: DuckDBConnection, relation: string, loadId: number): Promise<number> {
  const differs = VALUE_COLUMNS.map((c) => `bars.${c} IS DISTINCT FROM s.${c}`).join(' OR ');
  const assign = [...VALUE_COLUMNS.map((c) => `${c} = s.${c}`), `load_id = ${loadId}`].join(', ');
  const updated = await connection.run(
    `UPDATE bars SET ${assign} FROM ${relation} AS s
     WHERE bars.symbol = s.symbol AND bars.date = s.date AND (${differs})`,
  );
  const inserted = await connection.run(
    `INSERT INTO bars (symbol, date, open, high, low, close, adj_close, volume, source, load_id)
     SELECT s.symbol, s.date, s.open, s.high, s.low, s.close, s.adj_close, s.volume, s.source, ${loadId}
     FROM ${relation} AS s
     WHERE NOT EXISTS (SELECT 1 FROM bars b WHERE b.symbol = s.symbol AND b.date = s.date)
     ORDER BY s.symbol, s.date`,
  );
  return updated.rowsChanged + inserted.rowsChanged;
}
