/**
 * `marketdash demo [--db PATH] [--seed N]` (--db is the global store option): fills the store with the seeded synthetic demo market
 * (the whole default universe, 2015 to the last trading day) and the MAG7 basket.
 */
import type { Command } from 'commander';
import { UsageError } from '../../domain/errors.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import { DEFAULT_DEMO_SEED } from '../../providers/demo/demo-market.js';
import { loadDemoMarket } from '../../services/demo/load-demo-market.js';
import { DEMO_DATA_LABEL } from '../../services/demo-label.js';
import { withStore } from '../../services/open-store.js';
import { globalOptions } from '../global-options.js';
import { parseFormat, renderJson } from '../output-format.js';

export function registerDemoCommand(program: Command): void {
  program
    .command('demo')
    .description(
      `Fill the store with the seeded demo market (${DEMO_DATA_LABEL}: default universe, 2015 to the last trading day)`,
    )
    .option('--seed <n>', 'random seed (same seed, same market)', String(DEFAULT_DEMO_SEED))
    .option(
      '--end <date>',
      'last day of the market (default: the last trading day before today); the docs use 2025-12-11',
    )
    .option('--format <format>', 'table or json', 'table')
    .option('--force', 'overwrite symbols that hold real (non-demo) bars')
    .action(async (opts: { seed: string; end?: string; format?: string; force?: boolean }, cmd: Command) => {
      const format = parseFormat(opts.format, ['table', 'json']);
      const seed = Number(opts.seed);
      if (!Number.isInteger(seed) || seed < 0)
        throw new UsageError(`--seed: '${opts.seed}' is not a non-negative integer`, { parameter: '--seed' });
      // The market ends on the last trading day before `today`, so --end D means today = D + 1.
      const today = opts.end === undefined ? undefined : parseIsoDate(opts.end, '--end') + 1;
      const g = globalOptions(cmd);
      const result = await withStore(g, (store) => loadDemoMarket(store, { seed, force: opts.force, today }));
      if (format === 'json') {
        process.stdout.write(
          renderJson({
            ...result,
            firstDate: formatIsoDate(result.firstDate),
            lastDate: formatIsoDate(result.lastDate),
            millis: Math.round(result.millis),
          }),
        );
        return;
      }
      process.stdout.write(
        `${DEMO_DATA_LABEL}: ${result.symbols} symbols, ${result.rows} bars, ${formatIsoDate(result.firstDate)} to ${formatIsoDate(result.lastDate)} (seed ${result.seed}, source 'demo') in ${(result.millis / 1000).toFixed(1)} s\n` +
          (result.baskets.length
            ? `baskets: ${result.baskets.map((b) => `${b.ticker} (${b.rows} bars)`).join(', ')}\n`
            : 'baskets: none created\n'),
      );
    });
}
