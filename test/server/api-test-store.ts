/**
 * A small store for the API tests: six symbols of the default universe on weekdays from 2021 to
 * 2024, each a deterministic formula (no randomness), so expected values can be worked out by hand
 * from the same formula. In memory; closed by the caller.
 */
import { defaultConfig, type UniverseConfig } from '../../src/config/universe-config.js';
import { type PriceSeries, seriesOfLength } from '../../src/domain/price-series.js';
import type { SymbolInfo } from '../../src/domain/symbol-info.js';
import { daysFromCivil, weekday } from '../../src/domain/trading-date.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';

export const TEST_SYMBOLS = ['AAPL', 'MSFT', 'SPY', 'XLK', 'XLF', '^VIX'] as const;

/** Weekdays from 2021-01-04 to 2024-12-31. */
export function testDays(): Int32Array {
  const out: number[] = [];
  for (let d = daysFromCivil(2021, 1, 4); d <= daysFromCivil(2024, 12, 31); d++)
    if (weekday(d) !== 0 && weekday(d) !== 6) out.push(d);
  return Int32Array.from(out);
}

/** The close of symbol number k on row i: a drift plus a slow wave, different per symbol. */
export function testClose(k: number, i: number): number {
  return Math.round((50 + 20 * k) * Math.exp((0.0002 + 0.0001 * k) * i + 0.05 * Math.sin(i / (9 + k))) * 100) / 100;
}

export function testSeries(symbol: string, k: number, days: Int32Array): PriceSeries {
  const s = seriesOfLength(symbol, days.length);
  for (let i = 0; i < days.length; i++) {
    const c = testClose(k, i);
    const prev = i === 0 ? c : testClose(k, i - 1);
    s.dates[i] = days[i]!;
    s.close[i] = c;
    s.adjClose[i] = c;
    s.open[i] = prev;
    s.high[i] = Math.max(c, prev) + 0.5;
    s.low[i] = Math.min(c, prev) - 0.5;
    s.volume[i] = symbol === '^VIX' ? 0 : 1_000_000 + i;
  }
  return s;
}

/** The default config plus a group `pair` of the two stocks stored here. */
export function testConfig(): UniverseConfig {
  const base = defaultConfig();
  return { ...base, groups: { ...base.groups, pair: ['AAPL', 'MSFT'] } };
}

export async function openTestStore(source = 'csv'): Promise<DuckDbStore> {
  const store = await DuckDbStore.open(':memory:');
  const days = testDays();
  const config = defaultConfig();
  const infos: SymbolInfo[] = TEST_SYMBOLS.map((t) => ({
    ticker: t,
    name: config.symbols[t]?.name ?? null,
    kind: config.symbols[t]?.kind ?? 'stock',
    currency: 'USD',
  }));
  await store.writeBars(
    TEST_SYMBOLS.map((t, k) => ({ series: testSeries(t, k, days), source })),
    infos,
  );
  return store;
}
