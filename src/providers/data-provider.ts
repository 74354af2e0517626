/**
 * The data-provider contract: one interface every source implements (Yahoo, Stooq, FRED, the demo
 * market). Named-object parameters; bars come back as a columnar PriceSeries (close split-adjusted,
 * adjClose also dividend-adjusted, unknown values NaN) with the splits and dividends the source gives.
 */
import type { PriceSeries } from '../domain/price-series.js';
import type { SymbolKind } from '../domain/symbol-info.js';
import type { DayNumber } from '../domain/trading-date.js';

export interface SplitEvent {
  readonly day: DayNumber;
  /** 4 and 1 for a 4:1 split (4 new shares for 1 old). */
  readonly numerator: number;
  readonly denominator: number;
}

export interface DividendEvent {
  readonly day: DayNumber;
  /** Cash per share, split-adjusted as the source reports it. */
  readonly amount: number;
}

export interface FetchDailyRequest {
  /** Our ticker (`AAPL`, `^VIX`, `DGS10`); each provider maps it to its own. */
  readonly symbol: string;
  /** Inclusive day range. */
  readonly from: DayNumber;
  readonly to: DayNumber;
  /** The symbol's kind when known (FRED serves only `rate`). */
  readonly kind?: SymbolKind | undefined;
  /** Aborts the request (timeouts). */
  readonly signal?: AbortSignal | undefined;
}

export interface DailyHistory {
  readonly symbol: string;
  /** The provider that served it: `yahoo`, `stooq`, `fred`, `demo`. Also the bars' `source`. */
  readonly provider: string;
  readonly series: PriceSeries;
  readonly splits: readonly SplitEvent[];
  readonly dividends: readonly DividendEvent[];
  readonly currency: string | null;
  readonly name: string | null;
  readonly kind: SymbolKind | null;
}

export interface SearchResult {
  readonly symbol: string;
  readonly name: string | null;
  readonly kind: SymbolKind | null;
  readonly exchange: string | null;
}

export interface DataProvider {
  readonly name: string;
  /** A symbol a health check can fetch. */
  readonly testSymbol: string;
  /** Whether this provider can serve `symbol` (of `kind` when known). */
  canHandle(symbol: string, kind?: SymbolKind): boolean;
  fetchDaily(request: FetchDailyRequest): Promise<DailyHistory>;
  search?(name: string): Promise<SearchResult[]>;
}

/**
 * Closes as traded that day: the split-adjusted close times the ratio of every split after the day.
 * @example unadjustedCloses(dates, close, [{ day: split, numerator: 4, denominator: 1 }]) // x4 before the split
 */
export function unadjustedCloses(series: PriceSeries, splits: readonly SplitEvent[]): Float64Array {
  const out = Float64Array.from(series.close);
  for (const s of splits) {
    const ratio = s.numerator / s.denominator;
    for (let i = 0; i < out.length && series.dates[i]! < s.day; i++) out[i] = out[i]! * ratio;
  }
  return out;
}
