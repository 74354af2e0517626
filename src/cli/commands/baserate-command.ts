/**
 * `marketdash baserate --event NAME (--symbol SYM | --pair A/B) [--direction up|down|golden|death]
 * [--as-of DATE] [--format table|json]`: what followed the earlier occurrences of an event in a series:
 * count, median and share positive of forward returns over 1, 3 and 6 months (21, 63, 126 trading days),
 * and for breakouts the share still beyond the line 3 months later.
 */
import type { Command } from 'commander';
import { loadConfig } from '../../config/universe-config.js';
import { formatNumber, formatPercent } from '../../domain/format/display-format.js';
import { DEMO_DATA_LABEL } from '../../services/demo-label.js';
import { BASE_RATE_EVENTS, type BaseRateReport, baseRateReport } from '../../services/events/base-rate-report.js';
import { withDataStore } from '../data-store.js';
import { globalOptions } from '../global-options.js';
import {
  type Column,
  parseFormat,
  renderFlatCsv,
  renderResultJson,
  renderTable,
  resultObject,
  writeWarnings,
} from '../output-format.js';

interface BaseRateOptions {
  event: string;
  symbol?: string;
  pair?: string;
  direction?: string;
  asOf?: string;
  format?: string;
}

export function registerBaserateCommand(program: Command): void {
  program
    .command('baserate')
    .description(
      'Base rate of an event in a series: earlier occurrences and forward returns over 1, 3, 6 months (21/63/126 trading days)',
    )
    .requiredOption('--event <name>', BASE_RATE_EVENTS.join(' | '))
    .option('--symbol <symbol>', 'a stored symbol (baskets such as MAG7 too)')
    .option('--pair <A/B>', 'a pair such as SPSM/MAG7 (the ratio on common dates)')
    .option('--direction <dir>', 'streak / streak_end: up (default) or down; ma_cross: golden (default) or death')
    .option('--as-of <date>', 'YYYY-MM-DD: only data up to this day is used; default the last bar')
    .option('--format <format>', 'table, json or csv', 'table')
    .action(async (opts: BaseRateOptions, cmd: Command) => {
      const format = parseFormat(opts.format);
      const { report, demo } = await withDataStore(globalOptions(cmd), async (store, facts) => ({
        report: await baseRateReport(store, {
          event: opts.event,
          symbol: opts.symbol,
          pair: opts.pair,
          direction: opts.direction,
          asOf: opts.asOf,
          config: loadConfig(),
        }),
        demo: facts.demo,
      }));
      process.stdout.write(
        format === 'json'
          ? renderResultJson(report, { demo })
          : format === 'csv'
            ? renderFlatCsv(resultObject(report, { demo }))
            : `${renderBaseRate(report)}${demo ? `Source: ${DEMO_DATA_LABEL}.\n` : ''}`,
      );
      writeWarnings(report.warnings);
    });
}

function renderBaseRate(r: BaseRateReport): string {
  type Row = { label: string; days: number; n: number; median: string; mean: string; up: string };
  const rows: Row[] = Object.entries(r.horizons).map(([label, h]) => ({
    label,
    days: h.tradingDays,
    n: h.n,
    // a rate's forward moves are changes in bp; the share up of a few dozen occurrences in whole percent
    median: r.unit === 'bp' ? `${formatNumber(h.median, 0)} bp` : formatPercent(h.median),
    mean: r.unit === 'bp' ? `${formatNumber(h.mean, 0)} bp` : formatPercent(h.mean),
    up: formatPercent(h.sharePositive, 0),
  }));
  const columns: Column<Row>[] = [
    { header: 'Horizon', value: (x) => x.label },
    { header: 'Trading days', value: (x) => x.days, align: 'right' },
    { header: 'n', value: (x) => x.n, align: 'right' },
    { header: r.unit === 'bp' ? 'Median change' : 'Median', value: (x) => x.median, align: 'right' },
    { header: r.unit === 'bp' ? 'Mean change' : 'Mean', value: (x) => x.mean, align: 'right' },
    { header: 'Share up', value: (x) => x.up, align: 'right' },
  ];
  const head = `${r.event} on ${r.series}, as of ${r.asOf}: ${r.count} earlier occurrence${r.count === 1 ? '' : 's'}${r.cooldownTradingDays === null ? '' : ` (at most one per ${r.cooldownTradingDays} trading days)`}: ${r.occurrences.map((o) => o.date).join(', ') || 'none'}\n`;
  const held =
    r.stillAboveLine3m === undefined
      ? ''
      : `Still beyond the line 3 months (63 trading days) later: ${r.stillAboveLine3m.n === 0 ? 'n/a (none old enough)' : `${formatPercent(r.stillAboveLine3m.share, 0)} of ${r.stillAboveLine3m.n}`}\n`;
  return `${head}${renderTable(rows, columns)}${held}`;
}
