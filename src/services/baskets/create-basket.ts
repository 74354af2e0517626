/**
 * `basket create`: validates a definition (members stored, weights positive and summing to 1, a name
 * that is not an existing non-basket symbol), computes its bars and stores definition and bars.
 * Creating a basket that exists replaces it (old bars are removed first).
 */

import type { BasketDefinition, RebalanceSchedule } from '../../domain/basket.js';
import { ensureDefined } from '../../domain/ensure.js';
import { UsageError } from '../../domain/errors.js';
import { normaliseTicker } from '../../domain/symbol-info.js';
import type { PriceStore } from '../../store/price-store.js';
import { computeBasketSeries, writeBasketSeries } from './materialise-basket.js';

export const REBALANCE_SCHEDULES: readonly RebalanceSchedule[] = ['monthly', 'quarterly', 'none'];
export const DEFAULT_BASE_VALUE = 100;

export interface CreateBasketRequest {
  readonly name: string;
  readonly members: readonly string[];
  readonly weights?: readonly number[] | null | undefined;
  readonly rebalance?: string | undefined;
  readonly baseValue?: number | undefined;
}

export interface CreatedBasket {
  readonly definition: BasketDefinition;
  readonly rows: number;
  readonly firstDate: number;
  readonly lastDate: number;
  readonly replaced: boolean;
}

/** Checks and normalises a request into a definition; throws UsageError naming the parameter at fault. */
export function basketDefinition(req: CreateBasketRequest): BasketDefinition {
  const ticker = normaliseTicker(req.name);
  if (!/^[A-Z0-9^._-]+$/.test(ticker))
    throw new UsageError(`NAME: '${req.name}' is not a valid basket name (letters, digits, ^ . _ -)`, {
      parameter: 'NAME',
    });
  const members = req.members.map(normaliseTicker).filter((m) => m.length > 0);
  if (members.length === 0)
    throw new UsageError('--members: give at least one member symbol', { parameter: '--members' });
  const dup = members.find((m, i) => members.indexOf(m) !== i);
  if (dup) throw new UsageError(`--members: '${dup}' is listed twice`, { parameter: '--members' });
  if (members.includes(ticker))
    throw new UsageError(`--members: a basket cannot contain itself (${ticker})`, { parameter: '--members' });
  const rebalance = (req.rebalance ?? 'quarterly').toLowerCase() as RebalanceSchedule;
  if (!REBALANCE_SCHEDULES.includes(rebalance)) {
    throw new UsageError(`--rebalance: '${req.rebalance}' is not one of ${REBALANCE_SCHEDULES.join(', ')}`, {
      parameter: '--rebalance',
    });
  }
  const weights = req.weights && req.weights.length > 0 ? [...req.weights] : null;
  if (weights) {
    if (weights.length !== members.length) {
      throw new UsageError(`--weights: ${weights.length} weights for ${members.length} members`, {
        parameter: '--weights',
      });
    }
    if (weights.some((w) => !(Number.isFinite(w) && w > 0)))
      throw new UsageError('--weights: every weight must be a positive number', { parameter: '--weights' });
    const sum = weights.reduce((a, b) => a + b, 0);
    if (Math.abs(sum - 1) > 1e-6)
      throw new UsageError(`--weights: weights sum to ${Number(sum.toFixed(6))}, not 1`, { parameter: '--weights' });
  }
  const baseValue = req.baseValue ?? DEFAULT_BASE_VALUE;
  if (!(Number.isFinite(baseValue) && baseValue > 0))
    throw new UsageError(`base value ${baseValue} must be a positive number`, { parameter: 'baseValue' });
  return { ticker, members, weights, rebalance, baseValue };
}

export async function createBasket(store: PriceStore, req: CreateBasketRequest): Promise<CreatedBasket> {
  const definition = basketDefinition(req);
  const existing = await store.getSymbol(definition.ticker);
  if (existing !== null && existing.kind !== 'basket') {
    throw new UsageError(
      `NAME: '${definition.ticker}' is already a stored ${existing.kind}; choose another basket name`,
      { parameter: 'NAME' },
    );
  }
  const series = await computeBasketSeries(store, definition);
  const replaced = existing !== null;
  if (replaced) await store.deleteSymbol(definition.ticker);
  const rows = await writeBasketSeries(store, definition, series);
  await store.saveBasket(definition);
  return {
    definition,
    rows,
    firstDate: ensureDefined(series.dates[0], `first day of basket ${definition.ticker}`),
    lastDate: series.dates[rows - 1]!,
    replaced,
  };
}
