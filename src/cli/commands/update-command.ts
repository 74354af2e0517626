/**
 * `marketdash update [SYMBOL... | --group NAME | --all] [--provider NAME] [--from DATE]`: fetches what
 * is missing from the providers (no arguments = --all) and prints a per-symbol outcome table
 * (updated / up to date / failed and why, and which provider served). Exit code 1 when any failed.
 * A progress bar on a terminal, plain log lines otherwise.
 * JSON: `{"outcomes":[{"symbol","status","provider","rows","from","to","lastDate","error","attempts"}],"warnings":[],"baskets":[],"failed":0}`.
 */
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { loadConfig } from '../../config/universe-config.js';
import { DataError, UsageError } from '../../domain/errors.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { describeBasketRefresh } from '../../services/baskets/refresh-baskets.js';
import { withStore } from '../../services/open-store.js';
import type { SymbolOutcome, UpdateProgress } from '../../services/update/update-symbols.js';
import { stderrIsTty } from '../command-io.js';
import { globalOptions } from '../global-options.js';
import { type Column, parseFormat, renderCsv, renderJson, renderTable, writeWarningLines } from '../output-format.js';

interface UpdateOpts {
  group?: string;
  all?: boolean;
  provider?: string;
  from?: string;
  concurrency?: string;
  config?: string;
  format?: string;
}

const COLUMNS: readonly Column<SymbolOutcome>[] = [
  { header: 'Symbol', value: (o) => o.symbol },
  { header: 'Status', value: (o) => o.status },
  { header: 'Provider', value: (o) => o.provider ?? '-' },
  { header: 'Rows', value: (o) => o.rows, align: 'right' },
  { header: 'From', value: (o) => o.from },
  { header: 'Last', value: (o) => o.lastDate ?? '-' },
  {
    header: 'Why',
    value: (o) =>
      o.error ??
      (o.attempts.length > 1
        ? `after ${o.attempts
            .filter((a) => a.error)
            .map((a) => a.provider)
            .join(', ')} failed`
        : ''),
  },
];

const CSV_COLUMNS: readonly Column<SymbolOutcome>[] = [
  { header: 'symbol', value: (o) => o.symbol },
  { header: 'status', value: (o) => o.status },
  { header: 'provider', value: (o) => o.provider },
  { header: 'rows', value: (o) => o.rows },
  { header: 'from', value: (o) => o.from },
  { header: 'lastDate', value: (o) => o.lastDate },
  { header: 'error', value: (o) => o.error },
];

export function registerUpdateCommand(program: Command): void {
  program
    .command('update')
    .description('Fetch missing daily bars from the providers (Yahoo, then Stooq; FRED for rates)')
    .argument('[symbols...]', 'symbols to update (default: --all)')
    .option('--group <name>', 'update a group: imported (marketdash group import) or of the config')
    .option('--all', 'update the whole universe and everything stored')
    .option('--provider <name>', 'use only this provider (yahoo, stooq, fred)')
    .option('--from <date>', 'fetch from this date for every symbol (backfill)')
    .option('--concurrency <n>', 'symbols fetched at once', '4')
    .option('--config <file>', 'universe config (default: ./marketdash.config.json or the shipped default)')
    .option('--format <format>', 'table, json or csv (csv: one row per symbol)', 'table')
    .action(async (symbols: string[], opts: UpdateOpts, cmd: Command) => {
      // the providers (yahoo-finance2 and its dependencies) load only when updating
      const [{ createDefaultRegistry }, { updateSymbols }] = await Promise.all([
        import('../../providers/default-providers.js'),
        import('../../services/update/update-symbols.js'),
      ]);
      const format = parseFormat(opts.format);
      const from = opts.from === undefined ? undefined : parseIsoDate(opts.from, '--from');
      const concurrency = Number(opts.concurrency);
      if (!Number.isInteger(concurrency) || concurrency < 1)
        throw new UsageError(`--concurrency: '${opts.concurrency}' is not a positive integer`, {
          parameter: '--concurrency',
        });
      const config = loadConfig(opts.config);
      const registry = createDefaultRegistry(config.providers, {
        keys: (config.providers as { keys?: Record<string, string> }).keys,
        onRetry: (r) => {
          if (!stderrIsTty())
            process.stderr.write(
              `retry ${r.symbol} ${r.provider} #${r.attempt} in ${Math.round(r.delayMs)} ms: ${r.error}\n`,
            );
        },
      });
      // a misspelt --provider is the mistake to name, before any look at the network
      if (opts.provider !== undefined && !registry.names().includes(opts.provider))
        throw new UsageError(`--provider: '${opts.provider}' is not one of ${registry.names().join(', ')}`, {
          parameter: '--provider',
        });
      // one look at the network first: offline, an update would spend minutes on retries to fail anyway
      if (opts.provider?.toLowerCase() !== 'demo') {
        const { anyReachable, hostNames, PROVIDER_HOSTS } = await import('../../providers/network-probe.js');
        if (!(await anyReachable(PROVIDER_HOSTS)))
          throw new DataError(`no network: could not reach ${hostNames(PROVIDER_HOSTS)} (nothing was changed)`);
      }
      const progress = makeProgress(format === 'table');
      const report = await withStore(globalOptions(cmd), (store) =>
        updateSymbols(
          store,
          registry,
          config,
          { symbols, group: opts.group, all: opts.all, provider: opts.provider, from },
          { concurrency, onProgress: progress.tick },
        ),
      );
      progress.stop();
      if (format === 'json') process.stdout.write(renderJson(report));
      else if (format === 'csv') process.stdout.write(renderCsv(report.outcomes, CSV_COLUMNS));
      else {
        process.stdout.write(renderTable(report.outcomes, COLUMNS));
        const counts = (s: string) => report.outcomes.filter((o) => o.status === s).length;
        process.stdout.write(
          `${counts('updated')} updated, ${counts('up to date')} up to date, ${report.failed} failed\n`,
        );
        for (const b of report.baskets) process.stdout.write(`${describeBasketRefresh(b)}\n`);
      }
      // on stderr in every format, as every command's warnings (the JSON carries them too)
      writeWarningLines(report.warnings);
      if (report.failed > 0) process.exitCode = 1;
    });
}

/** A progress bar on a terminal (stderr), else one log line per finished symbol. */
function makeProgress(enabled: boolean): { tick: (p: UpdateProgress) => void; stop: () => void } {
  if (!enabled) return { tick: () => {}, stop: () => {} };
  if (!stderrIsTty()) {
    return {
      tick: (p) =>
        process.stderr.write(
          `[${p.done}/${p.total}] ${p.outcome.symbol}: ${p.outcome.status}${p.outcome.provider ? ` (${p.outcome.provider})` : ''}\n`,
        ),
      stop: () => {},
    };
  }
  const bar = new cliProgress.SingleBar(
    { stream: process.stderr, format: 'update [{bar}] {value}/{total} {symbol}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    tick: (p) => {
      if (!started) {
        bar.start(p.total, 0, { symbol: '' });
        started = true;
      }
      bar.update(p.done, { symbol: p.outcome.symbol });
    },
    stop: () => {
      if (started) bar.stop();
    },
  };
}
