/**
 * `marketdash check <FILE|FOLDER|-...> [--as-of DATE] [--tolerance 0.0005] [--format text|json|csv|html]
 * [--max-bytes N]`: verifies the claims of market commentary against the store. One note prints the
 * note with each claim's verdict sentence in place (text), the JSON contract, one CSV row per claim,
 * or a marked-up HTML page. Several notes (files, or folders read whole) print one summary row per
 * note (text, csv) or every note's report (json). Exit 0 when nothing is contradicted, 1 when
 * something is, 2 on a usage or data error (a missing or binary file, an empty store, a bad option).
 */

import type { Command } from 'commander';
import { loadConfig } from '../../config/universe-config.js';
import { ensureDefined } from '../../domain/ensure.js';
import { UsageError } from '../../domain/errors.js';
import { type CheckReport, type ClaimVerdict, countVerdicts } from '../../note/check/claim-verdict.js';
import { renderCheckText } from '../../note/check/render-check.js';
import { renderCheckHtml } from '../../note/check/render-check-html.js';
import { checkNote } from '../../services/check/check-note.js';
import { DEFAULT_MAX_BYTES, type NoteInput, readNoteInputs } from '../../services/check/note-input.js';
import { withStore } from '../../services/open-store.js';
import { readStdinText } from '../command-io.js';
import { globalOptions } from '../global-options.js';
import { type Column, parseFormat, renderCsv, renderJson, renderTable } from '../output-format.js';

interface CheckOptions {
  asOf?: string;
  tolerance?: string;
  format?: string;
  maxBytes?: string;
}

interface Checked {
  readonly name: string;
  readonly report: CheckReport;
}

/** The JSON of one note: the contract's fields, in order. */
function reportJson(r: CheckReport): Record<string, unknown> {
  return {
    asOf: r.asOf,
    asOfSource: r.asOfSource,
    warnings: r.warnings,
    counts: countVerdicts(r),
    claims: r.claims,
  };
}

const CLAIM_COLUMNS: Column<{ name: string; c: ClaimVerdict }>[] = [
  { header: 'file', value: (r) => r.name },
  { header: 'line', value: (r) => r.c.line },
  { header: 'start', value: (r) => r.c.span.start },
  { header: 'end', value: (r) => r.c.span.end },
  { header: 'symbol', value: (r) => r.c.symbol },
  { header: 'metric', value: (r) => r.c.metric },
  { header: 'period', value: (r) => r.c.period },
  { header: 'claimed', value: (r) => (r.c.claimed === null ? null : String(r.c.claimed)) },
  { header: 'actual', value: (r) => (r.c.actual === null ? null : String(r.c.actual)) },
  { header: 'verdict', value: (r) => r.c.verdict },
  { header: 'basis', value: (r) => r.c.basis },
  { header: 'matchesCloseOf', value: (r) => r.c.matchesCloseOf },
  { header: 'asOf', value: (r) => r.c.asOf },
  { header: 'sentence', value: (r) => r.c.sentence },
];

const SUMMARY_COLUMNS: Column<Checked>[] = [
  { header: 'note', value: (r) => r.name },
  { header: 'asOf', value: (r) => r.report.asOf },
  { header: 'asOfSource', value: (r) => r.report.asOfSource.source },
  { header: 'claims', value: (r) => r.report.claims.length, align: 'right' },
  { header: 'supported', value: (r) => countVerdicts(r.report).supported, align: 'right' },
  { header: 'contradicted', value: (r) => countVerdicts(r.report).contradicted, align: 'right' },
  { header: 'unverifiable', value: (r) => countVerdicts(r.report).unverifiable, align: 'right' },
];

