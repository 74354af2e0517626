/**
 * `marketdash perf <SYMBOL...> | --all | --group NAME [--as-of DATE] [--from DATE [--to DATE]] [--total-return]
 * [--format table|json|csv]`: the performance table, with a window return between two dates when `--from` is given. JSON is the contract in services/perf/perf-row.ts; the table prints
 * percentages with two decimals and says which as-of day was used and whether figures are price or
 * total return.
 */

import type { Command } from 'commander';
import { MULTI_YEAR_PERIODS } from '../../analytics/returns/period-returns.js';
import { ensureDefined } from '../../domain/ensure.js';
import { UsageError } from '../../domain/errors.js';
import { formatNumber, formatPercent } from '../../domain/format/display-format.js';
import { isTradingDay } from '../../domain/nyse-calendar.js';
import { PERIOD_KEYS, periodHeader } from '../../domain/period-keys.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { DEMO_DATA_LABEL } from '../../services/demo-label.js';
import { type CommandOutput, keptOrComputed, keptResultsCode } from '../../services/kept-results.js';
import type { PerfRow } from '../../services/perf/perf-row.js';
import { type PerfTable, perfTable } from '../../services/perf/perf-table.js';
import type { PriceStore } from '../../store/price-store.js';
import { withDataStore } from '../data-store.js';
import { globalOptions } from '../global-options.js';
import { type Column, parseFormat, renderCsv, renderResultJson, renderTable, writeWarnings } from '../output-format.js';

interface PerfOptions {
  all?: boolean;
  group?: string;
  asOf?: string;
  totalReturn?: boolean;
  from?: string;
  to?: string;
  format?: string;
}

export function registerPerfCommand(program: Command): void {
  program
    .command('perf')
    .description(
      'Performance table: 1d 5d mtd 1m qtd 3m 6m ytd 1y 3y 5y 10y max returns (CAGR beyond a year), any --from/--to window, all-time and 52-week highs/lows, highest/lowest close since, streak',
    )
    .argument('[symbols...]', 'symbols to show (or use --all / --group)')
    .option('--all', 'every stored symbol')
    .option(
      '--group <name>',
      'a group: imported with `marketdash group import`, or from the universe config (mag7, smallcaps, sectors ...)',
    )
    .option('--as-of <date>', 'YYYY-MM-DD; a non-trading day means the last trading day before it')
    .option('--from <date>', 'YYYY-MM-DD: add the return from the last close on or before it to the as-of close')
    .option('--to <date>', 'YYYY-MM-DD: the end of the --from window (the table is then as of it; not with --as-of)')
    .option('--total-return', 'use adjusted closes (dividends reinvested) for every figure')
    .option('--format <format>', 'table, json or csv', 'table')
    .action(async (symbols: string[], opts: PerfOptions, cmd: Command) => {
      const format = parseFormat(opts.format);
      const selection = perfSelection(symbols, opts);
      const out = await withDataStore(globalOptions(cmd), async (store, facts) => {
        // imported groups (marketdash group import, kept in the store) first, then the universe config's;
        // loaded only for --group: the config brings zod, some 0.05 s of start-up for every other perf
        const wanted =
          typeof selection === 'object' && 'group' in selection
            ? await groupMembers(selection.group, store)
            : selection;
        const request = {
          symbols: wanted,
          asOf: opts.asOf,
          totalReturn: opts.totalReturn,
          from: opts.from,
          to: opts.to,
          group: typeof selection === 'object' && 'group' in selection ? selection.group : undefined,
        };
        const compute = async (): Promise<CommandOutput> => {
          const table = await perfTable(store, request);
          // rates (kind `rate`, FRED series) print their moves in bp in the table
          const rates = format === 'table' ? await rateSymbols(store, wanted) : new Set<string>();
          return { body: renderPerf(table, format, facts.demo, rates), warnings: table.warnings };
        };
        // JSON and CSV are the same text for the same data and request: kept per data version. A table
        // depends on the terminal's width too, and a table of the whole universe is not read by machines.
        const code = keptResultsCode();
        if (format === 'table' || code === null) return compute();
        return keptOrComputed(store, `perf ${format} ${code} ${JSON.stringify(request)}`, compute);
      });
      writeWarnings(out.warnings);
      process.stdout.write(out.body);
    });
}

/** Exactly one of: symbols, --all, --group. */
function perfSelection(
  symbols: readonly string[],
  opts: PerfOptions,
): readonly string[] | 'all' | { readonly group: string } {
  const ways = [symbols.length > 0, opts.all === true, opts.group !== undefined].filter(Boolean).length;
  if (ways !== 1)
    throw new UsageError('perf: give symbols, or --all, or --group NAME (exactly one of them)', {
      parameter: 'symbols',
    });
  if (opts.all) return 'all';
  if (opts.group !== undefined) return { group: opts.group };
  return symbols;
}

const pct = (v: number | null) => formatPercent(v);
const isMultiYear = (k: string): k is (typeof MULTI_YEAR_PERIODS)[number] =>
  (MULTI_YEAR_PERIODS as readonly string[]).includes(k);

