/**
 * `marketdash symbols [--format table|json|csv] [--check | --gaps]`: what the store holds, one row per symbol: ticker,
 * name, kind, first and last date, row count and where the bars came from.
 * JSON: `[{"ticker","name","kind","currency","firstDate","lastDate","rows","sources":[...]}]`.
 */
import type { Command } from 'commander';
import type { SymbolSummary } from '../../domain/symbol-info.js';
import { holdsDemoBars } from '../../services/demo-label.js';
import { withStore } from '../../services/open-store.js';
import { globalOptions } from '../global-options.js';
import { type Column, parseFormat, renderCsv, renderResultJson, renderTable } from '../output-format.js';
import { runSymbolChecks } from './symbols-check-output.js';

export function registerSymbolsCommand(program: Command): void {
  program
    .command('symbols')
    .description('List stored symbols with their first/last date, row count and source')
    .option('--format <format>', 'table, json or csv', 'table')
    .option('--check', 'check each symbol: missing trading days, stale series, suspected unadjusted splits')
    .option('--gaps', 'list the missing NYSE trading days per symbol')
    .option('--stale-after <n>', 'with --check: stale after this many trading days without a bar', '5')
    .option('--as-of <date>', 'with --check/--gaps: check against this day (default today)')
    .action(
      async (
        opts: { format?: string; check?: boolean; gaps?: boolean; staleAfter?: string; asOf?: string },
        cmd: Command,
      ) => {
        const format = parseFormat(opts.format);
        if (opts.check || opts.gaps) {
          const mode = opts.gaps ? 'gaps' : 'check';
          process.exitCode = await runSymbolChecks(globalOptions(cmd), {
            mode,
            format,
            asOf: opts.asOf,
            staleAfter: opts.staleAfter,
          });
          return;
        }
        const { symbols, demo } = await withStore(globalOptions(cmd), async (store) => ({
          symbols: await store.listSymbols(),
          demo: await holdsDemoBars(store),
        }));
        process.stdout.write(renderSymbols(symbols, format, demo));
      },
    );
}

const COLUMNS: readonly Column<SymbolSummary>[] = [
  { header: 'Ticker', value: (s) => s.ticker },
  { header: 'Name', value: (s) => s.name },
  { header: 'Kind', value: (s) => s.kind },
  { header: 'Currency', value: (s) => s.currency },
  { header: 'First', value: (s) => s.firstDate },
  { header: 'Last', value: (s) => s.lastDate },
  { header: 'Rows', value: (s) => s.rows, align: 'right' },
  { header: 'Source', value: (s) => s.sources.join('+') },
];

export function renderSymbols(symbols: readonly SymbolSummary[], format: string, demo = false): string {
  if (format === 'json') return renderResultJson(symbols, { demo });
  if (format === 'csv') return renderCsv(symbols, COLUMNS);
  if (symbols.length === 0) return "the store is empty (add data with 'marketdash import <files>')\n";
  return renderTable(symbols, COLUMNS);
}
