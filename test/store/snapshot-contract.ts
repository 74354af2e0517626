/**
 * The close snapshot must always equal the bars (src/store/series-snapshot.ts): after any sequence of
 * random writes (bar upserts across year boundaries, CSV imports that overlap stored history, writes and
 * imports of days after a symbol's last stored one, deletes, writes that fail and roll back), a read of closes and adjusted closes, which the store answers
 * from the snapshot, gives exactly what a full read of the bars gives, for the whole store and for date
 * ranges, and the cheap bar-source list equals the sources of the stored bars. Property-based
 * (fast-check); `expectSnapshotMatchesBars` is also used after a write killed halfway.
 *
 * Results kept per data version (src/services/kept-results.ts) are held to the same rule: perf tables
 * kept before each write are answered after it only when the write changed nothing (a failed write),
 * and whatever is answered equals the table computed afresh from the bars.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PriceSeries } from '../../src/domain/price-series.js';
import { formatIsoDate, parseIsoDate } from '../../src/domain/trading-date.js';
import { type CommandOutput, keptOrComputed } from '../../src/services/kept-results.js';
import { type PerfRequest, type PerfSource, perfTable } from '../../src/services/perf/perf-table.js';
import type { BarColumn, DateRange, PriceStore } from '../../src/store/price-store.js';
import { packedDayCount, sameAsClose, VALUE_GROUP, ValueGroups } from '../../src/store/series-snapshot-codec.js';

const SYMBOLS = ['S1', 'S2', 'S3'] as const;
const FIRST_DAY = parseIsoDate('2019-12-16');

type Op =
  | { kind: 'write'; symbol: string; start: number; gaps: number[]; prices: number[]; adjSame: boolean; source: string }
  | { kind: 'import'; symbol: string; start: number; gaps: number[]; prices: number[] }
  | { kind: 'append'; via: 'write' | 'import'; symbol: string; after: number; gaps: number[]; prices: number[] }
  | { kind: 'delete'; symbol: string }
  | { kind: 'failing'; symbol: string; start: number };

/** A price with 0 to 4 decimals, or now and then a noisy double that the codec must store raw. */
const price = fc.oneof(
  fc.tuple(fc.integer({ min: 1, max: 5_000_000 }), fc.integer({ min: 0, max: 4 })).map(([m, k]) => m / 10 ** k),
  fc.double({ min: 0.001, max: 1e6, noNaN: true }),
);
const stretch = {
  symbol: fc.constantFrom(...SYMBOLS),
  start: fc.integer({ min: 0, max: 800 }),
  gaps: fc.array(fc.integer({ min: 1, max: 4 }), { maxLength: 30 }),
  prices: fc.array(price, { minLength: 31, maxLength: 31 }),
};
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('write' as const),
    ...stretch,
    adjSame: fc.boolean(),
    source: fc.constantFrom('csv', 'demo'),
  }),
  fc.record({ kind: fc.constant('import' as const), ...stretch }),
  // days after the symbol's last stored one (the snapshot's append path), into the next year or not
  fc.record({
    kind: fc.constant('append' as const),
    via: fc.constantFrom('write' as const, 'import' as const),
    symbol: stretch.symbol,
    after: fc.integer({ min: 1, max: 400 }),
    gaps: stretch.gaps,
    prices: stretch.prices,
  }),
  fc.record({ kind: fc.constant('delete' as const), symbol: fc.constantFrom(...SYMBOLS) }),
  fc.record({
    kind: fc.constant('failing' as const),
    symbol: fc.constantFrom(...SYMBOLS),
    start: fc.integer({ min: 0, max: 800 }),
  }),
);

function days(start: number, gaps: readonly number[]): number[] {
  const out = [FIRST_DAY + start];
  for (const g of gaps) out.push(out[out.length - 1]! + g);
  return out;
}

function series(
  symbol: string,
  dates: readonly number[],
  close: readonly number[],
  adj: readonly number[],
): PriceSeries {
  const n = dates.length;
  const nan = () => new Float64Array(n).fill(Number.NaN);
  return {
    symbol,
    dates: Int32Array.from(dates),
    open: nan(),
    high: nan(),
    low: nan(),
    close: Float64Array.from(close),
    adjClose: Float64Array.from(adj),
    volume: nan(),
  };
}

