/**
 * `marketdash symbols [--format table|json|csv] [--check | --gaps]`: what the store holds, one row per symbol: ticker,
 * name, kind, first and last date, row count and where the bars came from.
 * JSON: `[{"ticker","name","kind","currency","firstDate","lastDate","rows","sources":[...]}]`.
 */
import type { Command } from 'commander';
import { loadConfig } from '../../config/universe-config.js';
import type { SymbolSummary } from '../../domain/symbol-info.js';
import { holdsDemoBars } from '../../services/demo-label.js';
import { withStore } from '../../services/open-store.js';
import type { SymbolRemoval } from '../../store/store-maintenance.js';
import { globalOptions } from '../global-options.js';
import { type Column, parseFormat, renderCsv, renderResultJson, renderTable } from '../output-format.js';
import { runSymbolChecks } from './symbols-check-output.js';

export function registerSymbolsCommand(program: Command): void {
  const symbols = program.command('symbols');
  symbols
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
          symbols: withConfigNames(await store.listSymbols(), loadConfig().symbols),
          demo: await holdsDemoBars(store),
        }));
        process.stdout.write(renderSymbols(symbols, format, demo));
      },
    );
  symbols
    .command('remove')
    .description(
      'Remove symbols and everything stored for them (bars, close snapshot, name, basket, group memberships), all or nothing',
    )
    .argument('<symbols...>', 'the tickers to remove')
    .option('--format <format>', 'table or json', 'table')
    .action(async (tickers: string[], opts: { format?: string }, cmd: Command) => {
      // `symbols` has a --format of its own, which commander fills when it is given after `remove` too
      const parentFormat = (cmd.parent?.opts() as { format?: string } | undefined)?.format;
      const format = parseFormat(opts.format !== 'table' ? opts.format : parentFormat, ['table', 'json']);
      const out = await withStore(globalOptions(cmd), (store) => store.removeSymbols(tickers));
      process.stdout.write(
        format === 'json'
          ? renderResultJson(
              { rows: out.removed, groupsChanged: out.groupsChanged, groupsDeleted: out.groupsDeleted },
              { demo: false },
            )
          : removalText(out),
      );
    });
}

/** One line per removed symbol, then one per group touched. */
export function removalText(out: SymbolRemoval): string {
  const lines = out.removed.map(
    (r) =>
      `removed ${r.ticker}: ${r.bars} bar${r.bars === 1 ? '' : 's'}${r.basket ? ' and its basket definition' : ''}`,
  );
  for (const g of out.groupsChanged) lines.push(`group ${g}: removed from its members`);
  for (const g of out.groupsDeleted) lines.push(`group ${g}: deleted (no members left)`);
  return `${lines.join('\n')}\n`;
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

/**
 * The config's curated names and kinds win over what an import guessed (a CSV of SPY says nothing of it
 * being an ETF named "SPDR S&P 500 ETF Trust"); a stored name stays when the config has none.
 */
export function withConfigNames(
  symbols: readonly SymbolSummary[],
  config: Readonly<Record<string, { readonly name?: string | undefined; readonly kind?: string | undefined }>>,
): SymbolSummary[] {
  return symbols.map((s) => {
    const c = config[s.ticker];
    if (!c) return s;
    return { ...s, name: c.name ?? s.name, kind: (c.kind as SymbolSummary['kind'] | undefined) ?? s.kind };
  });
}

export function renderSymbols(symbols: readonly SymbolSummary[], format: string, demo = false): string {
  if (format === 'json') return renderResultJson(symbols, { demo });
  if (format === 'csv') return renderCsv(symbols, COLUMNS);
  if (symbols.length === 0) return "the store is empty (add data with 'marketdash import <files>')\n";
  // a long description never widens the table past its share: 36 characters, then an ellipsis
  const shortName = (n: string | null) => (n !== null && n.length > 36 ? `${n.slice(0, 35)}…` : n);
  return renderTable(
    symbols,
    COLUMNS.map((c) => (c.header === 'Name' ? { ...c, value: (s: SymbolSummary) => shortName(s.name) } : c)),
  );
}
