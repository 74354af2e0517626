/**
 * The data-check faces of `marketdash symbols`: `--check` (per symbol: missing trading days, stale
 * series, suspected unadjusted splits) and `--gaps` (the missing trading days themselves).
 * Exit code 1 when a check finds a problem. JSON (`--check`): the SeriesCheck objects
 * `[{"symbol","kind","firstDate","lastDate","rows","missingDays":[],"tradingDaysBehind","stale","suspectedSplits":[{"date","label","move"}],"warnings":[]}]`;
 * JSON (`--gaps`): `[{"symbol","missing","days":[]}]`.
 */
import { loadConfig } from '../../config/universe-config.js';
import { UsageError } from '../../domain/errors.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { checkStore } from '../../services/data-checks/check-store.js';
import { dayRuns, type SeriesCheck } from '../../services/data-checks/series-checks.js';
import { holdsDemoBars } from '../../services/demo-label.js';
import { withStore } from '../../services/open-store.js';
import type { GlobalOptions } from '../global-options.js';
import { type Column, renderCsv, renderResultJson, renderTable, writeWarningLines } from '../output-format.js';

export interface SymbolCheckOptions {
  readonly mode: 'check' | 'gaps';
  readonly format: string;
  readonly symbols?: readonly string[];
  readonly asOf?: string;
  readonly staleAfter?: string;
}

const CHECK_COLUMNS: readonly Column<SeriesCheck>[] = [
  { header: 'Symbol', value: (c) => c.symbol },
  { header: 'Kind', value: (c) => c.kind },
  { header: 'Last', value: (c) => c.lastDate },
  { header: 'Missing days', value: (c) => c.missingDays.length, align: 'right' },
  { header: 'Behind', value: (c) => c.tradingDaysBehind, align: 'right' },
  { header: 'Stale', value: (c) => (c.stale ? 'yes' : '') },
  { header: 'Suspected splits', value: (c) => c.suspectedSplits.map((s) => `${s.label} ${s.date}`).join(', ') },
];

interface GapRow {
  readonly symbol: string;
  readonly missing: number;
  readonly days: readonly string[];
}

const GAP_COLUMNS: readonly Column<GapRow>[] = [
  { header: 'Symbol', value: (g) => g.symbol },
  { header: 'Missing', value: (g) => g.missing, align: 'right' },
  { header: 'Days', value: (g) => dayRuns(g.days).join(', ') },
];

/** Runs the checks and writes the output; returns the exit code (1 when a problem was found). */
export async function runSymbolChecks(global: GlobalOptions, options: SymbolCheckOptions): Promise<number> {
  const staleAfter = options.staleAfter === undefined ? undefined : Number(options.staleAfter);
  if (
    staleAfter !== undefined &&
    (options.staleAfter!.trim() === '' || !Number.isInteger(staleAfter) || staleAfter < 1)
  ) {
    throw new UsageError(`--stale-after: '${options.staleAfter}' is not a whole number of trading days (1 or more)`, {
      parameter: '--stale-after',
    });
  }
  const asOf = options.asOf === undefined ? undefined : parseIsoDate(options.asOf, '--as-of');
  const configSymbols = loadConfig().symbols;
  const { checks, demo } = await withStore(global, async (store) => ({
    checks: await checkStore(store, { symbols: options.symbols, asOf, staleAfter, configSymbols }),
    demo: await holdsDemoBars(store),
  }));
  if (options.mode === 'gaps') {
    const rows: GapRow[] = checks.map((c) => ({
      symbol: c.symbol,
      missing: c.missingDays.length,
      days: c.missingDays,
    }));
    // the JSON envelope of every list result: {rows, demo, warnings}
    if (options.format === 'json') process.stdout.write(renderResultJson(rows, { demo }));
    else if (options.format === 'csv')
      process.stdout.write(
        renderCsv(
          rows.flatMap((r) => r.days.map((day) => ({ ...r, days: [day] }))),
          GAP_COLUMNS,
        ),
      );
    else
      process.stdout.write(
        rows.some((r) => r.missing > 0)
          ? renderTable(
              rows.filter((r) => r.missing > 0),
              GAP_COLUMNS,
            )
          : `no missing trading days in ${rows.length} symbols\n`,
      );
    return rows.some((r) => r.missing > 0) ? 1 : 0;
  }
  if (options.format === 'json') process.stdout.write(renderResultJson(checks, { demo }));
  else if (options.format === 'csv') process.stdout.write(renderCsv(checks, CHECK_COLUMNS));
  else {
    process.stdout.write(renderTable(checks, CHECK_COLUMNS));
    for (const c of checks) writeWarningLines(c.warnings);
  }
  return checks.some((c) => c.warnings.length > 0) ? 1 : 0;
}
