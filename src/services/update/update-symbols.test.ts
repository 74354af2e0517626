/**
 * `update` end to end against replayed HTTP: a fresh in-memory DuckDB store, the whole default
 * universe. The replay server answers in the exact shape of the recorded Yahoo chart payload
 * (shared/fixtures/providers/yahoo/chart-AAPL-2020-01-01-to-2020-01-03.json: its meta and layout,
 * with the symbol, instrument type and bars of the seeded demo market filled in for the period
 * asked) and in FRED's fredgraph CSV format for rates, so the full provider pipeline runs for real.
 * Injected faults: 429 throughout, a timeout, a malformed payload.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import {
  hang,
  localFixture,
  ReplayFetch,
  type Route,
  sharedYahoo,
  textResponse,
  toResponse,
} from '../../../test/fixtures/providers/replay-fetch.js';
import { describeWithSharedFixtures } from '../../../test/support/shared-data.js';
import { defaultConfig } from '../../config/universe-config.js';
import type { PriceSeries } from '../../domain/price-series.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import { createDefaultRegistry } from '../../providers/default-providers.js';
import { generateDemoMarket } from '../../providers/demo/demo-market.js';
import type { Clock } from '../../providers/request-pacing.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
import type { PriceStore } from '../../store/price-store.js';
import { updateSymbols } from './update-symbols.js';

const config = defaultConfig();
const today = parseIsoDate('2026-11-25');
const market = generateDemoMarket({ seed: 11, today, symbolNames: config.symbols });
type ChartTemplate = { chart: { result: Record<string, unknown>[] } };
let recordedTemplate: ChartTemplate | undefined;
/** Read on first use, so that without ../shared/fixtures the file loads and its tests are reported as skipped. */
const template = (): ChartTemplate =>
  (recordedTemplate ??= sharedYahoo('chart-AAPL-2020-01-01-to-2020-01-03.json').bodyJson as ChartTemplate);
const INSTRUMENT: Record<string, string> = { stock: 'EQUITY', etf: 'ETF', index: 'INDEX' };
const DAY = 86_400;

/** A chart payload in the recorded layout for one symbol's bars within [period1, period2). */
function chartBody(symbol: string, series: PriceSeries, period1: number, period2: number): unknown {
  const body = structuredClone(template());
  const result = body.chart.result[0]! as {
    meta: Record<string, unknown>;
    timestamp?: number[];
    indicators: unknown;
    events?: unknown;
  };
  const idx: number[] = [];
  for (let i = 0; i < series.dates.length; i++) {
    const t = series.dates[i]! * DAY;
    if (t >= period1 && t < period2) idx.push(i);
  }
  result.meta = {
    ...result.meta,
    symbol,
    instrumentType: INSTRUMENT[config.symbols[symbol]!.kind] ?? 'EQUITY',
    longName: config.symbols[symbol]!.name,
  };
  result.timestamp = idx.map((i) => series.dates[i]! * DAY + 14.5 * 3600);
  const col = (a: Float64Array) => idx.map((i) => a[i]!);
  result.indicators = {
    quote: [
      {
        open: col(series.open),
        high: col(series.high),
        low: col(series.low),
        close: col(series.close),
        volume: col(series.volume),
      },
    ],
    adjclose: [{ adjclose: col(series.adjClose) }],
  };
  const divs = (market.dividends.get(symbol) ?? []).filter((x) => x.day * DAY >= period1 && x.day * DAY < period2);
  result.events = divs.length
    ? {
        dividends: Object.fromEntries(
          divs.map((x) => [String(x.day * DAY + 14.5 * 3600), { amount: x.amount, date: x.day * DAY + 14.5 * 3600 }]),
        ),
      }
    : undefined;
  if (!idx.length) {
    delete result.timestamp;
    result.indicators = { quote: [{}], adjclose: [{}] };
  }
  return body;
}

function fredCsv(symbol: string, series: PriceSeries, from: string, to: string): string {
  const rows = ['observation_date,' + symbol];
  for (let i = 0; i < series.dates.length; i++) {
    const iso = formatIsoDate(series.dates[i]!);
    if (iso >= from && iso <= to) rows.push(`${iso},${series.close[i]}`);
  }
  return `${rows.join('\n')}\n`;
}

type Fault = (url: URL, init?: RequestInit) => Response | Promise<Response> | null;

