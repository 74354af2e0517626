/**
 * `marketdash ratio <A> <B> [--from DATE] [--as-of DATE] [--total-return] [--format table|json|csv]`:
 * the ratio A/B on common dates, its last value and period returns. The JSON object is assembled in
 * one place, `ratioJson`, so further figures (a trendline, a breakout state) extend it there.
 */
import type { Command } from 'commander';
import { trendOptions } from '../../analytics/trend/trend-options.js';
import { formatPercent } from '../../domain/format/display-format.js';
import { PERIOD_KEYS, periodHeader } from '../../domain/period-keys.js';
import { DEMO_DATA_LABEL } from '../../services/demo-label.js';
import { type RatioReport, ratioJson, ratioReport } from '../../services/perf/ratio-report.js';
import {
  type BreakoutJson,
  parseLookbackYears,
  seriesTrendFields,
  type TrendJson,
} from '../../services/trend/trend-report.js';
import { withDataStore } from '../data-store.js';
import { globalOptions } from '../global-options.js';
import { type Column, parseFormat, renderCsv, renderResultJson, renderTable, writeWarnings } from '../output-format.js';
import { DROP_ORDER } from './perf-command.js';
import { trendTable } from './trend-table.js';

interface RatioOptions {
  from?: string;
  asOf?: string;
  totalReturn?: boolean;
  format?: string;
  trend?: boolean;
  lookbackYears?: string;
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
    .option('--lookback-years <years>', 'with --trend: first anchor this many years back, N or A-B', '2-7')
    .action(async (a: string, b: string, opts: RatioOptions, cmd: Command) => {
      const format = parseFormat(opts.format);
      // checked before any data is read, so a bad value is a usage error whatever the store holds
      const lookback = parseLookbackYears(opts.lookbackYears);
      const { report, demo } = await withDataStore(globalOptions(cmd), async (store, facts) => ({
        report: await ratioReport(store, {
          numerator: a,
          denominator: b,
          from: opts.from,
          asOf: opts.asOf,
          totalReturn: opts.totalReturn,
        }),
        demo: facts.demo,
      }));
      const label = demo && format === 'table' ? `Source: ${DEMO_DATA_LABEL}.\n` : '';
      writeWarnings(report.warnings);
      if (opts.trend) {
        const fields = seriesTrendFields(
          report.series.dates,
          report.series[report.field],
          report.asOfIndex,
          trendOptions(lookback),
        );
        process.stdout.write(`${renderRatioWithTrend(report, fields, format, demo)}${label}`);
      } else process.stdout.write(`${renderRatio(report, format, demo)}${label}`);
    });
}

export function renderRatio(report: RatioReport, format: string, demo = false): string {
  if (format === 'json') return renderResultJson(ratioJson(report), { demo, warnings: report.warnings });
  const flat = flatRow(report);
  const columns = Object.keys(flat).map(
    (header): Column<Record<string, string | number | null>> => ({ header, value: (r) => r[header] }),
  );
  if (format === 'csv') return renderCsv([flat], columns);
  const shown: Record<string, string | number | null> = {
    Ratio: `${report.numerator}/${report.denominator}`,
    'As of': report.asOf,
    Last: report.last.toPrecision(6),
  };
  for (const k of PERIOD_KEYS) shown[periodHeader(k)] = formatPercent(report.returns[k]);
  if (report.window !== null) shown[`Since ${report.window.from}`] = formatPercent(report.window.return);
  // past 120 columns the period returns go in perf's order (MAX, 10Y, 5Y, 3Y, 1M, 3M, 6M); the rest stay
  const dropOf = new Map(PERIOD_KEYS.map((k) => [periodHeader(k), DROP_ORDER[k]] as const));
  const tableColumns = Object.keys(shown).map((header): Column<Record<string, string | number | null>> => {
    const drop = dropOf.get(header);
    const text = header === 'Ratio' || header === 'As of' || header === 'Last';
    return {
      header,
      value: (r) => r[header],
      align: header === 'Ratio' || header === 'As of' ? 'left' : 'right',
      ...(text ? {} : { tone: 'sign' as const }),
      ...(drop === undefined ? {} : { drop }),
    };
  });
  const kind =
    report.field === 'adjClose'
      ? 'total return (adjusted closes)'
      : 'price return (closes; adjusted for dividends where a file gave only adjusted closes)';
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

/** `ratio --trend`: the ratio output with the `trend` and `breakout` keys (JSON), or a trend table after the ratio table. */
export function renderRatioWithTrend(
  report: RatioReport,
  fields: { trend: TrendJson | null; breakout: BreakoutJson | null },
  format: string,
  demo = false,
): string {
  if (format === 'json')
    return renderResultJson(
      { ...ratioJson(report), trend: fields.trend, breakout: fields.breakout },
      { demo, warnings: report.warnings },
    );
  if (format === 'csv') {
    const base = renderRatio(report, 'csv').trimEnd().split('\n');
    const t = fields.trend;
    const extra: [string, string | number][] = [
      ['trend_kind', t?.kind ?? ''],
      ['trend_anchor1_date', t?.anchors[0]?.date ?? ''],
      ['trend_anchor2_date', t?.anchors[1]?.date ?? ''],
      ['trend_touches', t?.touches ?? ''],
      ['trend_slope_log_per_year', t?.slopeLogPerYear ?? ''],
      ['trend_level_at_as_of', t?.levelAtAsOf ?? ''],
      ['trend_distance', t?.distance ?? ''],
      ['breakout_state', fields.breakout?.state ?? ''],
      ['breakout_since', fields.breakout?.since ?? ''],
    ];
    return `${base[0]},${extra.map((e) => e[0]).join(',')}\n${base[1]},${extra.map((e) => e[1]).join(',')}\n`;
  }
  return `${renderRatio(report, 'table')}\n${trendTable(`${report.numerator}/${report.denominator}`, report.asOf, report.last, fields.trend, fields.breakout)}`;
}
