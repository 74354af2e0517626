/**
 * PostgreSQL's side of the repair path (src/store/store-maintenance.ts): `symbols remove` and
 * `db check`, on a client inside one transaction the caller opens, so a removal or a fix is all or
 * nothing. The bars' primary key keeps a (symbol, date) from being stored twice; the check still
 * counts duplicates, the same query as DuckDB's.
 */
import type pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import type { BasketDefinition } from '../../domain/basket.js';
import { guessedSymbolInfo, tickerProblem } from '../../domain/symbol-info.js';
import type { StoredGroup } from '../price-store.js';
import * as maintenance from '../store-maintenance.js';
import { BarsBinaryDecoder } from './pg-binary-copy.js';
import { readPgSnapshot, rebuildPgSnapshot } from './pg-snapshot.js';

const DIALECT = { inf: "'Infinity'::float8", tickerOk: `symbol ~ '${maintenance.TICKER_SQL_REGEX}'` };

/** Removes `tickers` (checked, upper case) with everything stored for them; inside the caller's transaction. */
export async function removeSymbolsPg(
  client: pg.PoolClient,
  tickers: readonly string[],
): Promise<maintenance.SymbolRemoval> {
  const t = [...tickers];
  const known = new Set(
    (
      await client.query<{ ticker: string }>(
        `SELECT ticker FROM symbols WHERE ticker = ANY($1::text[])
         UNION SELECT DISTINCT symbol FROM bars WHERE symbol = ANY($1::text[])
         UNION SELECT ticker FROM baskets WHERE ticker = ANY($1::text[])`,
        [t],
      )
    ).rows.map((r) => r.ticker),
  );
  // the rows this removal reads and rewrites are locked until it commits
  const defs = (
    await client.query<{ definition: BasketDefinition }>('SELECT definition FROM baskets FOR UPDATE')
  ).rows.map((r) => r.definition);
  maintenance.checkRemovable(tickers, known, defs);
  const counts = new Map(
    (
      await client.query<{ symbol: string; n: number }>(
        'SELECT symbol, count(*)::int AS n FROM bars WHERE symbol = ANY($1::text[]) GROUP BY symbol',
        [t],
      )
    ).rows.map((r) => [r.symbol, r.n]),
  );
  await client.query('DELETE FROM bars WHERE symbol = ANY($1::text[])', [t]);
  await client.query('DELETE FROM close_snapshot WHERE symbol = ANY($1::text[])', [t]);
  await client.query('DELETE FROM baskets WHERE ticker = ANY($1::text[])', [t]);
  await client.query('DELETE FROM symbols WHERE ticker = ANY($1::text[])', [t]);
  const groups = (await client.query<{ definition: StoredGroup }>('SELECT definition FROM groups FOR UPDATE')).rows.map(
    (r) => r.definition,
  );
  const { changed, deleted } = maintenance.groupsAfterRemoval(groups, new Set(tickers));
  for (const g of changed)
    await client.query('UPDATE groups SET definition = $2 WHERE key = $1', [g.name.toLowerCase(), JSON.stringify(g)]);
  for (const g of deleted) await client.query('DELETE FROM groups WHERE key = $1', [g.name.toLowerCase()]);
  return maintenance.removalReport(tickers, counts, defs, { changed, deleted });
}

/** Finds what `db check` looks for and, with `fix`, repairs it; inside the caller's transaction. */
export async function checkIntegrityPg(
  client: pg.PoolClient,
  options: maintenance.IntegrityOptions,
): Promise<maintenance.IntegrityReport> {
  const kindSql = maintenance.badRowKindSql(options.dateBounds, DIALECT);
  const found = new maintenance.Findings();
  type Row = { symbol: string; kind?: string; n: number; first: string | null };
  const bad = await client.query<Row>(
    `SELECT symbol, kind, count(*)::int AS n, min(date)::text AS first
     FROM (SELECT symbol, date, ${kindSql} AS kind FROM bars) x WHERE kind IS NOT NULL
     GROUP BY symbol, kind ORDER BY symbol, kind`,
  );
  for (const r of bad.rows) found.add(r.kind as maintenance.IntegrityKind, r.symbol, r.n, r.first);
  const duplicates = await client.query<Row>(
    `SELECT symbol, sum(n - 1)::int AS n, min(date)::text AS first
     FROM (SELECT symbol, date, count(*) AS n FROM bars GROUP BY symbol, date HAVING count(*) > 1) d
     GROUP BY symbol ORDER BY symbol`,
  );
  for (const r of duplicates.rows) found.add('duplicate-key', r.symbol, r.n, r.first);
  const orphans = (
    await client.query<Row>(
      `SELECT b.symbol, count(*)::int AS n, min(b.date)::text AS first FROM bars b
       WHERE NOT EXISTS (SELECT 1 FROM symbols s WHERE s.ticker = b.symbol) GROUP BY b.symbol ORDER BY b.symbol`,
    )
  ).rows.filter((r) => tickerProblem(r.symbol) === null);
  for (const r of orphans) found.add('orphan-bars', r.symbol, r.n, r.first);
  const outOfStep = await snapshotOutOfStep(client);
  if (outOfStep.length > 0) {
    const counts = new Map(
      (
        await client.query<{ symbol: string; n: number }>(
          'SELECT symbol, count(*)::int AS n FROM bars WHERE symbol = ANY($1::text[]) GROUP BY symbol',
          [outOfStep],
        )
      ).rows.map((r) => [r.symbol, r.n]),
    );
    for (const s of outOfStep) found.add('snapshot-out-of-step', s, counts.get(s) ?? 0, null);
  }
  const findings = found.list;
  if (!options.fix || findings.length === 0) return maintenance.unfixedReport(findings);

  const deleted = await client.query(`DELETE FROM bars WHERE (${kindSql}) IS NOT NULL`);
  await client.query(`DELETE FROM symbols WHERE ticker !~ '${maintenance.TICKER_SQL_REGEX}'`);
  const tickers = orphans.map((r) => r.symbol);
  const infos = tickers.map(guessedSymbolInfo);
  const added = await client.query(
    `INSERT INTO symbols (ticker, name, kind, currency)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) ON CONFLICT (ticker) DO NOTHING`,
    [tickers, infos.map((i) => i.name), infos.map((i) => i.kind), infos.map((i) => i.currency)],
  );
  await rebuildPgSnapshot(client);
  return {
    findings,
    fixed: true,
    barsDeleted: deleted.rowCount ?? 0,
    symbolsAdded: added.rowCount ?? 0,
    snapshotRebuilt: true,
  };
}

/** The symbols whose close snapshot differs from their bars (a full read of both; a maintenance check). */
async function snapshotOutOfStep(client: pg.PoolClient): Promise<string[]> {
  const decoder = new BarsBinaryDecoder();
  const sql = `COPY (SELECT symbol, date, open, high, low, close, adj_close, volume FROM bars
               WHERE isfinite(date) ORDER BY symbol, date) TO STDOUT (FORMAT binary)`;
  for await (const chunk of client.query(copyTo(sql))) decoder.push(chunk as Buffer);
  const fromSnapshot = await readPgSnapshot(client, 'all', undefined, ['close', 'adjClose']);
  return maintenance.snapshotMismatches(decoder.result(), fromSnapshot);
}
