/**
 * The behaviour every PriceStore backend must show, as one reusable vitest suite:
 * `runStoreContract('duckdb :memory:', () => DuckDbStore.open(':memory:'))`. Expected values are the
 * hand-written bars below, read back exactly (values round-trip bit for bit; unknown = NaN).
 */
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BasketDefinition } from '../../src/domain/basket.js';
import type { PriceSeries } from '../../src/domain/price-series.js';
import { closeOnlySeries } from '../../src/domain/price-series.js';
import { parseIsoDate } from '../../src/domain/trading-date.js';
import { errorResponse } from '../../src/server/http-errors.js';
import { resolveGroup } from '../../src/services/groups/group-registry.js';
import type { BarBatch, CsvFileSpec, PriceStore } from '../../src/store/price-store.js';

const d = (iso: string) => parseIsoDate(iso);

/** Three full bars, with a NaN (unknown) volume on the second day. */
export function sampleSeries(symbol = 'AAA'): PriceSeries {
  return {
    symbol,
    dates: Int32Array.from([d('2024-01-02'), d('2024-01-03'), d('2024-01-05')]),
    open: Float64Array.from([10, 10.5, 11.25]),
    high: Float64Array.from([10.75, 11, 11.5]),
    low: Float64Array.from([9.875, 10.25, 11]),
    close: Float64Array.from([10.5, 10.875, 11.125]),
    adjClose: Float64Array.from([10.25, 10.625, 11.125]),
    volume: Float64Array.from([1000, Number.NaN, 3e9]),
  };
}

function batch(series: PriceSeries, source = 'test'): BarBatch {
  return { series, source };
}

function expectSameSeries(actual: PriceSeries | null | undefined, expected: PriceSeries): void {
  expect(actual).toBeTruthy();
  const a = actual!;
  expect(a.symbol).toBe(expected.symbol);
  expect(Array.from(a.dates)).toEqual(Array.from(expected.dates));
  for (const k of ['open', 'high', 'low', 'close', 'adjClose', 'volume'] as const) {
    // toEqual treats NaN as equal to NaN, so unknown values must stay unknown
    expect(Array.from(a[k]), k).toEqual(Array.from(expected[k]));
  }
  expect(a.dates).toBeInstanceOf(Int32Array);
  expect(a.close).toBeInstanceOf(Float64Array);
}

const csvDir = mkdtempSync(join(tmpdir(), 'marketdash-contract-csv-'));
let csvCounter = 0;

/** A CSV file for importCsv, plain or gzip; `roles` as the import service would find them. */
function csvSpec(text: string, roles: CsvFileSpec['roles'], extra: Partial<CsvFileSpec> = {}): CsvFileSpec {
  const path = join(csvDir, `f${++csvCounter}.csv${extra.gzip ? '.gz' : ''}`);
  writeFileSync(path, extra.gzip ? gzipSync(Buffer.from(text)) : text);
  const header = text.split(/\r?\n/)[0]!.split(',');
  return {
    path,
    gzip: false,
    columns: header,
    roles,
    skipLines: 1,
    newline: '\n',
    hasData: text
      .split(/\r?\n/)
      .slice(1)
      .some((l) => l.trim() !== ''),
    symbol: 'CSV',
    source: 'csv',
    ...extra,
  };
}

