/**
 * `marketdash report [--as-of DATE] [--format md|html|json] [--out FILE] [--snapshot DIR]`: the market
 * note written from the store, deterministic for the same data. `--snapshot DIR` also writes the rows
 * it used as CSV files that `marketdash import DIR/*` reads back, to rebuild the note offline.
 */
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../config/universe-config.js';
import { DataError } from '../../domain/errors.js';
import { renderHtml, renderMarkdown } from '../../note/report/render-note.js';
import { writeProblem } from '../../services/check/note-input.js';
import { withStore } from '../../services/open-store.js';
import { buildReport } from '../../services/report/build-report.js';
import { noteResult } from '../../services/report/note-result.js';
import { rebuildCommands, writeSnapshot } from '../../services/report/report-snapshot.js';
import { globalOptions } from '../global-options.js';
import { parseFormat, renderJson, writeWarnings } from '../output-format.js';

interface ReportOptions {
  asOf?: string;
  format?: string;
  out?: string;
  snapshot?: string;
}

export function registerReportCommand(program: Command): void {
  program
    .command('report')
    .description(
      'Write the market note (headline, sections, performance table, charts, provenance of every figure) from the store',
    )
    .option(
      '--as-of <date>',
      'YYYY-MM-DD (default: the last market close; rates aside); a non-trading day means the trading day before; a day past the last close means that close (with a warning)',
    )
    .option('--format <format>', 'md, html or json', 'md')
    .option('--out <file>', 'write the note to FILE instead of standard output')
    .option(
      '--snapshot <dir>',
      'also write every row the note used (breadth members and their group included) as files importable with marketdash import (and group import)',
    )
    .action(async (opts: ReportOptions, cmd: Command) => {
      const format = parseFormat(opts.format, ['md', 'html', 'json']);
      const built = await withStore(globalOptions(cmd), (store) =>
        buildReport(store, { asOf: opts.asOf, config: loadConfig() }),
      );
      writeWarnings(built.warnings);
      const text =
        format === 'html'
          ? renderHtml(built.note)
          : format === 'json'
            ? renderJson(noteResult(built.note, built.warnings))
            : renderMarkdown(built.note);
      if (opts.snapshot) {
        const paths = writeSnapshot(opts.snapshot, built.rowsUsed, built.breadthRows);
        process.stderr.write(
          `snapshot: ${paths.length} files, ${built.note.rows} rows in ${opts.snapshot} (fingerprint ${built.note.fingerprint}); rebuild with: ${rebuildCommands(opts.snapshot, built.breadthRows, built.note.asOf)}\n`,
        );
      }
      if (opts.out) {
        try {
          writeFileSync(opts.out, text);
        } catch (e) {
          throw new DataError(`--out: cannot write ${opts.out}: ${writeProblem(opts.out, e)}`, {
            cause: e,
            file: opts.out,
          });
        }
      } else process.stdout.write(text);
    });
}
