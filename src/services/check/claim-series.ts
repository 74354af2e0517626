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
import { type DayNumber, formatIsoDate } from '../../domain/trading-date.js';
import type { SeriesFor } from '../../note/check/verify-claim.js';
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

/** Reads everything the claims need, up to `lastDay` when given, and returns the lookup the verifier uses. */
export async function loadClaimSeries(
  store: PriceStore,
  symbols: readonly string[],
  config: UniverseConfig,
  lastDay?: DayNumber,
  /** Members of stored groups that have no bars, with their groups: "no prices stored for X (a member of group 'g')". */
  barless: ReadonlyMap<string, readonly string[]> = new Map(),
): Promise<SeriesFor> {
  const range = lastDay === undefined ? undefined : { to: formatIsoDate(lastDay) };
  const stored = await store.readMany(neededTickers(symbols, config), range);
  const cache = new Map<string, ReturnType<SeriesFor>>();

  const single = (ticker: string): ReturnType<SeriesFor> => {
    const s = stored.get(ticker);
    if (s && s.dates.length > 0) return { series: s };
    const def = configBasket(config, ticker);
    if (def) {
      const missing = def.members.filter((m) => !stored.has(m));
      if (missing.length > 0)
        return { missing: `no data for ${ticker} in the store, and its members ${missing.join(', ')} are missing too` };
      const series: PriceSeries = basketIndex(
        def,
        def.members.map((m) => ensureDefined(stored.get(m), `stored series of basket member ${m}`)),
      );
      if (series.dates.length > 0) return { series };
    }
    const name = config.symbols[ticker]?.name;
    const fund = config.trackingPairs.find((p) => p.index === ticker)?.fund;
    const hint =
      fund && stored.has(fund) ? ` (its tracking fund ${fund} is stored: the text could be checked against it)` : '';
    // A symbol the config or a stored group lists, without bars: say which lists it.
    const groups = barless.get(ticker);
    const listed = name
      ? ` (${name}, a symbol in the config)`
      : groups
        ? ` (a member of group${groups.length > 1 ? 's' : ''} ${groups.map((g) => `'${g}'`).join(', ')})`
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