export function runStoreContract(label: string, makeStore: () => Promise<PriceStore>): void {
  describe(`PriceStore contract: ${label}`, () => {
    let store: PriceStore;
    beforeEach(async () => {
      store = await makeStore();
    });
    afterEach(async () => {
      await store.close();
    });

    it('round-trips bars exactly, unknown volume staying NaN', async () => {
      const s = sampleSeries();
      const r = await store.writeBars([batch(s)]);
      expect(r).toEqual({ rowsChanged: 3, rowsSeen: 3 });
      expectSameSeries(await store.readSeries('AAA'), s);
      expectSameSeries(await store.readSeries('aaa'), s);
    });

    it('round-trips a close-only series with open/high/low/volume unknown', async () => {
      const s = closeOnlySeries('^VIX', [d('2020-03-16'), d('2020-03-17')], [82.69, 75.91]);
      await store.writeBars([batch(s, 'csv')]);
      const back = await store.readSeries('^VIX');
      expectSameSeries(back, s);
      expect(Number.isNaN(back!.open[0]!)).toBe(true);
    });

    it('returns null / absent for a symbol without bars', async () => {
      expect(await store.readSeries('NOPE')).toBeNull();
      expect((await store.readMany(['NOPE'])).size).toBe(0);
    });

    it('returns bars in date order whatever order they were written in, and filters by range', async () => {
      await store.writeBars([batch(sampleSeries())]);
      const later = closeOnlySeries('AAA', [d('2024-01-08')], [12]);
      later.adjClose[0] = 12;
      await store.writeBars([
        batch({
          ...later,
          open: Float64Array.from([11.5]),
          high: Float64Array.from([12.5]),
          low: Float64Array.from([11.25]),
          volume: Float64Array.from([5]),
        }),
      ]);
      const all = await store.readSeries('AAA');
      expect(Array.from(all!.close)).toEqual([10.5, 10.875, 11.125, 12]);
      const mid = await store.readSeries('AAA', { from: '2024-01-03', to: '2024-01-05' });
      expect(Array.from(mid!.close)).toEqual([10.875, 11.125]);
      const open = await store.readSeries('AAA', { from: '2024-01-04' });
      expect(Array.from(open!.dates)).toEqual([d('2024-01-05'), d('2024-01-08')]);
      expect(await store.readSeries('AAA', { from: '2025-01-01' })).toBeNull();
    });

    it('rejects a malformed date range naming the parameter', async () => {
      await expect(store.readSeries('AAA', { from: '2024-13-01' })).rejects.toThrow(/from: '2024-13-01'/);
    });

    it('upserts: re-writing identical bars changes nothing; a changed value changes one row', async () => {
      await store.writeBars([batch(sampleSeries())]);
      const v1 = await store.dataVersion();
      expect(await store.writeBars([batch(sampleSeries())])).toEqual({ rowsChanged: 0, rowsSeen: 3 });
      expect(await store.dataVersion()).toBe(v1);
      const changed = sampleSeries();
      changed.close[1] = 10.9;
      expect(await store.writeBars([batch(changed)])).toEqual({ rowsChanged: 1, rowsSeen: 3 });
      const after = await store.readSeries('AAA');
      expect(after!.close[1]).toBe(10.9);
      // a key is stored once: the upsert replaced the bar, it did not add one
      expect(after!.dates.length).toBe(3);
      expect(await store.dataVersion()).not.toBe(v1);
      // a known value becoming unknown is a change too
      const unknown = sampleSeries();
      unknown.close[1] = 10.9;
      unknown.open[0] = Number.NaN;
      expect((await store.writeBars([batch(unknown)])).rowsChanged).toBe(1);
      expect(Number.isNaN((await store.readSeries('AAA'))!.open[0]!)).toBe(true);
    });

    it('is all or nothing: a bad batch after good ones leaves the store unchanged', async () => {
      await store.writeBars([batch(sampleSeries('KEEP'))]);
      const before = await store.dataVersion();
      const bad = sampleSeries('BBB');
      bad.dates[2] = bad.dates[0]!; // dates not ascending
      await expect(store.writeBars([batch(sampleSeries('NEW')), batch(bad)])).rejects.toThrow(/BBB/);
      expect(await store.readSeries('NEW')).toBeNull();
      expect(await store.getSymbol('NEW')).toBeNull();
      expect(await store.dataVersion()).toBe(before);
      expectSameSeries(await store.readSeries('KEEP'), sampleSeries('KEEP'));
    });

    it('is all or nothing when a generator fails midway', async () => {
      async function* failing(): AsyncIterable<BarBatch> {
        yield batch(sampleSeries('G1'));
        throw new Error('provider went away');
      }
      await expect(store.writeBars(failing())).rejects.toThrow('provider went away');
      expect(await store.readSeries('G1')).toBeNull();
    });

    it('reads many symbols at once, absent ones left out, and all of them', async () => {
      const a = sampleSeries('AAA');
      const b = closeOnlySeries('BBB', [d('2023-12-29')], [99.5]);
      await store.writeBars([batch(a), batch(b)]);
      const some = await store.readMany(['bbb', 'AAA', 'ZZZ']);
      expect([...some.keys()].sort()).toEqual(['AAA', 'BBB']);
      expectSameSeries(some.get('AAA'), a);
      expectSameSeries(some.get('BBB'), b);
      const all = await store.readMany('all');
      expect([...all.keys()].sort()).toEqual(['AAA', 'BBB']);
      expectSameSeries(all.get('BBB'), b);
      const ranged = await store.readMany('all', { from: '2024-01-01' });
      expect([...ranged.keys()]).toEqual(['AAA']);
    });

    it('reads a series longer than one result chunk (5,000 bars) intact', async () => {
      const n = 5000;
      const dates = Int32Array.from({ length: n }, (_, i) => d('2000-01-01') + i);
      const closes = Float64Array.from({ length: n }, (_, i) => 100 + i / 8);
      const s = closeOnlySeries('LONG', dates, closes);
      await store.writeBars([batch(s), batch(sampleSeries('AAA'))]);
      const back = await store.readMany(['LONG', 'AAA']);
      expectSameSeries(back.get('LONG'), s);
      expectSameSeries(back.get('AAA'), sampleSeries('AAA'));
    });

    it('lists the distinct sources of stored bars, none for an empty store', async () => {
      expect(await store.barSources()).toEqual([]);
      await store.upsertSymbols([{ ticker: 'EMPTY', name: null, kind: 'stock', currency: 'USD' }]);
      expect(await store.barSources()).toEqual([]);
      await store.writeBars([batch(sampleSeries('AAA'), 'demo'), batch(sampleSeries('BBB'), 'csv')]);
      expect(await store.barSources()).toEqual(['csv', 'demo']);
    });

    it('reports the last date per symbol', async () => {
      await store.writeBars([batch(sampleSeries('AAA')), batch(closeOnlySeries('BBB', [d('2023-12-29')], [1]))]);
      expect(Object.fromEntries(await store.lastDates())).toEqual({ AAA: '2024-01-05', BBB: '2023-12-29' });
    });

    it('creates unknown symbols with a guessed kind, and uses given info', async () => {
      await store.writeBars(
        [batch(sampleSeries('^RUT')), batch(sampleSeries('NVDA'))],
        [{ ticker: 'NVDA', name: 'NVIDIA', kind: 'stock', currency: 'USD' }],
      );
      expect(await store.getSymbol('^rut')).toEqual({ ticker: '^RUT', name: null, kind: 'index', currency: 'USD' });
      expect(await store.getSymbol('NVDA')).toEqual({ ticker: 'NVDA', name: 'NVIDIA', kind: 'stock', currency: 'USD' });
    });

    it('refuses invalid symbol info before the database sees it: a UsageError (HTTP 400), nothing written', async () => {
      // PostgreSQL would otherwise refuse the kind with its CHECK constraint, an unmapped error (HTTP 500).
      const refusal = async (write: Promise<unknown>) =>
        errorResponse(
          await write.then(
            () => null,
            (e: unknown) => e,
          ),
        ).error;
      const badKind = { ticker: 'BAD', name: null, kind: 'bond' as never, currency: 'USD' };
      expect(await refusal(store.upsertSymbols([badKind]))).toMatchObject({ status: 400, parameter: 'kind' });
      const badCurrency = { ticker: 'AAA', name: null, kind: 'stock' as const, currency: 'dollars' };
      expect(await refusal(store.writeBars([batch(sampleSeries('AAA'))], [badCurrency]))).toMatchObject({
        status: 400,
        parameter: 'currency',
      });
      expect(await store.listSymbols()).toEqual([]);
    });

    it('upserts symbol info and lists symbols with their history extent and sources', async () => {
      await store.upsertSymbols([{ ticker: 'spy', name: 'SPDR S&P 500', kind: 'etf', currency: 'USD' }]);
      await store.upsertSymbols([{ ticker: 'SPY', name: 'SPDR S&P 500 ETF Trust', kind: 'etf', currency: 'USD' }]);
      await store.writeBars([batch(sampleSeries('SPY'), 'csv')]);
      await store.writeBars([batch(closeOnlySeries('SPY', [d('2024-01-08')], [12]), 'yahoo')]);
      await store.upsertSymbols([{ ticker: 'EMPTY', name: null, kind: 'stock', currency: 'EUR' }]);
      expect(await store.listSymbols()).toEqual([
        {
          ticker: 'EMPTY',
          name: null,
          kind: 'stock',
          currency: 'EUR',
          firstDate: null,
          lastDate: null,
          rows: 0,
          sources: [],
        },
        {
          ticker: 'SPY',
          name: 'SPDR S&P 500 ETF Trust',
          kind: 'etf',
          currency: 'USD',
          firstDate: '2024-01-02',
          lastDate: '2024-01-08',
          rows: 4,
          sources: ['csv', 'yahoo'],
        },
      ]);
    });

    it('deletes a symbol and its bars', async () => {
      await store.writeBars([batch(sampleSeries('AAA')), batch(sampleSeries('BBB'))]);
      await store.deleteSymbol('aaa');
      expect(await store.readSeries('AAA')).toBeNull();
      expect(await store.getSymbol('AAA')).toBeNull();
      expect((await store.readSeries('BBB'))!.dates.length).toBe(3);
    });

    it('saves, replaces, gets and lists baskets', async () => {
      const mag: BasketDefinition = {
        ticker: 'mag2',
        members: ['AAPL', 'MSFT'],
        weights: null,
        rebalance: 'quarterly',
        baseValue: 100,
      };
      await store.saveBasket(mag);
      expect(await store.getBasket('MAG2')).toEqual({ ...mag, ticker: 'MAG2' });
      const fixed: BasketDefinition = { ...mag, ticker: 'MAG2', weights: [0.25, 0.75], rebalance: 'none' };
      await store.saveBasket(fixed);
      await store.saveBasket({ ticker: 'ABC', members: ['A'], weights: [1], rebalance: 'monthly', baseValue: 1000 });
      expect(await store.getBasket('MAG2')).toEqual(fixed);
      expect((await store.listBaskets()).map((b) => b.ticker)).toEqual(['ABC', 'MAG2']);
      expect(await store.getBasket('NONE')).toBeNull();
    });

    it('saves, replaces (name matched case-insensitively) and lists imported groups; moves an old groups file in', async () => {
      expect(await store.listGroups()).toEqual([]);
      await store.saveGroup({ name: 'SP600', members: ['AAMI', 'AAP'], benchmark: 'IJR', source: 'sp600.csv' });
      await store.saveGroup({ name: 'hand', members: ['X'], benchmark: null, source: null });
      await store.saveGroup({ name: 'sp600', members: ['AAP'], benchmark: null, source: 'b.csv' });
      expect(await store.listGroups()).toEqual([
        { name: 'hand', members: ['X'], benchmark: null, source: null },
        { name: 'sp600', members: ['AAP'], benchmark: null, source: 'b.csv' },
      ]);
      // the file the CLI used to write is moved into the store on first use and renamed
      const dir = mkdtempSync(join(tmpdir(), 'marketdash-groups-contract-'));
      const file = join(dir, 'marketdash.groups.json');
      writeFileSync(file, '{"groups": {"old": {"members": ["aaa", "BBB"], "benchmark": "SPY", "source": "old.csv"}}}');
      expect(await resolveGroup('OLD', { store, groupFile: file })).toEqual({
        name: 'old',
        members: ['AAA', 'BBB'],
        benchmark: 'SPY',
        origin: 'store',
      });
      expect(existsSync(file)).toBe(false);
      expect(existsSync(`${file}.imported`)).toBe(true);
      expect((await store.listGroups()).map((g) => g.name)).toEqual(['hand', 'old', 'sp600']);
    });

    it('changes dataVersion on every write that changes data', async () => {
      const seen = new Set<string>([await store.dataVersion()]);
      await store.writeBars([batch(sampleSeries())]);
      seen.add(await store.dataVersion());
      await store.upsertSymbols([{ ticker: 'AAA', name: 'A', kind: 'stock', currency: 'USD' }]);
      seen.add(await store.dataVersion());
      await store.saveBasket({ ticker: 'B1', members: ['AAA'], weights: null, rebalance: 'monthly', baseValue: 100 });
      seen.add(await store.dataVersion());
      await store.deleteSymbol('AAA');
      seen.add(await store.dataVersion());
      expect(seen.size).toBe(5);
    });

    it('importCsv loads a file, unknown values as NaN, and re-loading it changes nothing', async () => {
      const spec = csvSpec('Date,Close,Volume\n2024-01-03,11.5,\n2024-01-02,10.25,300\n', {
        date: 0,
        close: 1,
        volume: 2,
      });
      const first = await store.importCsv([spec]);
      expect(first.problems).toEqual([]);
      expect(first).toMatchObject({ rowsSeen: 2, rowsChanged: 2 });
      expect(first.files[0]).toMatchObject({
        rows: 2,
        symbols: ['CSV'],
        firstDate: '2024-01-02',
        lastDate: '2024-01-03',
        exactDuplicates: 0,
      });
      const s = (await store.readSeries('CSV'))!;
      expect(Array.from(s.close)).toEqual([10.25, 11.5]);
      expect(Array.from(s.adjClose)).toEqual([10.25, 11.5]);
      expect(Array.from(s.volume)).toEqual([300, Number.NaN]);
      expect(Number.isNaN(s.open[0]!)).toBe(true);
      const v = await store.dataVersion();
      expect(await store.importCsv([spec])).toMatchObject({ problems: [], rowsChanged: 0, rowsSeen: 2 });
      expect(await store.dataVersion()).toBe(v);
    });

    it('importCsv reads a gzip long file and skips the lines it is told to', async () => {
      const spec = csvSpec(
        'Symbol,Date,Adj Close\n,junk,junk\nAAA,2024-01-02,5\nBBB,2024-01-02,6\n',
        { symbol: 0, date: 1, adjClose: 2 },
        { gzip: true, skipLines: 2, symbol: null },
      );
      const r = await store.importCsv([spec]);
      expect(r.problems).toEqual([]);
      expect((await store.readSeries('BBB'))!.close[0]).toBe(6);
      expect((await store.readSeries('AAA'))!.adjClose[0]).toBe(5);
    });

    it('importCsv reports a bad row and writes nothing from any file', async () => {
      const good = csvSpec('Date,Close\n2024-01-02,10\n', { date: 0, close: 1 }, { symbol: 'GOOD' });
      const bad = csvSpec(
        'Date,High,Low,Close\n2024-01-02,9,10,9.5\n',
        { date: 0, high: 1, low: 2, close: 3 },
        { symbol: 'BAD' },
      );
      const r = await store.importCsv([good, bad]);
      expect(r.problems.length).toBeGreaterThan(0);
      expect(r.problems[0]).toMatchObject({ fileIndex: 1 });
      expect((await store.readMany('all')).size).toBe(0);
      const text = csvSpec('Date,Close\n2024-01-02,ten\n', { date: 0, close: 1 });
      const t = await store.importCsv([text]);
      expect(t.problems[0]).toMatchObject({ fileIndex: 0, line: 2 });
      expect((await store.readMany('all')).size).toBe(0);
    });

    it('importCsv: a date twice with different values is a problem; the same row twice is kept once', async () => {
      const conflict = csvSpec('Date,Close\n2024-01-02,10\n2024-01-02,11\n', { date: 0, close: 1 });
      expect((await store.importCsv([conflict])).problems[0]).toMatchObject({
        kind: 'duplicate',
        symbol: 'CSV',
        date: '2024-01-02',
      });
      expect(await store.readSeries('CSV')).toBeNull();
      const repeat = csvSpec('Date,Close\n2024-01-02,10\n2024-01-02,10\n', { date: 0, close: 1 });
      const r = await store.importCsv([repeat]);
      expect(r).toMatchObject({ problems: [], rowsChanged: 1 });
      expect(r.files[0]!.exactDuplicates).toBe(1);
      expect((await store.readSeries('CSV'))!.dates.length).toBe(1);
    });

    it('importCsv merges with stored bars and the later of two files wins', async () => {
      await store.writeBars([batch(closeOnlySeries('CSV', [d('2024-01-02'), d('2024-01-03')], [10, 11]), 'csv')]);
      const a = csvSpec('Date,Close\n2024-01-03,12\n2024-01-04,13\n', { date: 0, close: 1 });
      const b = csvSpec('Date,Close\n2024-01-04,14\n', { date: 0, close: 1 });
      const r = await store.importCsv([a, b]);
      expect(r.problems).toEqual([]);
      expect(r.rowsChanged).toBe(2);
      expect(Array.from((await store.readSeries('CSV'))!.close)).toEqual([10, 12, 14]);
    });

    it('the same values from another source: the bars take the new source (a change), on every backend', async () => {
      // The source is part of a bar (DuckDB's merge compares it with the values: the reference): bars first written
      // by 'demo' and then read again, same values, from a CSV file are the CSV's; then 'yahoo''s. The same
      // source again changes nothing.
      await store.writeBars([batch(sampleSeries('AAA'), 'demo')]);
      const header = 'Date,Open,High,Low,Close,Adj Close,Volume';
      const roles = { date: 0, open: 1, high: 2, low: 3, close: 4, adjClose: 5, volume: 6 };
      const jan3 = '2024-01-03,10.5,11,10.25,10.875,10.625,';
      const spec = csvSpec(
        `${header}\n2024-01-02,10,10.75,9.875,10.5,10.25,1000\n${jan3}\n2024-01-05,11.25,11.5,11,11.125,11.125,3000000000\n`,
        roles,
        { symbol: 'AAA' },
      );
      const sources = async () => (await store.listSymbols()).map((x) => [x.ticker, x.sources]);
      expect(await store.importCsv([spec])).toMatchObject({ problems: [], rowsChanged: 3, rowsSeen: 3 });
      expect(await sources()).toEqual([['AAA', ['csv']]]);
      expectSameSeries(await store.readSeries('AAA'), sampleSeries('AAA'));
      const v = await store.dataVersion();
      expect(await store.importCsv([spec])).toMatchObject({ problems: [], rowsChanged: 0, rowsSeen: 3 });
      expect(await store.dataVersion()).toBe(v);
      expect(await store.writeBars([batch(sampleSeries('AAA'), 'yahoo')])).toEqual({ rowsChanged: 3, rowsSeen: 3 });
      expect(await store.barSources()).toEqual(['yahoo']);
      expect(await store.writeBars([batch(sampleSeries('AAA'), 'yahoo')])).toEqual({ rowsChanged: 0, rowsSeen: 3 });
      // one bar of the CSV (same values) over the yahoo bars: that bar alone is the CSV's
      const one = csvSpec(`${header}\n${jan3}\n`, roles, { symbol: 'AAA' });
      expect(await store.importCsv([one])).toMatchObject({ problems: [], rowsChanged: 1 });
      expect(await sources()).toEqual([['AAA', ['csv', 'yahoo']]]);
      // the whole file again over bars of two sources: the CSV's own bar stays as it is, the yahoo ones change
      expect(await store.importCsv([spec])).toMatchObject({ problems: [], rowsChanged: 2 });
      expect(await sources()).toEqual([['AAA', ['csv']]]);
      expectSameSeries(await store.readSeries('AAA'), sampleSeries('AAA'));
    });

    it('importCsv sets symbol info in the same transaction', async () => {
      await store.importCsv([], { symbols: [{ ticker: 'mmm', name: '3M', kind: 'stock', currency: 'USD' }] });
      expect(await store.getSymbol('MMM')).toEqual({ ticker: 'MMM', name: '3M', kind: 'stock', currency: 'USD' });
    });

    it('serialises concurrent calls', async () => {
      const writes = ['C1', 'C2', 'C3', 'C4'].map((t) => store.writeBars([batch(sampleSeries(t))]));
      const reads = ['C1', 'C2'].map((t) => store.readSeries(t));
      await Promise.all([...writes, ...reads]);
      expect((await store.readMany('all')).size).toBe(4);
    });
  });
}
