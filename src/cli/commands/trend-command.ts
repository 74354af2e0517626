/**
 * `marketdash trend <SYMBOL|A/B> [--as-of DATE] [--lookback-years 2-7] [--total-return] [--format table|json|csv]`:
 * the dominant multi-year trendline (weekly closes, log space) and its breakout state. Also renders
 * the `trend`/`breakout` keys that `marketdash ratio --trend` adds to the ratio output.
 */
import type { Command } from 'commander';
import { DEMO_DATA_LABEL } from '../../services/demo-label.js';
import { trendReport } from '../../services/trend/trend-report.js';
import { withDataStore } from '../data-store.js';
import { globalOptions } from '../global-options.js';
import { parseFormat, renderResultJson, writeWarnings } from '../output-format.js';
import { trendCsv, trendTable } from './trend-table.js';

interface TrendCommandOptions {
  asOf?: string;
  lookbackYears?: string;
  totalReturn?: boolean;
  format?: string;
}

export function registerTrendCommand(program: Command): void {
  program
    .command('trend')
    .description(
      'Dominant multi-year trendline (weekly closes, log space) and breakout state: below, testing, breaking, confirmed, failed',
    )
    .argument('<symbol>', 'a stored symbol (a basket such as MAG7 too) or a pair A/B such as SPSM/MAG7')
    .option('--as-of <date>', 'YYYY-MM-DD; a non-trading day means the last trading day before it')
    .option('--lookback-years <years>', 'first anchor this many years back: N or A-B', '2-7')
    .option('--total-return', 'use adjusted closes')
    .option('--format <format>', 'table, json or csv', 'table')
    .action(async (symbol: string, opts: TrendCommandOptions, cmd: Command) => {
      const format = parseFormat(opts.format);
      const { report, demo } = await withDataStore(globalOptions(cmd), async (store, facts) => ({
        report: await trendReport(store, {
          series: symbol,
          asOf: opts.asOf,
          lookbackYears: opts.lookbackYears,
          totalReturn: opts.totalReturn,
        }),
        demo: facts.demo,
      }));
      writeWarnings(report.warnings);
      process.stdout.write(
        format === 'json'
          ? renderResultJson(report, { demo, warnings: report.warnings })
          : format === 'csv'
            ? trendCsv(report.symbol, report.asOf, report.last, report.stale, report.trend, report.breakout)
            : `${trendTable(report.symbol, report.asOf, report.last, report.trend, report.breakout)}${demo ? `Source: ${DEMO_DATA_LABEL}.\n` : ''}`,
      );
    });
}
