/**
 * `marketdash demo` into a fresh in-memory DuckDB store: every symbol of the default universe with
 * source 'demo', the MAG7 basket created, labelled as demo data, in seconds.
 */
import { describe, expect, it } from 'vitest';
import { memoryStoreEach } from '../../../test/support/memory-store.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import { holdsDemoBars, isDemoData } from '../demo-label.js';
import { loadDemoMarket } from './load-demo-market.js';

const mem = memoryStoreEach();

describe('loadDemoMarket', () => {
  it('fills the store with the demo universe and the MAG7 basket, labelled demo, in seconds', async () => {
    const t0 = performance.now();
    const r = await loadDemoMarket(mem.store, { seed: 42, today: parseIsoDate('2026-11-25') });
    expect(performance.now() - t0).toBeLessThan(15_000);
    expect(r.symbols).toBe(35);
    expect(formatIsoDate(r.lastDate)).toBe('2026-11-24');
    expect(r.baskets).toEqual([{ ticker: 'MAG7', rows: 2992 }]);
    const symbols = await mem.store.listSymbols();
    expect(symbols.find((s) => s.ticker === 'NVDA')).toMatchObject({
      name: 'Nvidia Corp.',
      kind: 'stock',
      sources: ['demo'],
      firstDate: '2015-01-02',
      lastDate: '2026-11-24',
    });
    expect(symbols.find((s) => s.ticker === 'DGS10')?.kind).toBe('rate');
    expect(symbols.find((s) => s.ticker === 'MAG7')?.kind).toBe('basket');
    expect(await isDemoData(mem.store)).toBe(true);
  });

  it('a store with any real bars is not pure demo data, but still has demo data to label', async () => {
    await loadDemoMarket(mem.store, { seed: 1, today: parseIsoDate('2026-11-25') });
    await mem.store.writeBars([{ series: closeOnlySeries('ZZZ', [parseIsoDate('2026-11-24')], [10]), source: 'csv' }]);
    expect(await isDemoData(mem.store)).toBe(false);
    expect(await holdsDemoBars(mem.store)).toBe(true);
  });

  it('refuses to overwrite real bars of universe symbols unless forced', async () => {
    await mem.store.writeBars([
      { series: closeOnlySeries('NVDA', [parseIsoDate('2026-11-24')], [180]), source: 'yahoo' },
    ]);
    await expect(loadDemoMarket(mem.store, { today: parseIsoDate('2026-11-25') })).rejects.toThrow(
      /holds real bars for NVDA \(yahoo\).*--force/,
    );
    const r = await loadDemoMarket(mem.store, { today: parseIsoDate('2026-11-25'), force: true });
    expect(r.symbols).toBe(35);
  });

  it('an empty store is not demo data', async () => {
    expect(await isDemoData(mem.store)).toBe(false);
  });
});
