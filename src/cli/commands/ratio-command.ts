/**
 * `marketdash ratio <A> <B> [--from DATE] [--as-of DATE] [--total-return] [--format table|json|csv]`:
 * the ratio A/B on common dates, its last value and period returns. The JSON object is assembled in
 * one place, `ratioJson`, so further figures (a trendline, a breakout state) extend it there.
 */
import type { Command } from 'commander';
import { PERIOD_KEYS } from '../../analytics/returns/period-returns.js';
import { trendOptions } from '../../analytics/trend/trend-options.js';
import { withStore } from '../../services/open-store.js';
import { type RatioReport, ratioReport } from '../../services/perf/ratio-report.js';
import { seriesTrendFields } from '../../services/trend/trend-report.js';
import { type Column, formatPercent, parseFormat, renderCsv, renderJson, renderTable } from '../output-format.js';
import { globalOptions } from '../program.js';
import { renderRatioWithTrend } from './trend-command.js';

interface RatioOptions {
  from?: string;
  asOf?: string;
  totalReturn?: boolean;
  format?: string;
  trend?: boolean;
}

export function registerRatioCommand(program: Command): void {
  program
    .command('ratio')
    .description('The ratio A/B on common dates: last value and 1d 5d mtd qtd ytd 1y 3y 5y returns')
    .argument('<A>', 'numerator symbol')
    .argument('<B>', 'denominator symbol (a basket such as MAG7 works too)')
    .option('--from <date>', 'YYYY-MM-DD: also report the ratio return since the last common close on or before it')
    .option('--as-of <date>', 'YYYY-MM-DD; a non-trading day means the last common trading day before it')
    .option('--total-return', 'use adjusted closes on both sides')
    .option('--format <format>', 'table, json or csv', 'table')
    .option('--trend', 'add the dominant multi-year trendline and breakout state ("trend", "breakout")')
    .action(async (a: string, b: string, opts: RatioOptions, cmd: Command) => {
      const format = parseFormat(opts.format);
      const report = await withStore(globalOptions(cmd), (store) =>
        ratioReport(store, { numerator: a, denominator: b, from: opts.from, asOf: opts.asOf, totalReturn: opts.totalReturn }),
      );
      if (opts.trend) {
        const fields = seriesTrendFields(report.series.dates, report.series[report.field], report.asOfIndex, trendOptions());
        process.stdout.write(renderRatioWithTrend(report, fields, format));
      } else process.stdout.write(renderRatio(report, format));
    });
}

/**
 * The `ratio` JSON contract: {"numerator","denominator","asOf","last","returns":{1d..5y}}, plus
 * "window":{"from","return"} when --from was given.
 */
export function ratioJson(report: RatioReport): Record<string, unknown> {
  const out: Record<string, unknown> = {
    numerator: report.numerator,
    denominator: report.denominator,
    asOf: report.asOf,
    last: report.last,
    returns: { ...report.returns },
  };
  if (report.window !== null) out.window = { from: report.window.from, return: report.window.return };
  return out;
}

export function renderRatio(report: RatioReport, format: string): string {
  if (format === 'json') return renderJson(ratioJson(report));
  const flat = flatRow(report);
  const columns = Object.keys(flat).map((header): Column<Record<string, string | number | null>> => ({ header, value: (r) => r[header] }));
  if (format === 'csv') return renderCsv([flat], columns);
  const shown: Record<string, string | number | null> = {
    Ratio: `${report.numerator}/${report.denominator}`,
    'As of': report.asOf,
    Last: report.last.toPrecision(6),
  };
  for (const k of PERIOD_KEYS) shown[k.toUpperCase()] = formatPercent(report.returns[k]);
  if (report.window !== null) shown[`Since ${report.window.from}`] = formatPercent(report.window.return);
  const tableColumns = Object.keys(shown).map(
    (header): Column<Record<string, string | number | null>> => ({ header, value: (r) => r[header], align: header === 'Ratio' || header === 'As of' ? 'left' : 'right' }),
  );
  const kind = report.field === 'adjClose' ? 'total return (adjusted closes)' : 'price return (closes)';
  return `${renderTable([shown], tableColumns)}Ratio on common trading days, as of ${report.asOf} (the last common trading day on or before the day asked); ${kind}.\n`;
}

function flatRow(report: RatioReport): Record<string, string | number | null> {
  const row: Record<string, string | number | null> = {
    numerator: report.numerator,
    denominator: report.denominator,
    asOf: report.asOf,
    last: report.last,
  };
  for (const k of PERIOD_KEYS) row[`return_${k}`] = report.returns[k];
  if (report.window !== null) {
    row.window_from = report.window.from;
    row.window_return = report.window.return;
  }
  return row;
}
