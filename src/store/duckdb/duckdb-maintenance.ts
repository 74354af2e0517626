/**
 * DuckDB's side of the repair path (src/store/store-maintenance.ts): `symbols remove` and `db check`.
 * Both run on the store's write connection inside one transaction the caller opens, so a removal or a
 * fix is all or nothing.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { BasketDefinition } from '../../domain/basket.js';
import { tickerProblem } from '../../domain/symbol-info.js';
import type { StoredGroup } from '../price-store.js';
import * as maintenance from '../store-maintenance.js';
import { duckdbApi } from './duckdb-api.js';
import { readGroupedSeries } from './duckdb-grouped-reader.js';
import { dropSnapshotWhere, readSnapshot, rebuildSnapshot } from './duckdb-snapshot.js';

const { LIST, listValue, VARCHAR } = duckdbApi;
const STRING_LIST = LIST(VARCHAR);
const TICKER_OK = `regexp_full_match(symbol, '${maintenance.TICKER_SQL_REGEX.slice(1, -1)}')`;
const DIALECT = { inf: "'inf'::DOUBLE", tickerOk: TICKER_OK };

export interface MaintenanceHooks {
  readonly bumpVersion: (c: DuckDBConnection) => Promise<void>;
  readonly addGuessedSymbols: (c: DuckDBConnection, tickers: readonly string[]) => Promise<number>;
}

/** Removes `tickers` (checked, upper case) with everything stored for them; inside the caller's transaction. */
export async function removeSymbolsDuckDb(
  c: DuckDBConnection,
  tickers: readonly string[],
  hooks: MaintenanceHooks,
): Promise<maintenance.SymbolRemoval> {
  const t = listValue([...tickers]);
  const types = { t: STRING_LIST };
  const known = new Set(
    (
      await c.runAndReadAll(
        `SELECT ticker FROM symbols WHERE ticker IN (SELECT unnest($t))
         UNION SELECT DISTINCT symbol FROM bars WHERE symbol IN (SELECT unnest($t))
         UNION SELECT ticker FROM baskets WHERE ticker IN (SELECT unnest($t))`,
        { t },
        types,
      )
    )
      .getRowsJS()
      .map((r) => String(r[0])),
  );
  const baskets = (await c.runAndReadAll('SELECT CAST(definition AS VARCHAR) FROM baskets')).getRowsJS();
  const defs = baskets.map((r) => JSON.parse(String(r[0])) as BasketDefinition);
  maintenance.checkRemovable(tickers, known, defs);

  const counts = new Map(
    (
      await c.runAndReadAll(
        'SELECT symbol, count(*)::INTEGER FROM bars WHERE symbol IN (SELECT unnest($t)) GROUP BY symbol',
        { t },
        types,
      )
    )
      .getRowsJS()
      .map((r) => [String(r[0]), Number(r[1])]),
  );
  await c.run('DELETE FROM bars WHERE symbol IN (SELECT unnest($t))', { t }, types);
  await dropSnapshotWhere(c, 'symbol IN (SELECT unnest($t))', { t }, types);
  await c.run('DELETE FROM baskets WHERE ticker IN (SELECT unnest($t))', { t }, types);
  await c.run('DELETE FROM symbols WHERE ticker IN (SELECT unnest($t))', { t }, types);

  const groups = (await c.runAndReadAll('SELECT CAST(definition AS VARCHAR) FROM groups')).getRowsJS();
  const { changed, deleted } = maintenance.groupsAfterRemoval(
    groups.map((r) => JSON.parse(String(r[0])) as StoredGroup),
    new Set(tickers),
  );
  for (const g of changed)
    await c.run('UPDATE groups SET definition = CAST($d AS JSON) WHERE key = $k', {
      k: g.name.toLowerCase(),
      d: JSON.stringify(g),
    });
  for (const g of deleted) await c.run('DELETE FROM groups WHERE key = $k', { k: g.name.toLowerCase() });
  await hooks.bumpVersion(c);
  return maintenance.removalReport(tickers, counts, defs, { changed, deleted });
}

