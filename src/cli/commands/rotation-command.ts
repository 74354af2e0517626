/**
 * `marketdash rotation --group NAME --benchmark SPY [--as-of DATE] [--tail 8] [--interval weekly|daily]
 * [--format table|json|csv]`: relative rotation (RS-Ratio, RS-Momentum, quadrant, heading, tail) of each
 * member against the benchmark. JSON is an array of
 * {"symbol","rsRatio","rsMomentum","quadrant","heading","tail":[{"date","rsRatio","rsMomentum"}]}.
 */
import type { Command } from 'commander';
import { quadrantOf } from '../../analytics/rotation/relative-rotation.js';
import { UsageError } from '../../domain/errors.js';
import { fixed, formatNumber } from '../../domain/format/display-format.js';
import { DEMO_DATA_LABEL } from '../../services/demo-label.js';
import { type RotationReport, rotationReport } from '../../services/rotation/rotation-report.js';
import { withDataStore } from '../data-store.js';
import { globalOptions } from '../global-options.js';
import { type Column, parseFormat, renderCsv, renderResultJson, renderTable, writeWarnings } from '../output-format.js';

interface RotationOptions {
  group: string;
  benchmark: string;
  asOf?: string;
  tail: string;
  interval: string;
  ratioWindow: string;
  momentumWindow: string;
  rocPeriod: string;
  totalReturn?: boolean;
  groupFile?: string;
  format: string;
}

function wholeNumber(text: string, parameter: string, min: number): number {
  const n = Number(text);
  if (!Number.isInteger(n) || n < min)
    throw new UsageError(`${parameter}: '${text}' must be a whole number >= ${min}`, { parameter });
  return n;
}

export function registerRotationCommand(program: Command): void {
  program
    .command('rotation')
    .description('Relative rotation of a group against a benchmark: RS-Ratio, RS-Momentum, quadrant, heading and tail')
    .requiredOption('--group <name>', 'a config group (sectors, mag7, smallcaps ...) or an imported one')
    .option('--benchmark <symbol>', 'the benchmark', 'SPY')
    .option('--as-of <date>', 'YYYY-MM-DD; the benchmark bar on or before it (default: latest)')
    .option('--tail <n>', 'points of tail per member', '8')
    .option('--interval <interval>', 'weekly or daily', 'weekly')
    .option('--ratio-window <n>', 'RS-Ratio z-score window (bars)', '14')
    .option('--momentum-window <n>', 'RS-Momentum z-score window (bars)', '14')
    .option('--roc-period <n>', 'rate-of-change look-back of RS-Ratio (bars)', '5')
    .option('--total-return', 'adjusted closes (dividends reinvested) instead of closes')
    .option('--group-file <path>', 'user groups file (default: marketdash.groups.json)')
    .option('--format <format>', 'table, json or csv', 'table')
    .action(async (opts: RotationOptions, cmd: Command) => {
      const format = parseFormat(opts.format);
      const params = {
        ratioWindow: wholeNumber(opts.ratioWindow, '--ratio-window', 2),
        momentumWindow: wholeNumber(opts.momentumWindow, '--momentum-window', 2),
        rocPeriod: wholeNumber(opts.rocPeriod, '--roc-period', 1),
      };
      const tail = wholeNumber(opts.tail, '--tail', 1);
      const report = await withDataStore(globalOptions(cmd), (store) =>
        rotationReport(store, {
          group: opts.group,
          benchmark: opts.benchmark,
          asOf: opts.asOf,
          tail,
          interval: opts.interval,
          params,
          totalReturn: opts.totalReturn,
          groupFile: opts.groupFile,
        }),
      );
      writeWarnings(report.warnings.filter((w) => w.code !== 'not-computed'));
      process.stdout.write(
        format === 'json'
          ? renderResultJson(
              { asOf: report.asOf, benchmark: report.benchmark, rows: report.rows },
              { demo: report.demo, warnings: report.warnings },
            )
          : format === 'csv'
            ? renderCsv(report.rows, CSV_COLUMNS)
            : renderRotationTable(report),
      );
      if (report.missing.length > 0)
        process.stderr.write(`marketdash: no stored bars for ${report.missing.join(', ')} (left out)\n`);
    });
}

const QUADRANT_CODE = { leading: 'Le', weakening: 'We', lagging: 'La', improving: 'Im' } as const;

type RotationRow = RotationReport['rows'][number];

const COLUMNS: readonly Column<RotationRow>[] = [
  { header: 'Symbol', value: (r) => r.symbol },
  // a member whose own last bar is before the table's day shows that day, marked (like perf)
  { header: 'As of', value: (r) => (r.stale ? `${r.asOf || 'n/a'}*` : r.asOf), tone: 'stale' },
  { header: 'Quadrant', value: (r) => r.quadrant ?? 'n/a' },
  { header: 'RS-Ratio', value: (r) => formatNumber(r.rsRatio), align: 'right' },
  { header: 'RS-Momentum', value: (r) => formatNumber(r.rsMomentum), align: 'right' },
  { header: 'Heading', value: (r) => (r.heading === null ? 'n/a' : `${fixed(r.heading, 0)}°`), align: 'right' },
  { header: 'Tail from', value: (r) => r.tail[0]?.date ?? '' },
  {
    header: 'Tail (oldest first)',
    value: (r) => r.tail.map((p) => QUADRANT_CODE[quadrantOf(p.rsRatio, p.rsMomentum)]).join(' '),
  },
];

/** One row per member, machine values; the tail as `date:rsRatio:rsMomentum` points, oldest first. */
const CSV_COLUMNS: readonly Column<RotationRow>[] = [
  { header: 'symbol', value: (r) => r.symbol },
  { header: 'asOf', value: (r) => r.asOf },
  { header: 'stale', value: (r) => String(r.stale) },
  { header: 'quadrant', value: (r) => r.quadrant },
  { header: 'rsRatio', value: (r) => r.rsRatio },
  { header: 'rsMomentum', value: (r) => r.rsMomentum },
  { header: 'heading', value: (r) => r.heading },
  { header: 'tail', value: (r) => r.tail.map((p) => `${p.date}:${p.rsRatio}:${p.rsMomentum}`).join(' ') },
];

export function renderRotationTable(r: RotationReport): string {
  const order = { leading: 0, weakening: 1, improving: 2, lagging: 3 } as const;
  const rows = [...r.rows].sort(
    (a, b) =>
      (a.quadrant === null ? 9 : order[a.quadrant]) - (b.quadrant === null ? 9 : order[b.quadrant]) ||
      (b.rsRatio ?? 0) - (a.rsRatio ?? 0),
  );
  const p = r.params;
  const stale = rows.some((x) => x.stale)
    ? `* stale: the member's data ends before ${r.asOf}; its figures are as of its own last bar.\n`
    : '';
  return `${renderTable(rows, COLUMNS)}${stale}
${r.group} vs ${r.benchmark}, ${r.interval}, as of ${r.asOf}${r.requestedAsOf && r.requestedAsOf !== r.asOf ? ` (asked ${r.requestedAsOf})` : ''}. RS-Ratio = 100 + z-score of RS = 100 x price / benchmark over ${p.ratioWindow} bars; RS-Momentum = 100 + z-score over ${p.momentumWindow} bars of the ${p.rocPeriod}-bar rate of change of RS-Ratio. Heading: degrees, 0 = east (RS-Ratio rising), counter-clockwise. Tail: Le leading, We weakening, La lagging, Im improving.
${r.demo ? `Source: ${DEMO_DATA_LABEL}.\n` : ''}`;
}