/**
 * When the table is wider than 120 columns, the least-read columns go first (highest `drop` first):
 * MAX, 10Y, the since-dates, 5Y, 3Y, the 52-week range, the ATH date, 1M/3M/6M, the streak.
 */
export const DROP_ORDER: Partial<Record<string, number>> = {
  max: 13,
  '10y': 12,
  'Lowest since': 11,
  'Highest since': 10,
  '5y': 9,
  '3y': 8,
  '52w low': 7,
  '52w high': 6,
  'ATH date': 5,
  '1m': 4,
  '3m': 3,
  '6m': 2,
  Streak: 1,
};

/**
 * A rate's (DGS10, DFF: kind `rate`) move as basis points of its level, from the level now and the return of
 * the level: the base was close / (1 + r), so 4.38 -> 4.65 is 4.65 - 4.38 = 0.27 points = `27 bp`.
 */
export function formatBp(close: number, fraction: number | null): string {
  if (fraction === null || !Number.isFinite(fraction)) return 'n/a';
  const bp = Math.round((close - close / (1 + fraction)) * 100);
  return `${bp === 0 ? 0 : bp} bp`;
}

function tableColumns(rates: ReadonlySet<string>): Column<PerfRow>[] {
  const rate = (r: PerfRow) => rates.has(r.symbol);
  return [
    { header: 'Symbol', value: (r) => r.symbol },
    { header: 'As of', value: (r) => (r.stale ? `${r.asOf}*` : r.asOf), tone: 'stale' },
    { header: 'Close', value: (r) => formatNumber(r.close), align: 'right' },
    ...PERIOD_KEYS.map(
      (k): Column<PerfRow> => ({
        header: periodHeader(k),
        // multi-year periods show the CAGR beside the total: "45.20% (13.25%/yr)"; a rate its change in bp
        value: (r) =>
          rate(r)
            ? formatBp(r.close, r.returns[k])
            : isMultiYear(k) && r.cagr[k] !== null
              ? `${pct(r.returns[k])} (${pct(r.cagr[k])}/yr)`
              : pct(r.returns[k]),
        align: 'right',
        tone: 'sign',
        ...(DROP_ORDER[k] === undefined ? {} : { drop: DROP_ORDER[k] }),
      }),
    ),
    {
      header: 'vs ATH',
      value: (r) => (rate(r) ? `${Math.round((r.close - r.ath.close) * 100) || 0} bp` : pct(r.ath.distance)),
      align: 'right',
    },
    { header: 'ATH date', value: (r) => r.ath.date, drop: 5 },
    { header: '52w high', value: (r) => formatNumber(r.high52w.close), align: 'right', drop: 6 },
    { header: '52w low', value: (r) => formatNumber(r.low52w.close), align: 'right', drop: 7 },
    {
      header: 'Streak',
      value: (r) => (r.streak > 0 ? `+${r.streak}` : String(r.streak)),
      align: 'right',
      tone: 'sign',
      drop: 1,
    },
    { header: 'Highest since', value: (r) => r.highestSince ?? 'record', drop: 10 },
    { header: 'Lowest since', value: (r) => r.lowestSince ?? 'record', drop: 11 },
  ];
}

const CSV_COLUMNS: readonly Column<PerfRow>[] = [
  { header: 'symbol', value: (r) => r.symbol },
  { header: 'asOf', value: (r) => r.asOf },
  { header: 'close', value: (r) => r.close },
  ...PERIOD_KEYS.map((k): Column<PerfRow> => ({ header: `return_${k}`, value: (r) => r.returns[k] })),
  ...MULTI_YEAR_PERIODS.map((k): Column<PerfRow> => ({ header: `cagr_${k}`, value: (r) => r.cagr[k] })),
  { header: 'ath_close', value: (r) => r.ath.close },
  { header: 'ath_date', value: (r) => r.ath.date },
  { header: 'ath_distance', value: (r) => r.ath.distance },
  { header: 'high52w_close', value: (r) => r.high52w.close },
  { header: 'high52w_date', value: (r) => r.high52w.date },
  { header: 'low52w_close', value: (r) => r.low52w.close },
  { header: 'low52w_date', value: (r) => r.low52w.date },
  { header: 'highestSince', value: (r) => r.highestSince },
  { header: 'lowestSince', value: (r) => r.lowestSince },
  { header: 'streak', value: (r) => r.streak },
  { header: 'stale', value: (r) => String(r.stale) },
];

