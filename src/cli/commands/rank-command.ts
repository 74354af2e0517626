/**
 * `marketdash rank --group NAME [--as-of DATE] [--weights 30,30,15,15,5,5] [--format table|json|csv]`:
 * the composite technical rank (SCTR weights by default) of every member, 0..99 within the group.
 */
import type { Command } from 'commander';
import type { RankRow } from '../../analytics/composite-rank/group-rank.js';
import { formatNumber, formatPercent } from '../../domain/format/display-format.js';
import { type RankReport, rankReport } from '../../services/breadth/rank-report.js';
import { DEMO_DATA_LABEL } from '../../services/demo-label.js';
import { withDataStore } from '../data-store.js';
import { globalOptions } from '../global-options.js';
import { type Column, parseFormat, renderCsv, renderResultJson, renderTable, writeWarnings } from '../output-format.js';

interface RankOptions {
  group: string;
  asOf?: string;
  weights?: string;
  totalReturn?: boolean;
  groupFile?: string;
  format: string;
}

export function registerRankCommand(program: Command): void {
  program
    .command('rank')
    .description('Composite technical rank (SCTR-style weights) of every member of a group, 0 to 99 within the group')
    .requiredOption('--group <name>', 'a config group or an imported one')
    .option('--as-of <date>', "YYYY-MM-DD; each member's last bar on or before it (default: latest)")
    .option(
      '--weights <list>',
      'six weights: ema200 distance, roc125, ema50 distance, roc20, PPO-histogram slope, rsi14 (default 30,30,15,15,5,5)',
    )
    .option('--total-return', 'adjusted closes (dividends reinvested) instead of closes')
    .option('--group-file <path>', 'user groups file (default: marketdash.groups.json)')
    .option('--format <format>', 'table, json or csv', 'table')
    .action(async (opts: RankOptions, cmd: Command) => {
      const format = parseFormat(opts.format);
      const report = await withDataStore(globalOptions(cmd), (store) =>
        rankReport(store, {
          group: opts.group,
          asOf: opts.asOf,
          weights: opts.weights,
          totalReturn: opts.totalReturn,
          groupFile: opts.groupFile,
        }),
      );
      process.stdout.write(renderRank(report, format));
      if (report.missing.length > 0)
        process.stderr.write(
          `marketdash: no stored bars for ${report.missing.length} member(s): ${report.missing.slice(0, 20).join(', ')}${report.missing.length > 20 ? ' ...' : ''}\n`,
        );
      writeWarnings(report.warnings);
    });
}

const num = (v: number | null | undefined, d = 2) => formatNumber(v ?? null, d);

const TABLE: readonly Column<RankRow>[] = [
  { header: 'Rank', value: (r) => (r.rank === null ? 'n/a' : String(r.rank)), align: 'right' },
  { header: 'Symbol', value: (r) => r.symbol },
  { header: 'Date', value: (r) => r.date ?? '' },
  { header: 'Score', value: (r) => num(r.score), align: 'right' },
  { header: 'vs EMA200 %', value: (r) => num(r.components?.aboveEma200), align: 'right', tone: 'sign' },
  { header: 'ROC125 %', value: (r) => num(r.components?.roc125), align: 'right', tone: 'sign' },
  { header: 'vs EMA50 %', value: (r) => num(r.components?.aboveEma50), align: 'right', tone: 'sign' },
  { header: 'ROC20 %', value: (r) => num(r.components?.roc20), align: 'right', tone: 'sign' },
  { header: 'PPO slope', value: (r) => num(r.components?.ppoHistogramSlope), align: 'right' },
  { header: 'RSI14', value: (r) => num(r.components?.rsi14), align: 'right' },
];

const CSV: readonly Column<RankRow>[] = [
  { header: 'symbol', value: (r) => r.symbol },
  { header: 'rank', value: (r) => r.rank },
  { header: 'score', value: (r) => r.score },
  { header: 'date', value: (r) => r.date },
  ...(['aboveEma200', 'roc125', 'aboveEma50', 'roc20', 'ppoHistogramSlope', 'rsi14'] as const).map(
    (k): Column<RankRow> => ({ header: k, value: (r) => r.components?.[k] ?? null }),
  ),
];

export function renderRank(report: RankReport, format: string): string {
  if (format === 'json') return renderResultJson(report, { demo: report.demo });
  if (format === 'csv') return renderCsv(report.rows, CSV);
  const w = report.weights;
  const pct = (x: number) => formatPercent(x, 0);
  return `${renderTable(report.rows, TABLE)}
${report.group}: rank 0..99 within the group by a composite score, weights ${pct(w.aboveEma200)} distance from the 200-day EMA, ${pct(w.roc125)} 125-day ROC, ${pct(w.aboveEma50)} distance from the 50-day EMA, ${pct(w.roc20)} 20-day ROC, ${pct(w.ppoHistogramSlope)} 3-day slope of the PPO(12,26,9) histogram, ${pct(w.rsi14)} RSI(14). n/a: fewer than 200 bars, or no bar in the 7 days up to the as-of day.
${report.demo ? `Source: ${DEMO_DATA_LABEL}.\n` : ''}`;
}
