/**
 * `marketdash symbols --check` / `--gaps` and the warnings `update` prints: the series checks run over
 * stored symbols (all, or the ones named), in one read of the store.
 */

import { todayDay } from '../../domain/nyse-calendar.js';
import type { SymbolKind } from '../../domain/symbol-info.js';
import type { DayNumber } from '../../domain/trading-date.js';
import type { PriceStore } from '../../store/price-store.js';
import { checkSeries, type SeriesCheck } from './series-checks.js';

export interface CheckStoreOptions {
  readonly symbols?: readonly string[];
  readonly asOf?: DayNumber;
  readonly staleAfter?: number;
  /**
   * The universe config's symbols: their kinds win over what an import guessed (an XLK file says nothing
   * of XLK being an ETF; a DGS10 file in `Date,Close` layout is a rate, whose calendar is FRED's), as in
   * `marketdash symbols`.
   */
  readonly configSymbols?: Readonly<Record<string, { readonly kind?: SymbolKind | undefined }>>;
}

export async function checkStore(store: PriceStore, options: CheckStoreOptions = {}): Promise<SeriesCheck[]> {
  const summaries = await store.listSymbols();
  const wanted = options.symbols ? new Set(options.symbols) : null;
  const chosen = summaries.filter((s) => s.rows > 0 && (wanted === null || wanted.has(s.ticker)));
  const series = await store.readMany(chosen.map((s) => s.ticker));
  const asOf = options.asOf ?? todayDay();
  return chosen.flatMap((s) => {
    const one = series.get(s.ticker);
    const kind = options.configSymbols?.[s.ticker]?.kind ?? s.kind;
    return one ? [checkSeries(one, kind, { asOf, staleAfter: options.staleAfter })] : [];
  });
}