/** The window's columns (after the periods) when `--from` is given. */
function windowColumns(
  table: PerfTable,
  rates: ReadonlySet<string>,
): { table: Column<PerfRow>[]; csv: Column<PerfRow>[] } {
  if (table.window === null) return { table: [], csv: [] };
  const header = `From ${table.window.from}`;
  return {
    table: [
      {
        header,
        value: (r) =>
          rates.has(r.symbol)
            ? formatBp(r.close, r.window?.return ?? null)
            : r.window?.cagr != null
              ? `${pct(r.window.return)} (${pct(r.window.cagr)}/yr)`
              : r.window?.return == null
                ? 'n/a'
                : pct(r.window.return),
        align: 'right',
      },
      { header: 'Base date', value: (r) => r.window?.from ?? 'none' },
    ],
    csv: [
      { header: 'window_from', value: (r) => r.window?.from ?? null },
      { header: 'window_to', value: (r) => r.window?.to ?? null },
      { header: 'window_return', value: (r) => r.window?.return ?? null },
      { header: 'window_cagr', value: (r) => r.window?.cagr ?? null },
    ],
  };
}

/** `demo`: the store holds synthetic demo bars; the table says so, and the JSON (`"demo": true`). */
export function renderPerf(
  table: PerfTable,
  format: string,
  demo = false,
  rates: ReadonlySet<string> = new Set(),
): string {
  if (format === 'json') return renderResultJson(table.rows, { demo, warnings: table.warnings });
  const win = windowColumns(table, rates);
  if (format === 'csv') return renderCsv(table.rows, [...CSV_COLUMNS, ...win.csv]);
  if (table.rows.length === 0)
    return `No stored symbol has a bar${table.requestedAsOf === null ? '' : ` on or before ${table.requestedAsOf}`} (marketdash import FILES).\n`;
  const stale = table.rows.some((r) => r.stale) ? '* stale: its data ends before the day of the other rows.\n' : '';
  const all = tableColumns(rates);
  const columns = [...all.slice(0, 3), ...win.table, ...all.slice(3)];
  const shownRates = table.rows.filter((r) => rates.has(r.symbol)).map((r) => r.symbol);
  const bp =
    shownRates.length === 0
      ? ''
      : `Rates (${shownRates.join(', ')}): changes and distance from the high in basis points of the level (4.38% to 4.65% = 27 bp), not percent returns; JSON keeps the returns of the level.\n`;
  return `${renderTable(table.rows, columns)}${perfFootnote(table)}\n${stale}${bp}${demo ? `Source: ${DEMO_DATA_LABEL}.\n` : ''}`;
}

/** Which day the figures describe and what kind of return they are (two lines under the table). */
export function perfFootnote(table: PerfTable): string {
  const days = [...new Set(table.rows.map((r) => r.asOf))].sort();
  const used =
    days.length === 1
      ? ensureDefined(days[0], 'the one as-of day of the table')
      : `${days[0] ?? 'n/a'} to ${days[days.length - 1] ?? 'n/a'} (each symbol's last trading day)`;
  let asOf: string;
  if (table.requestedAsOf === null) asOf = `As of the latest close: ${used}.`;
  else if (days.length === 1 && days[0] === table.requestedAsOf) asOf = `As of ${table.requestedAsOf}.`;
  else if (days.length === 1 && !isTradingDay(parseIsoDate(table.requestedAsOf)))
    asOf = `As of ${days[0]}: ${table.requestedAsOf} is not a trading day, so the last trading day before it was used.`;
  else if (days.length === 1)
    asOf = `As of ${days[0]}: nothing is stored for ${table.requestedAsOf}, so the last stored trading day before it was used.`;
  else asOf = `As of ${table.requestedAsOf}: each symbol uses its last trading day on or before it: ${used}.`;
  const kind =
    table.field === 'adjClose'
      ? 'Total return (adjusted closes, dividends reinvested)'
      : 'Price return (closes; a symbol imported from a file of adjusted closes only has no separate price series, so its figures include dividends)';
  const window =
    table.window === null
      ? ''
      : `\nFrom ${table.window.from}: the return from the last close on or before ${table.window.from} (the base date) to the as-of close, per year beside it when the window spans more than a year; n/a when the history starts later.`;
  return `${asOf}\n${kind}; 1d/5d vs 1/5 trading days earlier, mtd/qtd/ytd vs the previous month/quarter/year-end close, 1m/3m/6m and 1y/3y/5y/10y vs the close on or before the same date N months or years earlier (CAGR per year beside the periods longer than a year), max since the first bar.${window}`;
}

/**
 * The symbols of kind `rate` among those asked for. A few named symbols are looked up one by one (a
 * query each, some 1 ms); `listSymbols` summarises every stored symbol's history, 7-13 ms even on the
 * demo store, a third of `marketdash perf SPY` beyond Node's own start.
 */
async function rateSymbols(store: PriceStore, wanted: readonly string[] | 'all'): Promise<Set<string>> {
  if (wanted !== 'all' && wanted.length <= 16) {
    const infos = await Promise.all(wanted.map((t) => store.getSymbol(t)));
    return new Set(infos.flatMap((x) => (x?.kind === 'rate' ? [x.ticker] : [])));
  }
  return new Set((await store.listSymbols()).filter((x) => x.kind === 'rate').map((x) => x.ticker));
}

async function groupMembers(group: string, store: PriceStore): Promise<readonly string[]> {
  const { resolveGroup } = await import('../../services/groups/group-registry.js');
  return (await resolveGroup(group, { store })).members;
}