/** Finds what `db check` looks for and, with `fix`, repairs it; inside the caller's transaction. */
export async function checkIntegrityDuckDb(
  c: DuckDBConnection,
  options: maintenance.IntegrityOptions,
  hooks: MaintenanceHooks,
): Promise<maintenance.IntegrityReport> {
  const kindSql = maintenance.badRowKindSql(options.dateBounds, DIALECT);
  const found = new maintenance.Findings();

  const bad = await c.runAndReadAll(
    `SELECT symbol, kind, count(*)::INTEGER, CAST(min(date) AS VARCHAR)
     FROM (SELECT symbol, date, ${kindSql} AS kind FROM bars) WHERE kind IS NOT NULL
     GROUP BY ALL ORDER BY symbol, kind`,
  );
  for (const r of bad.getRowsJS())
    found.add(String(r[1]) as maintenance.IntegrityKind, String(r[0]), Number(r[2]), String(r[3]));
  const duplicates = await c.runAndReadAll(
    `SELECT symbol, sum(n - 1)::INTEGER, CAST(min(date) AS VARCHAR)
     FROM (SELECT symbol, date, count(*) AS n FROM bars GROUP BY symbol, date HAVING count(*) > 1)
     GROUP BY symbol ORDER BY symbol`,
  );
  for (const r of duplicates.getRowsJS()) found.add('duplicate-key', String(r[0]), Number(r[1]), String(r[2]));
  const orphans = (
    await c.runAndReadAll(
      `SELECT b.symbol, count(*)::INTEGER, CAST(min(b.date) AS VARCHAR) FROM bars b
       WHERE NOT EXISTS (SELECT 1 FROM symbols s WHERE s.ticker = b.symbol) GROUP BY b.symbol ORDER BY b.symbol`,
    )
  )
    .getRowsJS()
    .filter((r) => tickerProblem(String(r[0])) === null);
  for (const r of orphans) found.add('orphan-bars', String(r[0]), Number(r[1]), String(r[2]));
  const outOfStep = await snapshotOutOfStep(c);
  const barCounts = new Map(
    (await c.runAndReadAll('SELECT symbol, count(*)::INTEGER FROM bars GROUP BY symbol'))
      .getRowsJS()
      .map((r) => [String(r[0]), Number(r[1])]),
  );
  for (const s of outOfStep) found.add('snapshot-out-of-step', s, barCounts.get(s) ?? 0, null);

  const findings = found.list;
  if (!options.fix || findings.length === 0) return maintenance.unfixedReport(findings);

  let barsDeleted = (await c.run(`DELETE FROM bars WHERE (${kindSql}) IS NOT NULL`)).rowsChanged;
  // of each (symbol, date) stored twice, the latest write stays
  barsDeleted += (
    await c.run(
      `DELETE FROM bars WHERE rowid IN (
         SELECT rowid FROM (SELECT rowid, row_number() OVER (PARTITION BY symbol, date ORDER BY load_id DESC, rowid DESC) AS rn FROM bars)
         WHERE rn > 1)`,
    )
  ).rowsChanged;
  await c.run(
    `DELETE FROM symbols WHERE NOT regexp_full_match(ticker, '${maintenance.TICKER_SQL_REGEX.slice(1, -1)}')`,
  );
  const symbolsAdded = await hooks.addGuessedSymbols(
    c,
    orphans.map((r) => String(r[0])),
  );
  await rebuildSnapshot(c);
  await hooks.bumpVersion(c);
  return { findings, fixed: true, barsDeleted, symbolsAdded, snapshotRebuilt: true };
}

/** The symbols whose close snapshot differs from their bars (a full read of both; a maintenance check). */
async function snapshotOutOfStep(c: DuckDBConnection): Promise<string[]> {
  const tickers = (await c.runAndReadAll('SELECT DISTINCT symbol FROM bars WHERE isfinite(date) ORDER BY symbol'))
    .getRowsJS()
    .map((r) => String(r[0]));
  const fromBars =
    tickers.length === 0
      ? new Map()
      : await readGroupedSeries(
          await c.stream(
            `SELECT w.i, (b.date - DATE '1970-01-01')::INTEGER, coalesce(b.close, 'NaN'::DOUBLE), coalesce(b.adj_close, 'NaN'::DOUBLE)
             FROM bars b JOIN (SELECT unnest($t) AS ticker, unnest(range(len($t)))::INTEGER AS i) w ON w.ticker = b.symbol
             WHERE isfinite(b.date)`,
            { t: listValue(tickers) },
            { t: STRING_LIST },
          ),
          tickers,
          ['close', 'adjClose'],
        );
  const fromSnapshot = await readSnapshot(c, 'all', undefined, ['close', 'adjClose']);
  return maintenance.snapshotMismatches(fromBars, fromSnapshot);
}
