/**
 * Loads the series a set of claims needs, in one store read: stored symbols as they are; a basket of
 * the universe config that is not stored (MAG7) computed from its stored members; a ratio `A/B` as
 * A/B on common dates. A symbol with no data gets the reason an editor reads ("no data for ^SP600 in
 * the store"), with its tracking fund named when the config pairs it with one. Given a last day (the
 * check's as-of day), nothing after it is read: no verdict or "matches the close of" can see a close
 * the note could not have known.
 */

import { basketIndex } from '../../analytics/ratios-baskets/basket-index.js';
import { ratioSeries } from '../../analytics/ratios-baskets/ratio-series.js';
import type { UniverseConfig } from '../../config/universe-config.js';
import type { BasketDefinition } from '../../domain/basket.js';
import { ensureDefined } from '../../domain/ensure.js';
import type { PriceSeries } from '../../domain/price-series.js';
import type { SymbolSummary } from '../../domain/symbol-info.js';
import { type DayNumber, formatIsoDate } from '../../domain/trading-date.js';
import type { SeriesFor } from '../../note/check/verify-claim.js';
import type { OneCloseBasis } from '../../note/claim-types/claim-type.js';
import type { PriceStore } from '../../store/price-store.js';

/** The config's basket `ticker` as a definition (equal weight unless weights are given). */
export function configBasket(config: UniverseConfig, ticker: string): BasketDefinition | null {
  const b = config.baskets[ticker];
  if (!b) return null;
  return { ticker, members: b.members, weights: b.weights ?? null, rebalance: b.rebalance, baseValue: 100 };
}

/** The plain tickers behind a list of claim symbols (ratios split, baskets' members added). */
function neededTickers(symbols: readonly string[], config: UniverseConfig): string[] {
  const out = new Set<string>();
  for (const s of symbols) {
    for (const part of s.split('/')) {
      out.add(part);
      for (const m of config.baskets[part]?.members ?? []) out.add(m);
    }
  }
  return [...out];
}

/** What the store lists beside the bars, for the reasons and verdicts of a check. */
export interface StoreListing {
  /** Members of stored groups that have no bars, with their groups: "no prices stored for X (a member of group 'g')". */
  readonly barless?: ReadonlyMap<string, readonly string[]>;
  /**
   * Symbols the store lists with no bars (named by an imported symbol list), with their stored names: "no prices stored
   * for ZBH (Zimmer Biomet, a symbol the store lists, from an imported symbol list)".
   */
  readonly unpriced?: ReadonlyMap<string, string | null>;
  /** What a stored symbol's close measures when it holds one close (see `oneCloseBases`). */
  readonly oneCloseBasis?: ReadonlyMap<string, OneCloseBasis>;
}

/**
 * What each stored symbol's close measures, should it hold one close (close equal to adjusted close): an
 * index's level is a price (no dividends), Stooq's closes are not adjusted for dividends (price); a stock or
 * fund from Yahoo (its adjclose) or a CSV is taken as adjusted closes, a total return (the shared data's
 * `Date,Adj Close` files). The store does not record whether a one-close CSV held `Close` or `Adj Close`:
 * a file of unadjusted closes alone is named a total return too (docs/note-and-check.md).
 */
export function oneCloseBases(symbols: readonly SymbolSummary[]): Map<string, OneCloseBasis> {
  const out = new Map<string, OneCloseBasis>();
  for (const s of symbols) {
    if (s.kind === 'rate' || s.sources.length === 0) continue;
    if (s.kind === 'index' || s.sources.every((x) => x === 'stooq')) out.set(s.ticker, 'price');
    else if ((s.kind === 'stock' || s.kind === 'etf') && s.sources.every((x) => x === 'csv' || x === 'yahoo'))
      out.set(s.ticker, 'total');
  }
  return out;
}

/** Reads everything the claims need, up to `lastDay` when given, and returns the lookup the verifier uses. */
export async function loadClaimSeries(
  store: PriceStore,
  symbols: readonly string[],
  config: UniverseConfig,
  lastDay?: DayNumber,
  listing: StoreListing = {},
): Promise<SeriesFor> {
  const barless = listing.barless ?? new Map<string, readonly string[]>();
  const basisOf = (ticker: string): OneCloseBasis | undefined => listing.oneCloseBasis?.get(ticker);
  const range = lastDay === undefined ? undefined : { to: formatIsoDate(lastDay) };
  const stored = await store.readMany(neededTickers(symbols, config), range);
  const cache = new Map<string, ReturnType<SeriesFor>>();

  const single = (ticker: string): ReturnType<SeriesFor> => {
    const s = stored.get(ticker);
    const basis = basisOf(ticker);
    if (s && s.dates.length > 0) return basis ? { series: s, oneCloseBasis: basis } : { series: s };
    const def = configBasket(config, ticker);
    if (def) {
      const missing = def.members.filter((m) => !stored.has(m));
      if (missing.length > 0)
        return { missing: `no data for ${ticker} in the store, and its members ${missing.join(', ')} are missing too` };
      const series: PriceSeries = basketIndex(
        def,
        def.members.map((m) => ensureDefined(stored.get(m), `stored series of basket member ${m}`)),
      );
      // a basket of members whose one close is a total return is one too
      const bases = new Set(def.members.map(basisOf));
      const all = bases.size === 1 ? [...bases][0] : undefined;
      if (series.dates.length > 0) return all ? { series, oneCloseBasis: all } : { series };
    }
    const name = config.symbols[ticker]?.name;
    const fund = config.trackingPairs.find((p) => p.index === ticker)?.fund;
    const hint =
      fund && stored.has(fund) ? ` (its tracking fund ${fund} is stored: the text could be checked against it)` : '';
    // A symbol the config or a stored group lists, without bars: say which lists it.
    const groups = barless.get(ticker);
    const storedName = listing.unpriced?.get(ticker);
    const listed = name
      ? ` (${name}, a symbol in the config)`
      : groups
        ? ` (a member of group${groups.length > 1 ? 's' : ''} ${groups.map((g) => `'${g}'`).join(', ')})`
        : storedName !== undefined
          ? ` (${storedName ? `${storedName}, ` : ''}a symbol the store lists, from an imported symbol list)`
          : null;
    if (listed !== null) return { missing: `no prices stored for ${ticker}${listed}${hint}` };
    return { missing: `no data for ${ticker} in the store${hint}` };
  };

  return (symbol: string) => {
    const hit = cache.get(symbol);
    if (hit) return hit;
    let out: ReturnType<SeriesFor>;
    const parts = symbol.split('/');
    if (parts.length === 2) {
      const [numerator = '', denominator = ''] = parts;
      const a = single(numerator);
      const b = single(denominator);
      if ('missing' in a) out = a;
      else if ('missing' in b) out = b;
      else {
        const r = ratioSeries(a.series, b.series);
        out =
          r.dates.length > 0 ? { series: r } : { missing: `${parts[0]} and ${parts[1]} have no trading day in common` };
      }
    } else out = single(symbol);
    cache.set(symbol, out);
    return out;
  };
}
