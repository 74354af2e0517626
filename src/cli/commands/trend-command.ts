/**
 * `marketdash trend <SYMBOL|A/B> [--as-of DATE] [--lookback-years 2-7] [--total-return] [--format table|json]`:
 * the dominant multi-year trendline (weekly closes, log space) and its breakout state. Also renders
 * the `trend`/`breakout` keys that `marketdash ratio --trend` adds to the ratio output.
 */
import type { Command } from 'commander';
import { withStore } from '../../services/open-store.js';
import type { RatioReport } from '../../services/perf/ratio-report.js';
import { type BreakoutJson, stateReading, type TrendJson, trendReport } from '../../services/trend/trend-report.js';
import { type Column, formatPercent, parseFormat, renderJson, renderTable } from '../output-format.js';
import { globalOptions } from '../program.js';
import { ratioJson, renderRatio } from './ratio-command.js';

interface TrendCommandOptions {
  asOf?: string;
  lookbackYears?: string;
  totalReturn?: boolean;
  format?: string;
}

export function registerTrendCommand(program: Command): void {
  program
    .command('trend')
    .description('Dominant multi-year trendline (weekly closes, log space) and breakout state: below, testing, breaking, confirmed, failed')
    .argument('<symbol>', 'a stored symbol (a basket such as MAG7 too) or a pair A/B such as SPSM/MAG7')
    .option('--as-of <date>', 'YYYY-MM-DD; a non-trading day means the last trading day before it')
    .option('--lookback-years <years>', 'first anchor this many years back: N or A-B', '2-7')
    .option('--total-return', 'use adjusted closes')
    .option('--format <format>', 'table or json', 'table')
    .action(async (symbol: string, opts: TrendCommandOptions, cmd: Command) => {
      const format = parseFormat(opts.format, ['table', 'json']);
      const report = await withStore(globalOptions(cmd), (store) => trendReport(store, { series: symbol, asOf: opts.asOf, lookbackYears: opts.lookbackYears, totalReturn: opts.totalReturn }));
      process.stdout.write(format === 'json' ? renderJson(report) : `${trendTable(report.symbol, report.asOf, report.last, report.trend, report.breakout)}`);
    });
}

/** `ratio --trend`: the ratio output with the `trend` and `breakout` keys (JSON), or a trend table after the ratio table. */
export function renderRatioWithTrend(report: RatioReport, fields: { trend: TrendJson | null; breakout: BreakoutJson | null }, format: string): string {
  if (format === 'json') return renderJson({ ...ratioJson(report), trend: fields.trend, breakout: fields.breakout });
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

function trendTable(symbol: string, asOf: string, last: number, trend: TrendJson | null, breakout: BreakoutJson | null): string {
  if (trend === null || breakout === null) {
    return `${symbol} as of ${asOf}: no trendline (no line through two weekly pivots 2-7 years back holds up to the last half year).\n`;
  }
  const row = {
    Series: symbol,
    'As of': asOf,
    Last: last.toPrecision(6),
    Trend: trend.kind,
    Anchors: trend.anchors.map((a) => `${a.date} @ ${a.value.toPrecision(6)}`).join(', '),
    Touches: trend.touches,
    'Slope/yr': formatPercent(Math.expm1(trend.slopeLogPerYear)),
    'Line at as-of': trend.levelAtAsOf.toPrecision(6),
    'vs line': formatPercent(trend.distance),
    State: breakout.state,
    Since: breakout.since,
    Reads: stateReading(trend.kind, breakout.state),
  };
  type Row = typeof row;
  const columns = (Object.keys(row) as (keyof Row)[]).map((header): Column<Row> => ({ header, value: (r) => r[header], align: header === 'Touches' || header === 'vs line' || header === 'Slope/yr' ? 'right' : 'left' }));
  return `${renderTable([row], columns)}Weekly closes (last close of each ISO week) in log space; slope shown as growth per year.\n`;
}