/** What the test knows was written: per symbol, the source of each stored day. */
type SourceModel = Map<string, Map<number, string>>;

function record(model: SourceModel, symbol: string, dates: readonly number[], source: string): void {
  const days = model.get(symbol) ?? new Map<number, string>();
  for (const d of dates) days.set(d, source);
  model.set(symbol, days);
}

async function apply(store: PriceStore, o: Op, dir: string, k: number, model: SourceModel): Promise<void> {
  if (o.kind === 'append') {
    const last = Math.max(FIRST_DAY, ...(model.get(o.symbol)?.keys() ?? []));
    const start = last + o.after - FIRST_DAY;
    const { symbol, gaps, prices } = o;
    const write = { kind: 'write' as const, symbol, start, gaps, prices, adjSame: o.after % 2 === 0, source: 'demo' };
    return apply(store, o.via === 'write' ? write : { kind: 'import', symbol, start, gaps, prices }, dir, k, model);
  }
  if (o.kind === 'delete') {
    model.delete(o.symbol);
    return store.deleteSymbol(o.symbol);
  }
  if (o.kind === 'failing') {
    // a good batch, then one whose dates go backwards: the whole write must roll back
    const good = series('S9', days(o.start, [1, 1]), [1, 2, 3], [1, 2, 3]);
    const bad = series(o.symbol, [FIRST_DAY + o.start + 5, FIRST_DAY + o.start], [1, 2], [1, 2]);
    await expect(
      store.writeBars([
        { series: good, source: 'csv' },
        { series: bad, source: 'csv' },
      ]),
    ).rejects.toThrow();
    return;
  }
  const dates = days(o.start, o.gaps);
  const close = o.prices.slice(0, dates.length);
  if (o.kind === 'write') {
    const adj = o.adjSame ? close : close.map((c, i) => (i % 3 === 0 ? c : c * 0.97));
    await store.writeBars([{ series: series(o.symbol, dates, close, adj), source: o.source }]);
    record(model, o.symbol, dates, o.source);
    return;
  }
  const path = join(dir, `snap-${k}.csv`);
  const lines = dates.map((day, i) => `${formatIsoDate(day)},${close[i]}`);
  writeFileSync(path, `Date,Close\n${lines.join('\n')}\n`);
  const r = await store.importCsv([
    {
      path,
      gzip: false,
      columns: ['Date', 'Close'],
      roles: { date: 0, close: 1 },
      skipLines: 1,
      newline: '\n',
      hasData: lines.length > 0,
      symbol: o.symbol,
      source: 'csv',
    },
  ]);
  expect(r.problems).toEqual([]);
  record(model, o.symbol, dates, 'csv');
}

/**
 * The snapshot-served read of closes and adjusted closes equals the bars, whole and over ranges; the
 * per-symbol summaries (first and last date, row count, last dates) equal the bars read in full; and
 * with a model of what was written, the sources too.
 */