function render(format: string, checked: readonly Checked[]): string {
  if (checked.length === 1) {
    const { name, report } = ensureDefined(checked[0], 'the checked note');
    if (format === 'json') return renderJson(reportJson(report));
    if (format === 'csv')
      return renderCsv(
        report.claims.map((c) => ({ name, c })),
        CLAIM_COLUMNS,
      );
    if (format === 'html') return renderCheckHtml(report, name === '-' ? 'Claim check' : `Claim check: ${name}`);
    return renderCheckText(report);
  }
  if (format === 'json')
    return renderJson({ notes: checked.map(({ name, report }) => ({ note: name, ...reportJson(report) })) });
  if (format === 'csv') return renderCsv(checked, SUMMARY_COLUMNS);
  if (format === 'html')
    throw new UsageError('--format: html shows one note; for several notes use text, json or csv', {
      parameter: '--format',
    });
  const wrong = checked.flatMap(({ name, report }) =>
    report.claims.filter((c) => c.verdict === 'contradicted').map((c) => `  ${name}:${c.line}: ${c.sentence}`),
  );
  const totals = checked.reduce(
    (t, { report }) => {
      const n = countVerdicts(report);
      return {
        claims: t.claims + report.claims.length,
        supported: t.supported + n.supported,
        contradicted: t.contradicted + n.contradicted,
        unverifiable: t.unverifiable + n.unverifiable,
      };
    },
    { claims: 0, supported: 0, contradicted: 0, unverifiable: 0 },
  );
  return `${renderTable(checked, SUMMARY_COLUMNS)}\n${checked.length} notes, ${totals.claims} claims: ${totals.supported} supported, ${totals.contradicted} contradicted, ${totals.unverifiable} unverifiable\n${wrong.length ? `\nContradicted:\n${wrong.join('\n')}\n` : ''}`;
}

export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description(
      'Check the figures of market commentary (returns, records, lows and highs since, streaks, trendlines, levels, spreads) against the store',
    )
    .argument('<inputs...>', "notes to check: files (text, Markdown, HTML), folders of them, or '-' for standard input")
    .option(
      '--as-of <date>',
      'YYYY-MM-DD to check as of (default: the date the note states, else the last market close); a day past the last close means that close (with a warning)',
    )
    .option('--tolerance <fraction>', 'allowed difference for a return, as a fraction (0.0005 = 0.05 pp)', '0.0005')
    .option('--format <format>', 'text, json, csv or html (html: one note)', 'text')
    .option('--max-bytes <n>', `largest note read, in bytes (default ${DEFAULT_MAX_BYTES})`)
    .action(async (inputs: string[], opts: CheckOptions, cmd: Command) => {
      const format = parseFormat(opts.format, ['text', 'json', 'csv', 'html']);
      const tolerance = Number(opts.tolerance);
      if (opts.tolerance === undefined || opts.tolerance.trim() === '' || !Number.isFinite(tolerance)) {
        throw new UsageError(`--tolerance: '${opts.tolerance}' is not a number`, { parameter: '--tolerance' });
      }
      const maxBytes = opts.maxBytes === undefined ? DEFAULT_MAX_BYTES : Number(opts.maxBytes);
      if (opts.maxBytes !== undefined && !/^\d+$/.test(opts.maxBytes.trim()))
        throw new UsageError(`--max-bytes: '${opts.maxBytes}' is not a whole number of bytes`, {
          parameter: '--max-bytes',
        });
      const notes: NoteInput[] = readNoteInputs(inputs, maxBytes, () => Buffer.from(readStdinText()));
      // a data problem or an empty store exits 1, as a contradicted claim does (docs/cli.md's exit codes)
      const checked = await withStore(globalOptions(cmd), async (store) => {
        const out: Checked[] = [];
        const config = loadConfig();
        for (const n of notes)
          out.push({
            name: n.name,
            report: await checkNote(store, { text: n.text, asOf: opts.asOf, tolerance, config }),
          });
        return out;
      });
      process.stdout.write(render(format, checked));
      // what to run so that unverifiable claims can be checked: the CLI's own words, on stderr
      for (const hint of new Set(checked.flatMap((c) => c.report.cliHints ?? [])))
        process.stderr.write(`marketdash: ${hint}\n`);
      process.exitCode = checked.some((c) => countVerdicts(c.report).contradicted > 0) ? 1 : 0;
    });
}
