/**
 * `marketdash regime [--as-of DATE] [--since DATE] [--format table|json]`: the VIX level, its 1- and 5-year
 * percentile and lowest/highest-close-since dates; DGS2, DGS10, DFF and the 10y - 2y curve with
 * their change since a date and over 1M/3M/YTD, in basis points.
 */
import type { Command } from 'commander';
import { fixed, formatNumber } from '../../domain/format/display-format.js';
import { DEMO_DATA_LABEL } from '../../services/demo-label.js';
import { type RegimeReport, regimeReport } from '../../services/regime/regime-report.js';
import { withDataStore } from '../data-store.js';
import { globalOptions } from '../global-options.js';
import {
  parseFormat,
  renderFlatCsv,
  renderResultJson,
  renderTable,
  resultObject,
  writeMissing,
  writeWarnings,
} from '../output-format.js';

interface RegimeOptions {
  asOf?: string;
  since?: string;
  format: string;
}

export function registerRegimeCommand(program: Command): void {
  program
    .command('regime')
    .description(
      'Regime panel: VIX level and percentile, lowest/highest close since; 2- and 10-year yields, fed funds and the 10y-2y curve with changes in bp',
    )
    .option('--as-of <date>', 'YYYY-MM-DD; the last value on or before it (default: latest)')
    .option('--since <date>', 'base date for the yield changes (default: the previous year end)')
    .option('--format <format>', 'table, json or csv', 'table')
    .action(async (opts: RegimeOptions, cmd: Command) => {
      const format = parseFormat(opts.format);
      const report = await withDataStore(globalOptions(cmd), (store) =>
        regimeReport(store, { asOf: opts.asOf, since: opts.since }),
      );
      process.stdout.write(
        format === 'json'
          ? renderResultJson(report, { demo: report.demo })
          : format === 'csv'
            ? renderFlatCsv(resultObject(report, { demo: report.demo }))
            : renderRegime(report),
      );
      // a series stored only after the as-of day is said in its warning (with its first stored day), not again here
      const warned = new Set(report.warnings.flatMap((w) => (w.code === 'as-of-before-data' ? (w.symbols ?? []) : [])));
      writeMissing(
        report.missing.filter((t) => !warned.has(t)),
        report.requestedAsOf,
      );
      writeWarnings(report.warnings);
    });
}

const bp = (x: number | null) => (x === null ? 'n/a' : `${x > 0 ? '+' : ''}${x} bp`);
const windows = (ch: RegimeReport['rates'][number]['changesBp']) =>
  `1M ${bp(ch['1m'])}, 3M ${bp(ch['3m'])}, YTD ${bp(ch.ytd)}`;

export function renderRegime(r: RegimeReport): string {
  const rows: [string, string][] = [];
  const v = r.volatility;
  if (v) {
    const pct = (x: number | null) => (x === null ? 'n/a (too little history)' : fixed(x, 1));
    rows.push([`${v.symbol} close (${v.date})`, formatNumber(v.level)]);
    rows.push(['Percentile, 1 year', pct(v.percentile1y)]);
    rows.push(['Percentile, 5 years', pct(v.percentile5y)]);
    rows.push(['Lowest close since', v.lowestSince ?? 'lowest on record']);
    rows.push(['Highest close since', v.highestSince ?? 'highest on record']);
  }
  for (const x of r.rates) {
    const ch =
      x.change === null
        ? `n/a (nothing stored on or before ${r.since})`
        : `${bp(x.changeBp)} since ${x.sinceDate} (${formatNumber(x.sinceLevel)}%)`;
    rows.push([`${x.symbol} (${x.date})`, `${formatNumber(x.level)}%, ${ch}; ${windows(x.changesBp)}`]);
  }
  const c = r.curve2s10s;
  if (c)
    rows.push([
      `10y - 2y (${c.date})`,
      `${formatNumber(c.level)} pts${c.change === null ? '' : `, ${bp(Math.round(c.change * 100))} since ${r.since}`}; ${windows(c.changesBp)}`,
    ]);
  if (rows.length === 0)
    return `Regime: none of ^VIX, DGS2, DGS10, DFF is stored${r.requestedAsOf ? ` on or before ${r.requestedAsOf}` : ''}.\n`;
  return `${renderTable(rows, [
    { header: 'Regime', value: (x) => x[0] },
    { header: '', value: (x) => x[1] },
  ])}Percentile: share of the other closes of the window strictly below the latest (0 = lowest of the window).\n${r.demo ? `Source: ${DEMO_DATA_LABEL}.\n` : ''}`;
}