export async function expectSnapshotMatchesBars(store: PriceStore, model?: SourceModel): Promise<void> {
  const ranges: (DateRange | undefined)[] = [
    undefined,
    { to: '2020-12-31' },
    { from: '2020-01-01', to: '2021-01-04' },
    { from: '2021-06-30' },
  ];
  for (const range of ranges) {
    const bars = await store.readMany('all', range);
    for (const columns of [['close', 'adjClose'], ['close'], ['adjClose']] as const) {
      const snap = await store.readMany('all', range, { columns });
      expect([...snap.keys()].sort(), JSON.stringify(range)).toEqual([...bars.keys()].sort());
      for (const [symbol, b] of bars) {
        const s = snap.get(symbol)!;
        expect(Array.from(s.dates), `${symbol} dates ${JSON.stringify(range)}`).toEqual(Array.from(b.dates));
        for (const c of columns) {
          // bit for bit: Object.is tells NaN from NaN and -0 from 0 the way a typed array stores them
          const same = Array.from(s[c]).every((x, i) => Object.is(x, b[c][i]));
          expect(same, `${symbol} ${c} ${JSON.stringify(range)}`).toBe(true);
        }
      }
    }
    const some = [...bars.keys()].slice(0, 2);
    const picked = await store.readMany([...some, 'NOPE'], range, { columns: ['close'] });
    expect([...picked.keys()].sort()).toEqual([...some].sort());
  }
  const all = await store.readMany('all');
  const iso = (day: number | undefined) => (day === undefined ? null : formatIsoDate(day));
  const summaries = (await store.listSymbols()).filter((s) => s.rows > 0);
  expect(summaries.map((s) => [s.ticker, s.firstDate, s.lastDate, s.rows])).toEqual(
    [...all.keys()].sort().map((t) => {
      const d = all.get(t)!.dates;
      return [t, iso(d[0]), iso(d[d.length - 1]), d.length];
    }),
  );
  expect(new Map([...(await store.lastDates())].sort())).toEqual(
    new Map([...all].sort().map(([t, s]) => [t, iso(s.dates[s.dates.length - 1])])),
  );
  await expectGroupIndexMatchesBars(store, all);
  await expectPerfMatchesBars(store);
  if (model === undefined) return;
  const sourcesOf = (t: string) => [...new Set(model.get(t)?.values() ?? [])].sort();
  expect(summaries.map((s) => [s.ticker, s.sources])).toEqual(summaries.map((s) => [s.ticker, sourcesOf(s.ticker)]));
  expect(await store.barSources()).toEqual([...new Set([...model.values()].flatMap((m) => [...m.values()]))].sort());
}

/**
 * Every packed segment's group index equals its bars: each group of VALUE_GROUP values, unpacked alone,
 * gives the bars' values bit for bit, and its stored highest and lowest value and their first
 * positions are what a scan of the bars finds (strict comparisons: the earliest of equal values).
 */
async function expectGroupIndexMatchesBars(store: PriceStore, all: ReadonlyMap<string, PriceSeries>): Promise<void> {
  if (store.readPacked === undefined) throw new Error(`${store.backend}: no readPacked`);
  for (const column of ['close', 'adjClose'] as const satisfies readonly BarColumn[]) {
    const packed = await store.readPacked('all', undefined, [column]);
    if (packed === null) throw new Error('readPacked of one close column answered null');
    const bySymbol = new Map<string, (typeof packed.segments)[number][]>();
    packed.symbols.forEach((t, i) => {
      bySymbol.set(t, [...(bySymbol.get(t) ?? []), packed.segments[i]!]);
    });
    expect([...bySymbol.keys()].sort()).toEqual([...all.keys()].sort());
    for (const [symbol, segments] of bySymbol) {
      const bars = all.get(symbol)![column];
      let offset = 0;
      for (const seg of segments.sort((a, b) => a.year - b.year)) {
        const n = packedDayCount(seg.days);
        const own = column === 'close' ? seg.closes : seg.adjCloses;
        const bytes = own !== null && !sameAsClose(own) ? own : seg.closes;
        if (bytes === null) throw new Error(`${symbol} ${seg.year}: no packed ${column}`);
        const values = bars.subarray(offset, offset + n);
        const out = new Float64Array(n);
        const groups = new ValueGroups(bytes, n, out, 0);
        const label = `${symbol} ${seg.year} ${column}`;
        // prices of at most 2 decimals below 100,000 are packed (differences of at most 10^7 at 2 decimals), so indexed
        if (values.every((x) => Math.round(x * 100) / 100 === x && Math.abs(x) < 1e5))
          expect(groups.summarised, label).toBe(true);
        for (let c = groups.groups - 1; c >= 0; c--) {
          groups.load(c);
          const from = c * VALUE_GROUP;
          const to = Math.min(n, from + VALUE_GROUP);
          for (let i = from; i < to; i++) expect(Object.is(out[i], values[i]), `${label} value ${i}`).toBe(true);
          if (!groups.summarised) continue;
          let hi = from;
          let lo = from;
          for (let i = from + 1; i < to; i++) {
            if (values[i]! > values[hi]!) hi = i;
            if (values[i]! < values[lo]!) lo = i;
          }
          expect(
            [groups.high(c), groups.highIndex(c), groups.low(c), groups.lowIndex(c)],
            `${label} group ${c}`,
          ).toEqual([values[hi], hi, values[lo], lo]);
        }
        offset += n;
      }
      expect(offset, `${symbol} ${column} rows`).toBe(bars.length);
    }
  }
}

