/**
 * `marketdash breadth --group NAME [--benchmark SYM] [--window 3m] [--as-of DATE] [--format table|json]`:
 * share of members above their 50- and 200-day averages, new 52-week highs minus lows, advances,
 * declines and the A/D line, and the share beating the benchmark over the window.
 */
import type { Command } from 'commander';
import { UsageError } from '../../domain/errors.js';
import { formatPercent } from '../../domain/format/display-format.js';
import { type BreadthReport, breadthReport } from '../../services/breadth/breadth-report.js';
import { DEMO_DATA_LABEL } from '../../services/demo-label.js';
import { withDataStore } from '../data-store.js';
import { globalOptions } from '../global-options.js';
import {
  parseFormat,
  renderFlatCsv,
  renderResultJson,
  renderTable,
  resultObject,
  writeWarnings,
} from '../output-format.js';

interface BreadthOptions {
  group: string;
  benchmark?: string;
  window: string;
  asOf?: string;
  totalReturn?: boolean;
  groupFile?: string;
  history: string;
  format: string;
}

export function registerBreadthCommand(program: Command): void {
  program
    .command('breadth')
    .description(
      'Breadth of a group: % above 50/200-day averages, new highs minus lows, A/D line, % beating the benchmark',
    )
    .requiredOption('--group <name>', 'a config group or an imported one (marketdash group import)')
    .option('--benchmark <symbol>', "benchmark to beat (default: the group's own, else SPY)")
    .option('--window <window>', 'benchmark comparison window: trading days (63d) or 4w, 3m, 1y', '3m')
    .option('--as-of <date>', 'YYYY-MM-DD; the last trading day on or before it (default: latest)')
    .option('--total-return', 'adjusted closes (dividends reinvested) instead of closes')
    .option('--group-file <path>', 'user groups file (default: marketdash.groups.json)')
    .option('--history <days>', 'JSON: add the last N days of breadth points', '0')
    .option('--format <format>', 'table, json or csv', 'table')
    .action(async (opts: BreadthOptions, cmd: Command) => {
      const format = parseFormat(opts.format);
      const history = Number(opts.history);
      if (opts.history.trim() === '' || !Number.isInteger(history) || history < 0) {
        throw new UsageError(`--history: '${opts.history}' is not a whole number of days (0 or more)`, {
          parameter: '--history',
        });
      }
      const report = await withDataStore(globalOptions(cmd), (store) =>
        breadthReport(store, {
          group: opts.group,
          benchmark: opts.benchmark,
          window: opts.window,
          asOf: opts.asOf,
          totalReturn: opts.totalReturn,
          groupFile: opts.groupFile,
          history,
        }),
      );
      writeWarnings(report.warnings.filter((w) => w.code !== 'not-computed'));
      process.stdout.write(
        format === 'json'
          ? renderResultJson(report, { demo: report.demo, warnings: report.warnings })
          : format === 'csv'
            ? renderFlatCsv(resultObject(report, { demo: report.demo, warnings: report.warnings }))
            : renderBreadth(report),
      );
      if (report.missing.length > 0)
        process.stderr.write(
          `marketdash: no stored bars for ${report.missing.length} member(s): ${report.missing.slice(0, 20).join(', ')}${report.missing.length > 20 ? ' ...' : ''}\n`,
        );
    });
}

export function renderBreadth(r: BreadthReport): string {
  const share = (s: { count: number; of: number; share: number | null }) =>
    `${formatPercent(s.share)} (${s.count} of ${s.of})`;
  const ad = r.adLine;
  const rows: [string, string][] = [
    ['Members trading / with data / listed', `${r.members.trading} / ${r.members.withData} / ${r.members.listed}`],
    ['Above 50-day average', share(r.aboveSma50)],
    ['Above 200-day average', share(r.aboveSma200)],
    [
      'New 52-week highs - lows',
      `${r.newHighs} - ${r.newLows} = ${r.netNewHighs > 0 ? '+' : ''}${r.netNewHighs} (of ${r.withYear} with a year of history)`,
    ],
    ['Advances / declines / unchanged', `${r.advances} / ${r.declines} / ${r.unchanged}`],
    [
      'A/D line',
      `${ad.value} (cumulative since ${ad.from})${ad.change === null ? '' : `, ${ad.change > 0 ? '+' : ''}${ad.change} since ${ad.changeFrom}`}`,
    ],
    [
      `Beating ${r.beatingBenchmark.benchmark} over ${r.beatingBenchmark.windowBars} trading days`,
      share(r.beatingBenchmark),
    ],
  ];
  return `${renderTable(rows, [
    { header: `Breadth: ${r.group}, as of ${r.asOf}`, value: (x) => x[0] },
    { header: '', value: (x) => x[1] },
  ])}${r.demo ? `Source: ${DEMO_DATA_LABEL}.\n` : ''}`;
}
