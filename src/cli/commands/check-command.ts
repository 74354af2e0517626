/**
 * `marketdash check <FILE | -> [--as-of DATE] [--tolerance 0.0005] [--format text|json]`: verifies the
 * claims of a piece of market commentary against the store. Exit 0 when nothing is contradicted,
 * 1 when something is, 2 on a usage or data error (a missing file, an empty store, a bad option).
 */
import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig } from '../../config/universe-config.js';
import { isMarketDashError, UsageError } from '../../domain/errors.js';
import { countVerdicts } from '../../note/check/claim-verdict.js';
import { renderCheckText } from '../../note/check/render-check.js';
import { checkNote } from '../../services/check/check-note.js';
import { withStore } from '../../services/open-store.js';
import { globalOptions } from '../global-options.js';
import { parseFormat, renderJson } from '../output-format.js';

interface CheckOptions {
  asOf?: string;
  tolerance?: string;
  format?: string;
}

function readInput(file: string): string {
  if (file === '-') return readFileSync(0, 'utf8');
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`FILE: cannot read '${file}' (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`, {
      parameter: 'FILE',
      cause: e,
    });
  }
}

export function registerCheckCommand(program: Command): void {
  program
    .command('check')
    .description(
      'Check the figures of market commentary (returns, all-time highs, since, streaks, trendlines) against the store',
    )
    .argument('<file>', "the commentary to check, or '-' for standard input")
    .option('--as-of <date>', 'YYYY-MM-DD to check as of (default: the latest stored date)')
    .option('--tolerance <fraction>', 'allowed difference for a return, as a fraction (0.0005 = 0.05 pp)', '0.0005')
    .option('--format <format>', 'text (the commentary marked inline) or json', 'text')
    .action(async (file: string, opts: CheckOptions, cmd: Command) => {
      const format = parseFormat(opts.format, ['text', 'json']);
      const tolerance = Number(opts.tolerance);
      if (opts.tolerance === undefined || opts.tolerance.trim() === '' || !Number.isFinite(tolerance)) {
        throw new UsageError(`--tolerance: '${opts.tolerance}' is not a number`, { parameter: '--tolerance' });
      }
      const text = readInput(file);
      let report: Awaited<ReturnType<typeof checkNote>>;
      try {
        report = await withStore(globalOptions(cmd), (store) =>
          checkNote(store, { text, asOf: opts.asOf, tolerance, config: loadConfig() }),
        );
      } catch (e) {
        // The checker's own exit code 1 means "contradicted": a data problem here is exit 2.
        if (isMarketDashError(e) && e.kind !== 'usage') throw new UsageError(e.message, { cause: e });
        throw e;
      }
      if (format === 'json') {
        const claims = report.claims.map(({ line: _line, matchesCloseOf: _m, ...c }) => c);
        process.stdout.write(renderJson({ asOf: report.asOf, claims }));
      } else process.stdout.write(renderCheckText(report.text, report));
      process.exitCode = countVerdicts(report).contradicted > 0 ? 1 : 0;
    });
}