/**
 * The perf table, which reads only the bars its figures need (ReadOptions.select: the snapshot
 * unpacks a few groups of each symbol), equals the table computed from every bar of the bars table.
 */
async function expectPerfMatchesBars(store: PriceStore): Promise<void> {
  const bars: PerfSource = {
    readMany: (tickers, range) => store.readMany(tickers, range),
    getSymbol: (ticker) => store.getSymbol(ticker),
    listSymbols: () => store.listSymbols(),
  };
  for (const req of [
    ...KEPT_REQUESTS,
    { symbols: 'all', from: '2020-02-14' },
    { symbols: 'all', from: '2019-12-31', to: '2021-03-01', totalReturn: true },
  ] satisfies PerfRequest[]) {
    expect(JSON.stringify(await perfTable(store, req)), JSON.stringify(req)).toBe(
      JSON.stringify(await perfTable(bars, req)),
    );
  }
}

/** The perf tables kept and checked: the whole store, as of a day inside the data, total return. */
const KEPT_REQUESTS: readonly PerfRequest[] = [
  { symbols: 'all' },
  { symbols: 'all', asOf: '2020-12-31' },
  { symbols: 'all', totalReturn: true },
];

async function perfOutput(store: PriceStore, req: PerfRequest): Promise<CommandOutput> {
  const t = await perfTable(store, req);
  return { body: JSON.stringify(t), warnings: t.warnings };
}

const keptPerf = (store: PriceStore, req: PerfRequest) =>
  keptOrComputed(store, `perf test ${JSON.stringify(req)}`, () => perfOutput(store, req));

/** Keeps the perf tables of KEPT_REQUESTS for the store's current data version. */
export async function keepPerfTables(store: PriceStore): Promise<void> {
  for (const req of KEPT_REQUESTS) await keptPerf(store, req);
}

/**
 * Every perf table of KEPT_REQUESTS, as answered through kept results, equals the table computed afresh
 * from the bars. `kept`: whether each was answered from a kept result must be this (a store that keeps
 * nothing, PostgreSQL, never answers from one).
 */
export async function expectKeptTablesMatchBars(store: PriceStore, kept: boolean): Promise<void> {
  for (const req of KEPT_REQUESTS) {
    const answer = await keptPerf(store, req);
    const fresh = await perfOutput(store, req);
    expect(answer.body, JSON.stringify(req)).toBe(fresh.body);
    expect(answer.warnings).toEqual(fresh.warnings);
    expect(answer.kept, `answered from a kept result: ${JSON.stringify(req)}`).toBe(
      kept && store.keptResult !== undefined,
    );
  }
}

export function runSnapshotContract(label: string, makeStore: () => Promise<PriceStore>): void {
  describe(`close snapshot: ${label}`, () => {
    it('equals the bars after any sequence of writes, imports, deletes and failed writes', {
      timeout: 240_000,
    }, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'marketdash-snapshot-'));
      let k = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 6 }), async (ops) => {
          const store = await makeStore();
          const model: SourceModel = new Map();
          try {
            for (const o of ops) {
              await keepPerfTables(store);
              const version = await store.dataVersion();
              await apply(store, o, dir, ++k, model);
              await expectSnapshotMatchesBars(store, model);
              // a write that changed anything retires every kept table; one that failed keeps them
              await expectKeptTablesMatchBars(store, (await store.dataVersion()) === version);
            }
          } finally {
            await store.close();
          }
        }),
        { numRuns: 20 },
      );
    });
  });
}
