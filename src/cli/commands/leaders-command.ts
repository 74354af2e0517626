/**
 * `marketdash leaders --group NAME [--window 3m] [--as-of DATE] [--format table|json|csv]`: members ranked by
 * return over the window, their rank over the window before, and the change ("leadership shifting").
 */
import type { Command } from 'commander';
import type { LeadershipRow } from '../../analytics/leadership/leadership-ranks.js';
import { formatPercent } from '../../domain/format/display-format.js';
import { DEMO_DATA_LABEL } from '../../services/demo-label.js';
import { type LeadersReport, leadersReport } from '../../services/rotation/leaders-report.js';
import { withDataStore } from '../data-store.js';
import { globalOptions } from '../global-options.js';
import { type Column, parseFormat, renderCsv, renderResultJson, renderTable, writeWarnings } from '../output-format.js';

interface LeadersOptions {
  group: string;
  window: string;
  asOf?: string;
  totalReturn?: boolean;
  groupFile?: string;
  format: string;
}

export function registerLeadersCommand(program: Command): void {
  program
    .command('leaders')
    .description(
      'Leadership: a group ranked by return over a window, with the change in rank against the window before',
    )
    .requiredOption('--group <name>', 'a config group or an imported one')
    .option('--window <window>', 'ytd, or a count with w, m or y (4w, 3m, 6m, 1y)', '3m')
    .option('--as-of <date>', 'YYYY-MM-DD (default: the latest bar among the members)')
    .option('--total-return', 'adjusted closes (dividends reinvested) instead of closes')
    .option('--group-file <path>', 'user groups file (default: marketdash.groups.json)')
    .option('--format <format>', 'table, json or csv', 'table')
    .action(async (opts: LeadersOptions, cmd: Command) => {
      const format = parseFormat(opts.format);
      const report = await withDataStore(globalOptions(cmd), (store) =>
        leadersReport(store, {
          group: opts.group,
          window: opts.window,
          asOf: opts.asOf,
          totalReturn: opts.totalReturn,
          groupFile: opts.groupFile,
        }),
      );
      process.stdout.write(renderLeaders(report, format));
      if (report.missing.length > 0)
        process.stderr.write(`marketdash: no stored bars for ${report.missing.join(', ')} (left out)\n`);
      writeWarnings(report.warnings);
    });
}

const rank = (r: number | null) => (r === null ? 'n/a' : String(r));

function columns(report: LeadersReport): Column<LeadershipRow>[] {
  return [
    { header: 'Rank', value: (r) => rank(r.rank), align: 'right' },
    { header: 'Symbol', value: (r) => r.symbol },
    { header: `Return ${report.window.label}`, value: (r) => formatPercent(r.return), align: 'right', tone: 'sign' },
    { header: 'Prior rank', value: (r) => rank(r.previousRank), align: 'right' },
    {
      header: `Return ${report.previousWindow.label}`,
      value: (r) => formatPercent(r.previousReturn),
      align: 'right',
      tone: 'sign',
    },
    {
      header: 'Change',
      value: (r) => (r.rankChange === null ? 'n/a' : r.rankChange > 0 ? `+${r.rankChange}` : String(r.rankChange)),
      align: 'right',
      tone: 'sign',
    },
  ];
}

const CSV: readonly Column<LeadershipRow>[] = [
  { header: 'symbol', value: (r) => r.symbol },
  { header: 'return', value: (r) => r.return },
  { header: 'rank', value: (r) => r.rank },
  { header: 'previousReturn', value: (r) => r.previousReturn },
  { header: 'previousRank', value: (r) => r.previousRank },
  { header: 'rankChange', value: (r) => r.rankChange },
];

export function renderLeaders(report: LeadersReport, format: string): string {
  if (format === 'json') return renderResultJson(report, { demo: report.demo });
  if (format === 'csv') return renderCsv(report.rows, CSV);
  const w = report.window;
  const p = report.previousWindow;
  return `${renderTable(report.rows, columns(report))}
${report.group}, as of ${report.asOf}: returns from the last close on or before ${w.from} to the last on or before ${w.to}; prior window ${p.from} to ${p.to}. Change = prior rank - rank (positive = moved up).
${report.demo ? `Source: ${DEMO_DATA_LABEL}.\n` : ''}`;
}