function replay(faults: Record<string, Fault> = {}) {
  const routes: Route[] = [
    {
      match: (u) => u.hostname.endsWith('finance.yahoo.com') && u.pathname.startsWith('/v8/finance/chart/'),
      respond: (u, init) => {
        const symbol = decodeURIComponent(u.pathname.slice('/v8/finance/chart/'.length));
        const fault = faults[symbol]?.(u, init);
        if (fault) return fault;
        const series = market.series.get(symbol);
        if (!series)
          return new Response(
            '{"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}',
            { status: 404 },
          );
        return new Response(
          JSON.stringify(
            chartBody(symbol, series, Number(u.searchParams.get('period1')), Number(u.searchParams.get('period2'))),
          ),
          { status: 200, headers: { 'content-type': 'application/json' } },
        );
      },
    },
    {
      match: (u) => u.pathname.endsWith('fredgraph.csv'),
      respond: (u) => {
        const id = u.searchParams.get('id')!;
        return textResponse(
          200,
          fredCsv(id, market.series.get(id)!, u.searchParams.get('cosd')!, u.searchParams.get('coed')!),
        );
      },
    },
    { match: (u) => u.hostname === 'stooq.com', respond: () => textResponse(200, 'No data') },
  ];
  return new ReplayFetch(routes);
}

const instantClock: Clock = { now: () => 0, sleep: async () => {}, random: () => 0.5 };

function registry(fetch: ReplayFetch['fetch'], timeoutMs = 5000) {
  return createDefaultRegistry(config.providers, {
    fetch,
    clock: instantClock,
    timeoutMs,
    minIntervalMs: { yahoo: 0, stooq: 0, fred: 0 },
    env: {},
  });
}

let store: PriceStore;
beforeEach(async () => {
  store = await DuckDbStore.open(':memory:');
});
afterEach(async () => {
  await store.close();
});

const universe = Object.entries(config.symbols)
  .filter(([, s]) => s.kind !== 'basket')
  .map(([t]) => t);

