/**
 * `marketdash basket create <NAME> --members A,B,... [--weights w1,w2,...] [--rebalance monthly|quarterly|none]`,
 * `basket list`, `basket show <NAME>`: baskets stored as symbols of kind `basket`, so perf, ratio and
 * every other command work on them. Without --members, create takes the members of the universe
 * config's basket of that name (MAG7 ships with the default config).
 */
import type { Command } from 'commander';
import { loadConfig } from '../../config/universe-config.js';
import { UsageError } from '../../domain/errors.js';
import { formatNumber, formatPercent } from '../../domain/format/display-format.js';
import { formatIsoDate } from '../../domain/trading-date.js';
import type { BasketSummary } from '../../services/baskets/basket-catalog.js';
import { listBasketSummaries, showBasket } from '../../services/baskets/basket-catalog.js';
import { type CreateBasketRequest, createBasket } from '../../services/baskets/create-basket.js';
import { holdsDemoBars } from '../../services/demo-label.js';
import { withStore } from '../../services/open-store.js';
import { globalOptions } from '../global-options.js';
import { type Column, parseFormat, renderCsv, renderResultJson, renderTable } from '../output-format.js';

interface CreateOptions {
  members?: string;
  weights?: string;
  rebalance?: string;
  base?: string;
}

export function registerBasketCommand(program: Command): void {
  const basket = program
    .command('basket')
    .description('Baskets: equal- or fixed-weight synthetic symbols (create, list, show)');

  basket
    .command('create')
    .description('Create (or replace) a basket and compute its bars from the stored members')
    .argument('<name>', 'basket ticker, e.g. MAG7')
    .option('--members <list>', 'comma-separated member symbols (default: the config basket of that name)')
    .option('--weights <list>', 'comma-separated fixed weights summing to 1 (default: equal weight)')
    .option('--rebalance <schedule>', 'monthly, quarterly or none (buy and hold)')
    .option('--base <value>', 'index level on the first common date', '100')
    .action(async (name: string, opts: CreateOptions, cmd: Command) => {
      const req = createRequest(name, opts);
      const created = await withStore(globalOptions(cmd), (store) => createBasket(store, req));
      const d = created.definition;
      const weights = d.weights ? `fixed weights ${d.weights.join(', ')}` : 'equal weight';
      process.stdout.write(
        `${created.replaced ? 'Replaced' : 'Created'} basket ${d.ticker}: ${d.members.join(', ')} (${weights}, rebalance ${d.rebalance}); ` +
          `${created.rows} bars from ${formatIsoDate(created.firstDate)} to ${formatIsoDate(created.lastDate)}, base ${d.baseValue}.\n`,
      );
    });

  basket
    .command('list')
    .description('The stored baskets')
    .option('--format <format>', 'table, json or csv', 'table')
    .action(async (opts: { format?: string }, cmd: Command) => {
      const format = parseFormat(opts.format);
      const { baskets, demo } = await withStore(globalOptions(cmd), async (store) => ({
        baskets: await listBasketSummaries(store),
        demo: await holdsDemoBars(store),
      }));
      // the JSON envelope of every list result: {rows, demo, warnings} (docs/store-and-cli.md)
      if (format === 'json') process.stdout.write(renderResultJson(baskets.map(summaryJson), { demo }));
      else if (format === 'csv') process.stdout.write(renderCsv(baskets, LIST_CSV_COLUMNS));
      else
        process.stdout.write(
          baskets.length === 0
            ? 'No baskets stored (marketdash basket create NAME --members A,B,...).\n'
            : renderTable(baskets, LIST_COLUMNS),
        );
    });

  basket
    .command('show')
    .description('One basket: definition, extent and last levels')
    .argument('<name>', 'basket ticker')
    .option('--format <format>', 'table or json', 'table')
    .action(async (name: string, opts: { format?: string }, cmd: Command) => {
      const format = parseFormat(opts.format, ['table', 'json']);
      const { detail, demo } = await withStore(globalOptions(cmd), async (store) => ({
        detail: await showBasket(store, name),
        demo: await holdsDemoBars(store),
      }));
      if (format === 'json') {
        // one object with the envelope's last two fields, as ratio and trend (docs/store-and-cli.md); the bar
        // count is `bars` here: a top-level `rows` is the list of a list result
        const { rows, ...summary } = summaryJson(detail);
        process.stdout.write(
          renderResultJson(
            {
              ...summary,
              bars: rows,
              lastLevel: detail.lastLevel,
              lastTotalReturnLevel: detail.lastTotalReturnLevel,
            },
            { demo },
          ),
        );
        return;
      }
      const d = detail.definition;
      const lines = [
        `Basket ${d.ticker}`,
        `  members:   ${d.members.map((m, i) => (d.weights ? `${m} ${formatPercent(d.weights[i])}` : m)).join(', ')}`,
        `  weighting: ${d.weights ? 'fixed weights' : 'equal weight'}, rebalance ${d.rebalance}`,
        `  bars:      ${detail.rows} (${detail.firstDate ?? 'n/a'} to ${detail.lastDate ?? 'n/a'}), base ${d.baseValue}`,
        `  last:      ${formatNumber(detail.lastLevel)} price index, ${formatNumber(detail.lastTotalReturnLevel)} total-return index`,
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}

function createRequest(name: string, opts: CreateOptions): CreateBasketRequest {
  let members = opts.members === undefined ? undefined : splitList(opts.members);
  let rebalance = opts.rebalance;
  let weights = opts.weights === undefined ? null : splitList(opts.weights).map((w) => parseNumber(w, '--weights'));
  if (members === undefined) {
    const config = loadConfig();
    const key = Object.keys(config.baskets).find((k) => k.toLowerCase() === name.trim().toLowerCase());
    if (key === undefined)
      throw new UsageError(`--members: required (no basket '${name}' in the universe config)`, {
        parameter: '--members',
      });
    const fromConfig = config.baskets[key]!;
    members = [...fromConfig.members];
    rebalance ??= fromConfig.rebalance;
    weights ??= fromConfig.weights ? [...fromConfig.weights] : null;
  }
  return { name, members, weights, rebalance, baseValue: parseNumber(opts.base ?? '100', '--base') };
}

function splitList(text: string): string[] {
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

function parseNumber(text: string, parameter: string): number {
  const v = Number(text);
  if (text.trim() === '' || !Number.isFinite(v))
    throw new UsageError(`${parameter}: '${text}' is not a number`, { parameter });
  return v;
}

function summaryJson(s: BasketSummary): Record<string, unknown> {
  const d = s.definition;
  return {
    ticker: d.ticker,
    members: d.members,
    weights: d.weights,
    rebalance: d.rebalance,
    baseValue: d.baseValue,
    firstDate: s.firstDate,
    lastDate: s.lastDate,
    rows: s.rows,
  };
}

const LIST_COLUMNS: readonly Column<BasketSummary>[] = [
  { header: 'Basket', value: (s) => s.definition.ticker },
  { header: 'Members', value: (s) => s.definition.members.join(' ') },
  { header: 'Weights', value: (s) => (s.definition.weights ? s.definition.weights.join(' ') : 'equal') },
  { header: 'Rebalance', value: (s) => s.definition.rebalance },
  { header: 'From', value: (s) => s.firstDate },
  { header: 'To', value: (s) => s.lastDate },
  { header: 'Bars', value: (s) => s.rows, align: 'right' },
];

/** CSV for scripts: the JSON field names (`basket list --format json`), raw values. */
const LIST_CSV_COLUMNS: Column<BasketSummary>[] = [
  { header: 'ticker', value: (s) => s.definition.ticker },
  { header: 'members', value: (s) => s.definition.members.join(' ') },
  { header: 'weights', value: (s) => (s.definition.weights ? s.definition.weights.join(' ') : '') },
  { header: 'rebalance', value: (s) => s.definition.rebalance },
  { header: 'baseValue', value: (s) => s.definition.baseValue },
  { header: 'firstDate', value: (s) => s.firstDate },
  { header: 'lastDate', value: (s) => s.lastDate },
  { header: 'rows', value: (s) => s.rows },
];
