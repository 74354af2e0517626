/**
 * `marketdash events [--as-of DATE] [--group NAME] [--no-base-rates] [--format table|json]`: the market
 * events of every stored symbol (or a group) and the trendline state of each configured pair, with the
 * base rate of each. JSON: an array of {"type","symbol","date", ...figures, "baseRate"}.
 */
import type { Command } from 'commander';
import { loadConfig } from '../../config/universe-config.js';
import { formatPercent } from '../../domain/format/display-format.js';
import { DEMO_DATA_LABEL } from '../../services/demo-label.js';
import { type EventWithBaseRate, eventsReport } from '../../services/events/events-report.js';
import { stateReading } from '../../services/trend/trend-report.js';
import { withDataStore } from '../data-store.js';
import { globalOptions } from '../global-options.js';
import { type Column, parseFormat, renderResultJson, renderTable, writeWarnings } from '../output-format.js';

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
    .option('--group <name>', 'only the symbols of this config group (pairs are then left out)')
    .option('--no-base-rates', 'skip the base rates (faster)')
    .option('--format <format>', 'table or json', 'table')
    .action(async (opts: EventsOptions, cmd: Command) => {
      const format = parseFormat(opts.format, ['table', 'json']);
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
      const columns: Column<EventWithBaseRate>[] = [
        { header: 'Date', value: (e) => e.date },
        { header: 'Symbol', value: (e) => e.symbol },
        { header: 'Event', value: (e) => e.type },
        { header: 'What', value: describeEvent },
        { header: 'Before (n, 3m median, 3m up)', value: (e) => describeBaseRate(e) },
      ];
      const note =
        report.stale.length > 0
          ? `Left out (no data within 7 days of ${report.asOf}): ${report.stale.join(', ')}.\n`
          : '';
      const quiet = report.warnings.some((w) => w.code === 'as-of-after-data')
        ? `No events on ${report.asOf}, the last day of the data.\n`
        : 'No events.\n';
      const table = report.events.length === 0 ? quiet : renderTable(report.events, columns);
      const days = [...new Set(report.events.map((e) => e.date))].sort();
      const used =
        days.length === 0 || (days.length === 1 && days[0] === report.asOf)
          ? ''
          : ` (the last bar on or before it: ${days.length === 1 ? days[0] : `${days[0]} to ${days[days.length - 1]}`})`;
      process.stdout.write(
        `${table}Events as of ${report.asOf}${used}; base rates: earlier occurrences in the same series up to that day, forward returns over 63 trading days.\n${note}${demo ? `Source: ${DEMO_DATA_LABEL}.\n` : ''}`,
      );
    });
}

/** One line saying what happened, with the figures behind it. */
export function describeEvent(e: EventWithBaseRate): string {
  const pct = (x: number) => formatPercent(x);
  switch (e.type) {
    case 'new_ath':
      return `new all-time closing high ${e.close} (previous ${e.previousHigh.close} on ${e.previousHigh.date})`;
    case 'near_ath':
      return `${pct(e.distance)} from the all-time high ${e.ath.close} of ${e.ath.date}`;
    case 'new_52w_high':
    case 'new_52w_low':
      return `new 52-week ${e.type === 'new_52w_high' ? 'high' : 'low'} ${e.close} (previous ${e.previous.close} on ${e.previous.date})`;
    case 'highest_since':
    case 'lowest_since':
      return `${e.type === 'highest_since' ? 'highest' : 'lowest'} close since ${e.since} (${e.close}; ${e.sinceClose} then)`;
    case 'streak':
      return `${e.length} ${e.direction} days in a row (${pct(e.change)})`;
    case 'streak_end':
      return `ended a ${e.length}-day ${e.direction === 'up' ? 'winning' : 'losing'} streak (${pct(e.streakChange)}) with ${pct(e.change)}`;
    case 'ma_cross':
      return `${e.cross} cross: SMA${e.fastPeriod} ${e.fast.toPrecision(6)} vs SMA${e.slowPeriod} ${e.slow.toPrecision(6)}`;
    case 'trend_state':
      return `${e.kind} line from ${e.anchors[0]?.date}: ${e.state} (${stateReading(e.kind, e.state)}) since ${e.since}, ${pct(e.distance)} vs line${e.changed ? `; was ${e.previousState ?? 'no line'}` : ''}`;
  }
}

function describeBaseRate(e: EventWithBaseRate): string {
  const b = e.baseRate;
  if (b === undefined) return '';
  const h = b.horizons['3m'];
  if (h === undefined || h.n === 0) return `${b.count}`;
  return `${b.count}, ${formatPercent(h.median)}, ${formatPercent(h.sharePositive)}`;
}
