/**
 * `marketdash seasonality SYMBOL|A/B [--window 12-15..01-05] [--as-of DATE] [--format table|json]`:
 * the return (or the ratio's change) over a calendar window in every stored year, the median, the
 * share of up years and this year so far; then the average return by calendar month with the
 * share of up years. JSON: the SeasonalityReport of services/seasonality/seasonality-report.ts.
 */
import type { Command } from 'commander';
import { formatPercent, formatSignedPercent, monthName } from '../../domain/format/display-format.js';
import { DEMO_DATA_LABEL } from '../../services/demo-label.js';
import {
  DEFAULT_WINDOW,
  type SeasonalityReport,
  seasonalityReport,
} from '../../services/seasonality/seasonality-report.js';
import { withDataStore } from '../data-store.js';
import { globalOptions } from '../global-options.js';
import { parseFormat, renderFlatCsv, renderJson, renderTable, writeWarnings } from '../output-format.js';

interface SeasonalityOptions {
  window: string;
  asOf?: string;
  format: string;
}

export function registerSeasonalityCommand(program: Command): void {
  program
    .command('seasonality')
    .description(
      'Seasonality: a calendar window in every stored year (median, share up, this year) and the monthly table',
    )
    .argument('<subject>', 'a stored symbol or a ratio A/B, e.g. XLK or IWM/MAG7')
    .option('--window <MM-DD..MM-DD>', 'the calendar window', DEFAULT_WINDOW)
    .option('--as-of <date>', 'YYYY-MM-DD (default: latest)')
    .option('--format <format>', 'table, json or csv', 'table')
    .action(async (subject: string, opts: SeasonalityOptions, cmd: Command) => {
      const format = parseFormat(opts.format);
      const report = await withDataStore(globalOptions(cmd), (store) =>
        seasonalityReport(store, { subject, window: opts.window, asOf: opts.asOf }),
      );
      writeWarnings(report.warnings);
      process.stdout.write(
        format === 'json' ? renderJson(report) : format === 'csv' ? renderFlatCsv(report) : renderSeasonality(report),
      );
    });
}

export function renderSeasonality(r: SeasonalityReport): string {
  const w = r.window;
  const what = r.subject.includes('/') ? 'change of the ratio' : 'return';
  const out = [
    `${r.subject}, ${what} over ${w.window} each year (${r.firstDate} to ${r.asOf})${r.demo ? ` (${DEMO_DATA_LABEL})` : ''}`,
    renderTable(w.years, [
      { header: 'Year', value: (x) => String(x.year) },
      { header: 'From', value: (x) => x.from },
      { header: 'To', value: (x) => x.to },
      { header: 'Change', value: (x) => formatSignedPercent(x.change), align: 'right' },
    ]),
    `Median ${formatSignedPercent(w.median)}, mean ${formatSignedPercent(w.mean)}, up in ${formatPercent(w.shareUp, 0)} of ${w.years.length} years`,
    w.current
      ? `This year so far (${w.current.from} to ${w.current.to}): ${formatSignedPercent(w.current.change)}`
      : '',
    '',
    'By calendar month (complete months)',
    renderTable(r.months, [
      { header: 'Month', value: (x) => monthName(x.month, true) },
      { header: 'Years', value: (x) => String(x.years), align: 'right' },
      { header: 'Mean', value: (x) => formatSignedPercent(x.mean), align: 'right' },
      { header: 'Median', value: (x) => formatSignedPercent(x.median), align: 'right' },
      { header: 'Up', value: (x) => formatPercent(x.shareUp, 0), align: 'right' },
    ]),
  ];
  return `${out.filter((l, i) => l !== '' || i === 4).join('\n')}`;
}