describeWithSharedFixtures('marketdash update (replayed providers)', () => {
  it('fills a fresh store for the default universe, then a second run is idempotent', async () => {
    const http = replay();
    const first = await updateSymbols(store, registry(http.fetch), config, { all: true }, { today });
    expect(first.failed).toBe(0);
    expect(first.outcomes.map((o) => o.symbol).sort()).toEqual([...universe].sort());
    expect(first.outcomes.every((o) => o.status === 'updated')).toBe(true);
    expect(first.outcomes.find((o) => o.symbol === 'DGS10')?.provider).toBe('fred');
    expect(first.outcomes.find((o) => o.symbol === '^VIX')?.provider).toBe('yahoo');
    const stored = await store.readMany('all');
    for (const t of universe) {
      const want = market.series.get(t)!;
      const got = stored.get(t)!;
      expect(got.dates.length, t).toBe(want.dates.length);
      expect(got.close[got.close.length - 1], t).toBeCloseTo(want.close[want.close.length - 1]!, 6);
    }
    expect(formatIsoDate(stored.get('AAPL')!.dates.at(-1)!)).toBe('2026-11-24');
    const symbols = await store.listSymbols();
    expect(symbols.find((s) => s.ticker === 'DGS10')).toMatchObject({ kind: 'rate', sources: ['fred'] });
    expect(symbols.find((s) => s.ticker === 'NVDA')?.sources).toEqual(['yahoo']);

    const version = await store.dataVersion();
    const second = await updateSymbols(store, registry(http.fetch), config, { all: true }, { today });
    expect(second.failed).toBe(0);
    expect(second.outcomes.every((o) => o.status === 'up to date' && o.rows === 0)).toBe(true);
    // Incremental: the second run asked only for the last few days (5 trading days of overlap).
    expect(second.outcomes.find((o) => o.symbol === 'AAPL')?.from).toBe('2026-11-17');
    expect(await store.dataVersion()).toBe(version);
  });

  it('survives 429s, a timeout and a malformed payload: those symbols fail, the others are stored, nothing partial', async () => {
    let msftCalls = 0;
    const http = replay({
      '^VIX': () => toResponse(localFixture('yahoo/chart-429-too-many-requests.hand.json')),
      MSFT: (u, init) => (msftCalls++ === 0 ? (hang(u, init) as Promise<Response>) : null),
      NVDA: () => toResponse(localFixture('yahoo/chart-malformed-truncated.hand.json')),
    });
    const report = await updateSymbols(
      store,
      registry(http.fetch, 50),
      config,
      { all: true },
      { today, concurrency: 3 },
    );
    const by = new Map(report.outcomes.map((o) => [o.symbol, o]));
    expect(report.failed).toBe(2);
    expect(by.get('^VIX')).toMatchObject({ status: 'failed', provider: null });
    expect(by.get('^VIX')!.error).toMatch(/HTTP 429/);
    expect(by.get('^VIX')!.attempts[0]).toMatchObject({ provider: 'yahoo', tries: 4 });
    expect(by.get('NVDA')!.status).toBe('failed');
    expect(by.get('NVDA')!.error).toMatch(/malformed payload/);
    // The timeout was retried and then served.
    expect(by.get('MSFT')).toMatchObject({ status: 'updated', provider: 'yahoo' });
    expect(msftCalls).toBe(2);
    const stored = await store.readMany('all');
    expect(stored.has('^VIX')).toBe(false);
    expect(stored.has('NVDA')).toBe(false);
    for (const t of universe.filter((x) => x !== '^VIX' && x !== 'NVDA'))
      expect(stored.get(t)?.dates.length, t).toBe(market.series.get(t)!.dates.length);
  });

  it('updates one group or named symbols, with --provider forcing one source', async () => {
    const http = replay();
    const r = await updateSymbols(store, registry(http.fetch), config, { group: 'volatility' }, { today });
    expect(r.outcomes.map((o) => [o.symbol, o.status, o.provider])).toEqual([['^VIX', 'updated', 'yahoo']]);
    // a group imported into the store (marketdash group import ... --name vol) works as a config group does
    await store.saveGroup({ name: 'vol', members: ['^VIX'], benchmark: null, source: 'vol.csv' });
    const g = await updateSymbols(store, registry(http.fetch), config, { group: 'VOL' }, { today });
    expect(g.outcomes.map((o) => [o.symbol, o.status])).toEqual([['^VIX', 'up to date']]);
    const s = await updateSymbols(
      store,
      registry(http.fetch),
      config,
      { symbols: ['aapl'], provider: 'stooq' },
      { today },
    );
    expect(s.outcomes[0]).toMatchObject({ symbol: 'AAPL', status: 'failed' });
    expect(s.outcomes[0]!.error).toMatch(/stooq: unknown symbol AAPL/);
    await expect(
      updateSymbols(store, registry(http.fetch), config, { symbols: ['AAPL'], group: 'mag7' }, { today }),
    ).rejects.toThrow(/not SYMBOL and --group/);
    await expect(updateSymbols(store, registry(http.fetch), config, { symbols: ['MAG7'] }, { today })).rejects.toThrow(
      /basket/,
    );
  });

  it('prints data-check warnings for what it wrote (an unadjusted split served by a provider)', async () => {
    const http = replay({
      XLK: (u) => {
        const xlk = market.series.get('XLK')!;
        const halved = {
          ...xlk,
          close: xlk.close.map((c, i) => (xlk.dates[i]! >= parseIsoDate('2025-11-17') ? c / 2 : c)),
        };
        return new Response(
          JSON.stringify(
            chartBody('XLK', halved, Number(u.searchParams.get('period1')), Number(u.searchParams.get('period2'))),
          ),
          { status: 200 },
        );
      },
    });
    const r = await updateSymbols(store, registry(http.fetch), config, { symbols: ['XLK'] }, { today });
    expect(r.warnings.some((w) => /^XLK: suspected unadjusted 2:1 split on 2025-11-17/.test(w))).toBe(true);
  });

  it("rebuilds the baskets of the config it was given (update --config), not the default config's", async () => {
    const http = replay();
    // A config whose only basket is AB = 25% AAPL + 75% MSFT, rebalanced never: its level is
    // 100 x (0.25 x AAPL_t / AAPL_0 + 0.75 x MSFT_t / MSFT_0) on the common days (buy and hold).
    const own = {
      ...config,
      baskets: { AB: { members: ['AAPL', 'MSFT'], weights: [0.25, 0.75], rebalance: 'none' as const } },
    };
    const r = await updateSymbols(store, registry(http.fetch), own, { symbols: ['AAPL', 'MSFT'] }, { today });
    expect(r.baskets.map((b) => [b.ticker, b.rows !== null])).toEqual([['AB', true]]);
    const ab = (await store.readSeries('AB'))!;
    const [a, m] = [market.series.get('AAPL')!, market.series.get('MSFT')!];
    const last = a.close.length - 1;
    expect(ab.close[ab.close.length - 1]).toBeCloseTo(
      100 * (0.25 * (a.close[last]! / a.close[0]!) + 0.75 * (m.close[last]! / m.close[0]!)),
      8,
    );
    expect(await store.getBasket('MAG7')).toBeNull();
    // the default config would have reported MAG7 (members missing) instead
    const d = await updateSymbols(store, registry(http.fetch), config, { symbols: ['NVDA'] }, { today });
    expect(d.baskets.map((b) => b.ticker)).toEqual(['MAG7']);
  });

  it('rejects an unknown --provider', async () => {
    const http = replay();
    await expect(
      updateSymbols(store, registry(http.fetch), config, { symbols: ['AAPL'], provider: 'bloomberg' }, { today }),
    ).rejects.toThrow(/--provider: 'bloomberg'/);
  });
});
