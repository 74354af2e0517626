/**
 * `marketdash events [--as-of DATE] [--group NAME] [--no-base-rates] [--format table|json|csv]`: the market
 * events of every stored symbol (or a group) and the trendline state of each configured pair, with the
 * base rate of each. JSON: an array of {"type","symbol","date", ...figures, "baseRate"}.
 */
import type { Command } from 'commander';
import { loadConfig } from '../../config/universe-config.js';
import { formatNumber, formatPercent, formatPrice } from '../../domain/format/display-format.js';
import { indefiniteArticle } from '../../note/report/wording.js';
import { DEMO_DATA_LABEL } from '../../services/demo-label.js';
import { type EventsReport, type EventWithBaseRate, eventsReport } from '../../services/events/events-report.js';
import { stateReading } from '../../services/trend/trend-report.js';
import { withDataStore } from '../data-store.js';
import { globalOptions } from '../global-options.js';
import { type Column, parseFormat, renderCsv, renderResultJson, renderTable, writeWarnings } from '../output-format.js';

interface EventsOptions {
  asOf?: string;
  group?: string;
  baseRates?: boolean;
  format?: string;
}

export function registerEventsCommand(program: Command): void {
  program
    .command('events')
    .description(
      'Market events as of a day: new/near ATH, 52-week highs and lows, highest/lowest close since, streaks and their end, 50/200 crosses, pair trendline states, each with its base rate',
    )
    .option('--as-of <date>', 'YYYY-MM-DD; default: the latest bar in the store')
    .option('--group <name>', 'only the symbols of this group, imported or of the config (pairs are then left out)')
    .option('--no-base-rates', 'skip the base rates (faster)')
    .option('--format <format>', 'table, json or csv', 'table')
    .action(async (opts: EventsOptions, cmd: Command) => {
      const format = parseFormat(opts.format);
      const { report, demo } = await withDataStore(globalOptions(cmd), async (store, facts) => ({
        report: await eventsReport(store, {
          asOf: opts.asOf,
          group: opts.group,
          config: loadConfig(),
          baseRates: opts.baseRates,
        }),
        demo: facts.demo,
      }));
      writeWarnings(report.warnings);
      if (format === 'json') {
        process.stdout.write(
          renderResultJson({ asOf: report.asOf, rows: report.events }, { demo, warnings: report.warnings }),
        );
        return;
      }
      if (format === 'csv') {
        process.stdout.write(renderCsv(report.events, CSV_COLUMNS));
        return;
      }
      process.stdout.write(eventsTable(report, demo, opts.baseRates !== false));
    });
}

/**
 * The events table for people: one row per event with its base rate (the "Before" column, left out with
 * --no-base-rates, which computes none), then the day used, the left-out symbols and the demo label.
 */
export function eventsTable(report: EventsReport, demo: boolean, withBaseRates = true): string {
  const columns: Column<EventWithBaseRate>[] = [
    { header: 'Date', value: (e) => e.date },
    { header: 'Symbol', value: (e) => e.symbol },
    { header: 'Event', value: (e) => e.type },
    { header: 'What', value: describeEvent, wrap: true },
  ];
  if (withBaseRates) columns.push({ header: 'Before (n, 3m median, 3m up)', value: (e) => describeBaseRate(e) });
  const note =
    report.stale.length > 0 ? `Left out (no data within 7 days of ${report.asOf}): ${report.stale.join(', ')}.\n` : '';
  const quiet = report.warnings.some((w) => w.code === 'as-of-after-data')
    ? `No events on ${report.asOf}, the last day of the data.\n`
    : report.warnings.some((w) => w.code === 'short-history')
      ? 'No events found; too little history to look for some of them (see the warning).\n'
      : 'No events.\n';
  const table = report.events.length === 0 ? quiet : renderTable(report.events, columns);
  const days = [...new Set(report.events.map((e) => e.date))].sort();
  const used =
    days.length === 0 || (days.length === 1 && days[0] === report.asOf)
      ? ''
      : ` (the last bar on or before it: ${days.length === 1 ? days[0] : `${days[0]} to ${days[days.length - 1]}`})`;
  const rates = withBaseRates
    ? 'base rates: earlier occurrences in the same series up to that day, forward returns over 63 trading days (for rates, changes in basis points).'
    : 'base rates not computed (--no-base-rates).';
  return `${table}Events as of ${report.asOf}${used}; ${rates}\n${note}${demo ? `Source: ${DEMO_DATA_LABEL}.\n` : ''}`;
}

