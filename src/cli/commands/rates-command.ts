/**
 * `marketdash rates [--as-of DATE] [--rate DGS10|DGS2] [--format table|json]`: yields and fed funds
 * with 1M/3M/YTD changes in bp and the 10y - 2y curve, the last FOMC decision and the next meeting,
 * the sectors and small/large caps ranked by sensitivity to falling rates (beta of daily returns per
 * +10 bp over 252 days, with 63-day and weekly figures), and small caps vs the Mag 7 after cuts.
 * JSON: the RatesReport of services/rates/rates-report.ts.
 */
import type { Command } from 'commander';
import { fixed, formatNumber, formatPercent, formatSignedPercent } from '../../domain/format/display-format.js';
import { DEMO_DATA_LABEL } from '../../services/demo-label.js';
import { type ChangesBp, type RatesReport, ratesReport } from '../../services/rates/rates-report.js';
import { withDataStore } from '../data-store.js';
import { globalOptions } from '../global-options.js';
import { parseFormat, renderFlatCsv, renderJson, renderTable, writeMissing, writeWarnings } from '../output-format.js';

interface RatesOptions {
  asOf?: string;
  rate?: string;
  format: string;
}

export function registerRatesCommand(program: Command): void {
  program
    .command('rates')
    .description(
      'Rates and the Fed: yields, fed funds, the curve, FOMC decisions, rate sensitivity, small caps after cuts',
    )
    .option('--as-of <date>', 'YYYY-MM-DD; the last value on or before it (default: latest)')
    .option('--rate <symbol>', 'the yield sensitivities are measured against: DGS10 or DGS2', 'DGS10')
    .option('--format <format>', 'table, json or csv', 'table')
    .action(async (opts: RatesOptions, cmd: Command) => {
      const format = parseFormat(opts.format);
      const report = await withDataStore(globalOptions(cmd), (store) =>
        ratesReport(store, { asOf: opts.asOf, rate: opts.rate }),
      );
      writeWarnings(report.warnings);
      process.stdout.write(
        format === 'json' ? renderJson(report) : format === 'csv' ? renderFlatCsv(report) : renderRates(report),
      );
      writeMissing(report.missing, opts.asOf);
    });
}

const bp = (x: number | null) => (x === null ? 'n/a' : `${x > 0 ? '+' : ''}${x} bp`);

export function renderRates(r: RatesReport): string {
  const out: string[] = [`Rates as of ${r.asOf}${r.demo ? ` (${DEMO_DATA_LABEL})` : ''}`, ''];
  const rows: { label: string; level: string; ch: ChangesBp }[] = r.levels.map((l) => ({
    label: `${l.symbol} (${l.date})`,
    level: `${fixed(l.level, 2)}%`,
    ch: l.changesBp,
  }));
  if (r.curve) rows.push({ label: '10y - 2y', level: `${fixed(r.curve.level, 2)} pts`, ch: r.curve.changesBp });
  out.push(
    renderTable(rows, [
      { header: 'Rate', value: (x) => x.label },
      { header: 'Level', value: (x) => x.level, align: 'right' },
      { header: '1M', value: (x) => bp(x.ch['1m']), align: 'right' },
      { header: '3M', value: (x) => bp(x.ch['3m']), align: 'right' },
      { header: 'YTD', value: (x) => bp(x.ch.ytd), align: 'right' },
    ]),
  );
  const d = r.lastDecision;
  if (d) {
    const move =
      d.decisionBp === 0 ? 'held' : d.decisionBp < 0 ? `cut ${-d.decisionBp} bp` : `raised ${d.decisionBp} bp`;
    const dff =
      d.dffChangeBp === null
        ? ''
        : `; fed funds (DFF) ${formatNumber(d.dffBefore)}% -> ${formatNumber(d.dffNow)}% (${bp(d.dffChangeBp)})`;
    out.push(`Last FOMC decision: ${d.date}, ${move}${dff}`);
  }
  if (r.nextMeeting) out.push(`Next FOMC meeting: ${r.nextMeeting.date}`);
  if (r.sensitivity.length > 0) {
    out.push(
      '',
      `Most sensitive to falling rates (${r.sensitivityRate}; return per +10 bp, negative = gains when yields fall)`,
    );
    const w = (row: RatesReport['sensitivity'][number], f: 'daily' | 'weekly', n: number) =>
      row.windows.find((x) => x.frequency === f && x.window === n);
    out.push(
      renderTable(r.sensitivity, [
        { header: '#', value: (x) => String(r.sensitivity.indexOf(x) + 1), align: 'right' },
        { header: 'Symbol', value: (x) => x.symbol },
        { header: 'Group', value: (x) => x.group },
        { header: 'Beta 252d', value: (x) => formatSignedPercent(x.betaPer10bp), align: 'right' },
        { header: 'Corr 252d', value: (x) => formatNumber(w(x, 'daily', 252)?.correlation ?? null), align: 'right' },
        {
          header: 'Beta 63d',
          value: (x) => formatSignedPercent(w(x, 'daily', 63)?.betaPer10bp ?? null),
          align: 'right',
        },
        { header: 'Corr 63d', value: (x) => formatNumber(w(x, 'daily', 63)?.correlation ?? null), align: 'right' },
        {
          header: 'Beta 52w',
          value: (x) => formatSignedPercent(w(x, 'weekly', 52)?.betaPer10bp ?? null),
          align: 'right',
        },
        { header: 'Corr 52w', value: (x) => formatNumber(w(x, 'weekly', 52)?.correlation ?? null), align: 'right' },
      ]),
    );
  }
  if (r.afterCuts) {
    out.push(`${r.afterCuts.pair} after FOMC cuts (from the decision-day close)`);
    out.push(
      renderTable(r.afterCuts.horizons, [
        { header: 'Sessions', value: (x) => String(x.sessions), align: 'right' },
        { header: 'Cuts', value: (x) => String(x.outcomes.length), align: 'right' },
        { header: 'Median', value: (x) => formatSignedPercent(x.median), align: 'right' },
        { header: 'Share up', value: (x) => formatPercent(x.shareUp, 0), align: 'right' },
      ]),
    );
  }
  return `${out.join('\n')}\n`;
}
