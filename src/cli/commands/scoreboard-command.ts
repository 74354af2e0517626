/**
 * `marketdash scoreboard [--as-of DATE] [--symbols LIST] [--format table|json]`: small caps vs mega caps
 * (S&P 600, Russell 2000, their ETFs, the MAG7 basket) for YTD and 1Y, and the equal- vs cap-weight
 * spreads (RSP vs SPY, MAG7 basket vs MAGS).
 */
import type { Command } from 'commander';
import { NotFoundError, UsageError } from '../../domain/errors.js';
import { formatPercent } from '../../domain/format/display-format.js';
import { DEMO_DATA_LABEL } from '../../services/demo-label.js';
import {
  type Scoreboard,
  type ScoreboardRow,
  type SpreadRow,
  scoreboard,
} from '../../services/rotation/scoreboard-report.js';
import { withDataStore } from '../data-store.js';
import { globalOptions } from '../global-options.js';
import {
  type Column,
  parseFormat,
  renderFlatCsv,
  renderResultJson,
  renderTable,
  resultObject,
  writeMissing,
  writeWarnings,
} from '../output-format.js';

interface ScoreboardOptions {
  asOf?: string;
  symbols?: string;
  totalReturn?: boolean;
  format: string;
}

export function registerScoreboardCommand(program: Command): void {
  program
    .command('scoreboard')
    .description('Small caps vs mega caps (YTD, 1Y) and equal- vs cap-weight spreads (RSP vs SPY, MAG7 vs MAGS)')
    .option('--as-of <date>', "YYYY-MM-DD; each symbol's last bar on or before it (default: latest)")
    .option('--symbols <list>', 'comma-separated symbols instead of ^SP600,SPSM,^RUT,IWM,MAG7')
    .option('--total-return', 'adjusted closes (dividends reinvested) instead of closes')
    .option('--format <format>', 'table, json or csv', 'table')
    .action(async (opts: ScoreboardOptions, cmd: Command) => {
      const format = parseFormat(opts.format);
      const symbols = opts.symbols
        ?.split(',')
        .map((s) => s.trim())
        .filter((s) => s !== '');
      if (symbols !== undefined && symbols.length === 0)
        throw new UsageError(`--symbols: '${opts.symbols}' names no symbol (comma-separated, e.g. IWM,SPSM,MAG7)`, {
          parameter: '--symbols',
        });
      const board = await withDataStore(globalOptions(cmd), (store) =>
        scoreboard(store, { asOf: opts.asOf, symbols, totalReturn: opts.totalReturn }),
      );
      const unknown = symbols?.filter((s) => board.missing.includes(s)) ?? [];
      if (symbols !== undefined && symbols.length > 0 && unknown.length === symbols.length) {
        throw new NotFoundError(
          unknown.join(', '),
          `--symbols: none of ${unknown.join(', ')} is stored${board.requestedAsOf ? ` on or before ${board.requestedAsOf}` : ''} (run 'marketdash symbols' to see what is)`,
        );
      }
      process.stdout.write(
        format === 'json'
          ? renderResultJson(board, { demo: board.demo })
          : format === 'csv'
            ? renderFlatCsv(resultObject(board, { demo: board.demo }))
            : renderScoreboard(board),
      );
      writeMissing(board.missing, board.requestedAsOf);
      writeWarnings(board.warnings);
    });
}

/** The rows' columns; a row without a bar says `not stored`, or `none by DAY` when an as-of day was asked for. */
const rowColumns = (asOf: string | null): readonly Column<ScoreboardRow>[] => [
  { header: 'Symbol', value: (r) => r.symbol },
  { header: 'Name', value: (r) => r.name ?? '', wrap: true },
  { header: 'As of', value: (r) => r.date ?? (asOf === null ? 'not stored' : `none by ${asOf}`) },
  { header: 'YTD', value: (r) => formatPercent(r.ytd), align: 'right', tone: 'sign' },
  { header: '1Y', value: (r) => formatPercent(r['1y']), align: 'right', tone: 'sign' },
];

const SPREADS: readonly Column<SpreadRow>[] = [
  { header: 'Equal vs cap', value: (r) => `${r.equal} - ${r.cap}` },
  { header: 'As of', value: (r) => r.date ?? 'n/a' },
  // past 120 columns MTD goes first, then QTD (the footer names them; --wide keeps both)
  ...(['mtd', 'qtd', 'ytd', '1y'] as const).map(
    (k): Column<SpreadRow> => ({
      ...(k === 'mtd' ? { drop: 2 } : k === 'qtd' ? { drop: 1 } : {}),
      header: `${k.toUpperCase()} spread`,
      value: (r) =>
        r.periods
          ? `${formatPercent(r.periods[k].spread)} (${formatPercent(r.periods[k].equal)} vs ${formatPercent(r.periods[k].cap)})`
          : 'n/a',
      align: 'right',
      tone: 'sign',
    }),
  ),
];

export function renderScoreboard(b: Scoreboard): string {
  return `${renderTable(b.rows, rowColumns(b.requestedAsOf))}\n${renderTable(b.spreads, SPREADS)}\nReturns: YTD vs the previous year-end close, 1Y vs the close on or before the same date a year earlier. Spread = equal-weight return minus cap-weight return, on the last day both have a bar.\n${b.demo ? `Source: ${DEMO_DATA_LABEL}.\n` : ''}`;
}