/** One row per event, machine values: the base rate's 3-month figures (fractions; bp for rates). */
const CSV_COLUMNS: readonly Column<EventWithBaseRate>[] = [
  { header: 'date', value: (e) => e.date },
  { header: 'symbol', value: (e) => e.symbol },
  { header: 'type', value: (e) => e.type },
  { header: 'what', value: describeEvent },
  { header: 'baseRateCount', value: (e) => e.baseRate?.count },
  { header: 'baseRateUnit', value: (e) => (e.baseRate === undefined ? null : (e.baseRate.unit ?? 'return')) },
  { header: 'n3m', value: (e) => e.baseRate?.horizons['3m']?.n },
  { header: 'median3m', value: (e) => e.baseRate?.horizons['3m']?.median },
  { header: 'shareUp3m', value: (e) => e.baseRate?.horizons['3m']?.sharePositive },
];

/**
 * One line saying what happened, with the figures behind it. Prices print to a cent (four decimals
 * under 1: formatPrice); a rate (DGS2, DGS10, DFF) reads as a level in percent with its moves in
 * basis points ("4 down days in a row (-12 bp)").
 */
export function describeEvent(e: EventWithBaseRate): string {
  const pct = (x: number) => formatPercent(x);
  const rate = e.rate === true;
  const level = (x: number) => (rate ? `${formatNumber(x, 2)}%` : formatPrice(x));
  const bp = (x: number | undefined) => `${x !== undefined && x > 0 ? '+' : ''}${formatNumber(x, 0)} bp`;
  const move = (fraction: number, inBp: number | undefined) => (rate ? bp(inBp) : pct(fraction));
  const close = rate ? 'level' : 'close';
  switch (e.type) {
    case 'new_ath':
      return `new all-time ${rate ? 'high' : 'closing high'} ${level(e.close)} (previous ${level(e.previousHigh.close)} on ${e.previousHigh.date})`;
    case 'near_ath':
      return `${move(e.distance, e.distanceBp)} from the all-time high ${level(e.ath.close)} of ${e.ath.date}`;
    case 'new_52w_high':
    case 'new_52w_low':
      return `new 52-week ${e.type === 'new_52w_high' ? 'high' : 'low'} ${level(e.close)} (previous ${level(e.previous.close)} on ${e.previous.date})`;
    case 'highest_since':
    case 'lowest_since':
      return `${e.type === 'highest_since' ? 'highest' : 'lowest'} ${close} since ${e.since} (${level(e.close)}; ${level(e.sinceClose)} then)`;
    case 'streak':
      return `${e.length} ${e.direction} days in a row (${move(e.change, e.changeBp)})`;
    case 'streak_end': {
      const days = `${e.length}-day`;
      return `ended ${indefiniteArticle(days)} ${days} ${e.direction === 'up' ? 'winning' : 'losing'} streak (${move(e.streakChange, e.streakChangeBp)}) with ${move(e.change, e.changeBp)}`;
    }
    case 'ma_cross':
      return `${e.cross} cross: SMA${e.fastPeriod} ${level(e.fast)} vs SMA${e.slowPeriod} ${level(e.slow)}`;
    case 'trend_state':
      return `${e.kind} line from ${e.anchors[0]?.date}: ${e.state} (${stateReading(e.kind, e.state)}) since ${e.since}, ${pct(e.distance)} vs line${e.changed ? `; was ${e.previousState ?? 'no line'}` : ''}`;
  }
}

/**
 * "n, 3m median, 3m up": the count of earlier occurrences, the median move 63 trading days later (a
 * percent return; bp for a rate) and the share of them that were up, in whole percent (a share of a few
 * dozen events has no meaningful decimals).
 */
function describeBaseRate(e: EventWithBaseRate): string {
  const b = e.baseRate;
  if (b === undefined) return '';
  const h = b.horizons['3m'];
  if (h === undefined || h.n === 0) return `${b.count}`;
  const median = b.unit === 'bp' ? `${formatNumber(h.median, 0)} bp` : formatPercent(h.median);
  return `${b.count}, ${median}, ${formatPercent(h.sharePositive, 0)}`;
}
