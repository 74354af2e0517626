/**
 * `marketdash symbols --check` / `--gaps` and the warnings `update` prints: the series checks run over
 * stored symbols (all, or the ones named), in one read of the store.
 */

import { todayDay } from '../../domain/nyse-calendar.js';
import type { DayNumber } from '../../domain/trading-date.js';
import type { PriceStore } from '../../store/price-store.js';
import { checkSeries, type SeriesCheck } from './series-checks.js';

export interface CheckStoreOptions {
  readonly symbols?: readonly string[];
  readonly asOf?: DayNumber;
  readonly staleAfter?: number;
}

export async function checkStore(store: PriceStore, options: CheckStoreOptions = {}): Promise<SeriesCheck[]> {
  const summaries = await store.listSymbols();
  const wanted = options.symbols ? new Set(options.symbols) : null;
  const chosen = summaries.filter((s) => s.rows > 0 && (wanted === null || wanted.has(s.ticker)));
  const series = await store.readMany(chosen.map((s) => s.ticker));
  const asOf = options.asOf ?? todayDay();
  return chosen.flatMap((s) => {
    const one = series.get(s.ticker);
    return one ? [checkSeries(one, s.kind, { asOf, staleAfter: options.staleAfter })] : [];
  });
}
