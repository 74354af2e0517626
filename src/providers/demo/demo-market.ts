/**
 * The demo market: a deterministic, seeded synthetic market for the whole default universe, daily on
 * the NYSE calendar from 2015-01-02 to the last trading day before `today`.
 *
 * How it is made: one market shock series with clustered volatility (GJR-GARCH) drives everything;
 * a few planned paths (the S&P 600 level, the S&P 600 / Mag 7 ratio, the S&P 500 level, rates) are
 * pinned to anchors so the story is always there, while the daily noise stays random:
 * - years of small caps lagging the mega-caps: the small/mega ratio falls along a multi-year
 *   downtrend line that its rallies keep touching;
 * - a closing rotation into small caps: the Russell 2000 (^RUT, IWM) at a new all-time high on the
 *   last day, the S&P 600 (^SP600, SPSM) about 1.5% under its own, the ratio just over its line;
 * - the VIX at its lowest close in months, computed from the S&P 500's own moves (it rises when
 *   stocks fall); the tech sector (XLK) ending a six-day winning streak on the last day, with Oracle down;
 * - dividends (adjusted close differs from close), one stock split (Nvidia 10:1 on 2024-06-10, bars
 *   split-adjusted like Yahoo's), funds that track their index less fees, rates that follow the Fed.
 * All prices are synthetic. Everything shown from them must say so (see services/demo-label.ts).
 */
import { basketIndex } from '../../analytics/ratios-baskets/basket-index.js';
import type { BasketDefinition } from '../../domain/basket.js';
import { ensureDefined } from '../../domain/ensure.js';
import { previousTradingDay, todayDay, tradingDaysBetween } from '../../domain/nyse-calendar.js';
import { closeOnlySeries, indexOnOrAfter, type PriceSeries } from '../../domain/price-series.js';
import type { SymbolInfo } from '../../domain/symbol-info.js';
import { civilFromDays, type DayNumber, daysFromCivil, parseIsoDate, weekday } from '../../domain/trading-date.js';
import { buildBars, type DividendEvent, roundPrice } from './demo-bars.js';
import { cumulativePath, foldBelow, type PathAnchor, pathSteps, pinToAnchors } from './path-shaping.js';
import { SeededRandom } from './seeded-random.js';

export const DEMO_FIRST_DAY = '2015-01-02';
export const DEFAULT_DEMO_SEED = 42;
export const DEMO_SOURCE = 'demo';

export interface DemoSplit {
  readonly symbol: string;
  readonly day: number;
  /** new shares per old share: 10 for a 10:1 split. */
  readonly ratio: number;
}

export interface DemoStory {
  /** The day the small/mega ratio's downtrend began (its high). */
  readonly ratioPeakDay: number;
  /** The planned line of that downtrend in log space: value at the peak and slope per trading day. */
  readonly ratioLine: { readonly peakValue: number; readonly slopePerDay: number };
  readonly splitDay: number;
}

export interface DemoMarket {
  readonly seed: number;
  readonly days: Int32Array;
  readonly series: ReadonlyMap<string, PriceSeries>;
  readonly dividends: ReadonlyMap<string, readonly DividendEvent[]>;
  readonly splits: readonly DemoSplit[];
  readonly symbols: readonly SymbolInfo[];
  readonly story: DemoStory;
}

export interface DemoMarketOptions {
  readonly seed?: number;
  /** The demo ends on the last NYSE trading day before this day (default: today, UTC). */
  readonly today?: DayNumber;
  /** Names and kinds of the symbols (the default universe's `symbols`). */
  readonly symbolNames: Readonly<Record<string, { readonly name: string; readonly kind: SymbolInfo['kind'] }>>;
}

const YEAR = 252;

interface StockSpec {
  readonly ticker: string;
  readonly price0: number;
  /** Drift relative to the Mag 7 basket, log per year. */
  readonly relDrift: number;
  readonly vol: number;
  readonly yield: number;
  readonly dividendFrom: string;
  readonly months: readonly number[];
  readonly volume: number;
}

const MAG7: readonly StockSpec[] = [
  {
    ticker: 'AAPL',
    price0: 24.4,
    relDrift: -0.04,
    vol: 0.014,
    yield: 0.006,
    dividendFrom: DEMO_FIRST_DAY,
    months: [2, 5, 8, 11],
    volume: 55e6,
  },
  {
    ticker: 'MSFT',
    price0: 40.1,
    relDrift: -0.02,
    vol: 0.013,
    yield: 0.009,
    dividendFrom: DEMO_FIRST_DAY,
    months: [2, 5, 8, 11],
    volume: 24e6,
  },
  {
    ticker: 'GOOGL',
    price0: 26.5,
    relDrift: -0.02,
    vol: 0.015,
    yield: 0.0045,
    dividendFrom: '2024-06-10',
    months: [3, 6, 9, 12],
    volume: 30e6,
  },
  {
    ticker: 'AMZN',
    price0: 15.4,
    relDrift: -0.01,
    vol: 0.017,
    yield: 0,
    dividendFrom: DEMO_FIRST_DAY,
    months: [],
    volume: 45e6,
  },
  {
    ticker: 'NVDA',
    price0: 0.48,
    relDrift: 0.27,
    vol: 0.026,
    yield: 0.0004,
    dividendFrom: DEMO_FIRST_DAY,
    months: [3, 6, 9, 12],
    volume: 250e6,
  },
  {
    ticker: 'META',
    price0: 78.5,
    relDrift: -0.05,
    vol: 0.02,
    yield: 0.004,
    dividendFrom: '2024-02-22',
    months: [3, 6, 9, 12],
    volume: 16e6,
  },
  {
    ticker: 'TSLA',
    price0: 14.6,
    relDrift: 0.02,
    vol: 0.031,
    yield: 0,
    dividendFrom: DEMO_FIRST_DAY,
    months: [],
    volume: 95e6,
  },
];

/** A fund or sector ETF: a blend of factor steps plus its own noise, a start price, and a payout. */
interface FundSpec {
  readonly ticker: string;
  readonly inception: string;
  readonly price0: number;
  readonly yield: number;
  readonly fee: number;
  readonly months: readonly number[];
  readonly volume: number;
  readonly volMult: number;
}

const QUARTERLY_FUND = [3, 6, 9, 12] as const;

/** The calendar and random streams every planted story draws on. */
interface DemoFrame {
  readonly seed: number;
  readonly days: Int32Array;
  /** Number of trading days, and the index of the last one. */
  readonly N: number;
  readonly L: number;
  /** The index of the first trading day on or after an ISO date (the last day at most). */
  at(iso: string): number;
  /** An independent random stream per name, so each story draws the same numbers whatever runs first. */
  rng(name: string): SeededRandom;
}

const ln = Math.log;

export function generateDemoMarket(options: DemoMarketOptions): DemoMarket {
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const today = options.today ?? todayDay();
  const days = tradingDaysBetween(parseIsoDate(DEMO_FIRST_DAY), previousTradingDay(today));
  const N = days.length;
  if (N < 2600)
    throw new RangeError(`demo market: needs history to at least mid-2025 (got ${N} trading days up to today)`);
  const L = N - 1;
  const f: DemoFrame = {
    seed,
    days,
    N,
    L,
    at: (iso) => Math.min(indexOnOrAfter(days, parseIsoDate(iso)), L),
    rng: (name) => new SeededRandom(seed, name),
  };

  const market = marketShocks(f);
  const small = smallCapsNearTheirRecord(f, market.shock);
  const ratio = smallVersusMegaDowntrend(f, market.shock, small.sp600);
  const mag7 = mag7StocksUnderTheRatio(f, small.sp600, ratio.path);
  const gspc = sp500Level(f, market.shock, mag7.dBasket);
  const dG = pathSteps(gspc);
  const rut = russellAtARecord(f, small.sp600);
  const vixLog = vixPath(dG, f.rng('vix'));
  plantVixLow(vixLog, L);
  const funds = fundsAndSectors(f, { sp600: small.sp600, rut, gspc, dBasket: mag7.dBasket, dG });
  techStreakEndsWithOracle(funds, L);

  const bars = new DemoBars(f, market.sigma, small.stress);
  for (const s of MAG7)
    bars.add(
      s.ticker,
      ensureDefined(mag7.stockPrice.get(s.ticker), `demo price path of ${s.ticker}`),
      0,
      s.yield,
      s.months,
      9,
      s.dividendFrom,
      s.vol / 0.01,
      s.volume,
    );
  replantRatioOnPublishedStocks(f, bars.series, small.sp600, mag7.def, ratio);
  addGoogClassC(f, bars, ensureDefined(mag7.stockPrice.get('GOOGL'), 'demo price path of GOOGL'));
  for (const { path, spec } of funds.values())
    bars.add(
      spec.ticker,
      path,
      f.at(spec.inception),
      spec.yield,
      spec.months,
      18,
      spec.inception,
      spec.volMult * 1.1,
      spec.volume,
    );
  addMagsFund(f, bars, mag7.def);
  const index = (ticker: string, path: Float64Array, volMult: number, volume: number) =>
    bars.add(ticker, path, 0, 0, [], 1, DEMO_FIRST_DAY, volMult, volume, 2);
  index('^SP600', small.sp600, 1.2, 0);
  index('^RUT', rut, 1.25, 0);
  index('^GSPC', gspc, 1, 4e9);
  index('^VIX', vixLog, 5, 0);
  addRates(f, bars.series);

  const symbols: SymbolInfo[] = [...bars.series.keys()].map((ticker) => {
    const info = options.symbolNames[ticker];
    return {
      ticker,
      name: info?.name ?? null,
      kind: info?.kind ?? (ticker.startsWith('^') ? 'index' : 'etf'),
      currency: 'USD',
    };
  });
  return {
    seed,
    days,
    series: bars.series,
    dividends: bars.dividends,
    splits: [{ symbol: 'NVDA', day: parseIsoDate('2024-06-10'), ratio: 10 }],
    symbols,
    story: {
      ratioPeakDay: days[ratio.P]!,
      ratioLine: { peakValue: ratio.peak, slopePerDay: ratio.slope },
      splitDay: parseIsoDate('2024-06-10'),
    },
  };
}

/** 1. Market shocks with clustered, asymmetric volatility (GJR-GARCH(1,1), long-run 1%/day). */
function marketShocks(f: DemoFrame): { shock: Float64Array; sigma: Float64Array } {
  const zm = f.rng('market').normals(f.N);
  const shock = new Float64Array(f.N);
  const sigma = new Float64Array(f.N);
  let v = 1e-4;
  for (let t = 0; t < f.N; t++) {
    const sg = Math.sqrt(v);
    sigma[t] = sg;
    const e = sg * zm[t]!;
    shock[t] = e;
    v = Math.min(2.5e-3, Math.max(2.5e-5, 2e-6 + 0.05 * e * e + (e < 0 ? 0.1 * e * e : 0) + 0.88 * v));
  }
  return { shock, sigma };
}

/** Anchors at ISO dates for a level (stored as its log), those before index `before` only. */
function absoluteAnchors(f: DemoFrame, list: readonly (readonly [string, number])[], before: number): PathAnchor[] {
  return list.map(([iso, level]) => ({ index: f.at(iso), value: ln(level) })).filter((a) => a.index < before);
}

/**
 * 2. The S&P SmallCap 600 level (log), pinned to a history of highs and lows; its all-time high comes
 * before the final rally, which ends about 1.5% below it. The market's stress around its crashes is
 * applied to `shock` in place (every later path feels it).
 */
function smallCapsNearTheirRecord(f: DemoFrame, shock: Float64Array): { sp600: Float64Array; stress: Float64Array } {
  const { N, L } = f;
  const sp600Anchors: PathAnchor[] = [
    ...absoluteAnchors(
      f,
      [
        ['2015-01-02', 690],
        ['2015-06-23', 730],
        ['2016-02-11', 600],
        ['2018-08-29', 1090],
        ['2018-12-24', 800],
        ['2020-01-16', 1030],
        ['2020-03-23', 560],
        ['2021-03-12', 1330],
        ['2021-11-08', 1460],
        ['2022-06-16', 1120],
        ['2022-08-16', 1310],
        ['2022-10-12', 1100],
        ['2023-07-31', 1290],
        ['2023-10-27', 1070],
        ['2024-11-25', 1480],
        ['2025-04-08', 1080],
      ],
      L - 140,
    ),
    { index: L - 120, value: ln(1480 * 0.9) },
    { index: L - 25, value: ln(1480 * 0.91) },
  ];
  const stress = stressMultiplier(N, sp600Anchors);
  for (let t = 0; t < N; t++) shock[t] = shock[t]! * stress[t]!;
  const zs = f.rng('smallcap').normals(N);
  const sp600 = cumulativePath(
    mapSteps(N, (t) => 1.15 * shock[t]! + 0.0055 * zs[t]!),
    0,
  );
  pinToAnchors(sp600, sp600Anchors);
  const sp600HighBefore = maxOf(sp600, 0, L - 26);
  const sp600Final = sp600HighBefore + ln(0.985);
  pinToAnchors(sp600, [
    { index: L - 25, value: sp600[L - 25]! },
    { index: L, value: sp600Final },
  ]);
  foldBelow(sp600, () => sp600HighBefore, L - 25, L - 1, 0.004);
  sp600[L] = sp600Final;
  return { sp600, stress };
}

/** The small/mega ratio's planted downtrend: its peak index P, the line, and the clearance off it between touches. */
interface RatioPlan {
  readonly path: Float64Array;
  readonly P: number;
  readonly peak: number;
  readonly slope: number;
  clearance(t: number): number;
}

/** 3. The ratio S&P 600 / Mag 7 basket (log). It peaks at P, then falls along a line its rallies touch. */
function smallVersusMegaDowntrend(f: DemoFrame, shock: Float64Array, sp600: Float64Array): RatioPlan {
  const { N, L, days, at } = f;
  const P = Math.min(at('2021-03-12'), L - 900);
  const peak = ln(1330 / 550);
  const lineDrop = 0.94;
  const slope = -lineDrop / (L - P);
  const line = (t: number) => peak + slope * (t - P);
  const zr = f.rng('ratio').normals(N);
  const ratio = cumulativePath(
    mapSteps(N, (t) => -0.15 * shock[t]! + 0.009 * zr[t]!),
    0,
  );
  // Touches fall on week ends (trendlines read weekly closes); between them the ratio keeps off the
  // line, so each touch is a clean swing high and the line through them is the dominant one.
  const weekEnd = (t: number) => {
    let u = t;
    const monday = (d: number) => d - ((weekday(d) + 6) % 7);
    while (u + 1 < N && monday(days[u + 1]!) === monday(days[u]!)) u++;
    return u;
  };
  const frac = (x: number) => weekEnd(P + Math.round(x * (L - P)));
  const touches = [0.2, 0.36, 0.52, 0.68, 0.84].map(frac);
  const clearance = (t: number) => {
    let dist = Number.POSITIVE_INFINITY;
    for (const k of touches) dist = Math.min(dist, Math.abs(t - k));
    return 0.025 * Math.min(1, dist / 8);
  };
  const ceiling = (t: number) => line(t) - clearance(t);
  const ratioAnchors: PathAnchor[] = [
    ...(
      [
        ['2015-01-02', ensureDefined(sp600[0], 'first day of the demo S&P 600 path') - ln(100)],
        ['2016-02-11', 1.75],
        ['2017-06-01', 1.45],
        ['2018-08-29', 1.28],
        ['2018-12-24', 1.05],
        ['2019-11-15', peak - 0.15],
        ['2020-03-23', peak - 0.5],
      ] as const
    )
      .map(([iso, value]) => ({ index: at(iso), value }))
      .filter((a) => a.index < P - 20),
    { index: P, value: peak - 0.002 },
    // A sharp turn down from the peak, so the first swing high on the line comes months later.
    { index: P + 15, value: line(P + 15) - 0.1 },
    ...[
      [0.1, -0.2],
      [0.2, -0.002],
      [0.28, -0.24],
      [0.36, -0.002],
      [0.44, -0.28],
      [0.52, -0.002],
      [0.6, -0.25],
      [0.68, -0.002],
      [0.76, -0.22],
      [0.84, -0.002],
      [0.92, -0.16],
    ].map(([x, off]) => ({
      index: frac(x!),
      value: line(frac(x!)) + off!,
    })),
    { index: L - 25, value: line(L - 25) - 0.08 },
    // Just over the line at the end.
    { index: L, value: line(L) + 0.015 },
  ];
  pinToAnchors(ratio, ratioAnchors);
  foldBelow(ratio, () => peak, P - 400, P - 1, 0.01);
  foldBelow(ratio, ceiling, P + 1, L - 12, 0.003, 100);
  return { path: ratio, P, peak, slope, clearance };
}

/** 4. The Mag 7 basket level the ratio implies, and seven stocks whose equal-weight basket is exactly that. */
function mag7StocksUnderTheRatio(
  f: DemoFrame,
  sp600: Float64Array,
  ratio: Float64Array,
): { stockPrice: Map<string, Float64Array>; def: BasketDefinition; dBasket: Float64Array } {
  const { N, L, days } = f;
  const basketLog = new Float64Array(N);
  for (let t = 0; t < N; t++) basketLog[t] = sp600[t]! - ratio[t]!;
  const raw = MAG7.map((s) => {
    const z = f.rng(`idio:${s.ticker}`).normals(N);
    const p = cumulativePath(
      mapSteps(N, (t) => s.vol * z[t]!),
      0,
    );
    // Each stock ends near its planned drift against the basket (a random walk this long wanders too far).
    pinToAnchors(p, [
      { index: 0, value: ln(s.price0) },
      { index: L, value: ln(s.price0) + (s.relDrift * L) / YEAR },
    ]);
    return p;
  });
  const def: BasketDefinition = {
    ticker: 'MAG7',
    members: MAG7.map((s) => s.ticker),
    weights: null,
    rebalance: 'quarterly',
    baseValue: 100,
  };
  const rawBasket = basketIndex(
    def,
    raw.map((p, i) => closeOnlySeries(MAG7[i]!.ticker, days, p.map(Math.exp))),
  );
  const stockPrice = new Map<string, Float64Array>();
  MAG7.forEach((s, i) => {
    const p = new Float64Array(N);
    for (let t = 0; t < N; t++) p[t] = raw[i]![t]! + basketLog[t]! - ln(rawBasket.close[t]!);
    stockPrice.set(s.ticker, p);
  });
  return { stockPrice, def, dBasket: pathSteps(basketLog) };
}

/** 5. The S&P 500: a third mega-caps, the rest the broad market; pinned to a plausible history. */
function sp500Level(f: DemoFrame, shock: Float64Array, dBasket: Float64Array): Float64Array {
  const { N, L } = f;
  const zg = f.rng('sp500').normals(N);
  const gspc = cumulativePath(
    mapSteps(N, (t) => 0.32 * dBasket[t]! + 0.68 * (shock[t]! + 0.0025 * zg[t]!)),
    0,
  );
  pinToAnchors(gspc, [
    ...absoluteAnchors(
      f,
      [
        ['2015-01-02', 2058],
        ['2016-02-11', 1829],
        ['2018-01-26', 2873],
        ['2018-12-24', 2351],
        ['2020-02-19', 3386],
        ['2020-03-23', 2237],
        ['2022-01-03', 4797],
        ['2022-10-12', 3577],
        ['2023-12-29', 4770],
        ['2025-04-08', 4983],
      ],
      L - 140,
    ),
    { index: L - 120, value: ln(6300) },
    { index: L, value: ln(6750) },
  ]);
  return gspc;
}

/** 6. The Russell 2000: the S&P 600 plus a slowly wandering spread; its final rally clears its old high. */
function russellAtARecord(f: DemoFrame, sp600: Float64Array): Float64Array {
  const { N, L, at } = f;
  const zu = f.rng('rut-spread').normals(N);
  const spread = cumulativePath(
    mapSteps(N, (t) => 0.0035 * zu[t]!),
    ln(1200 / 690),
  );
  pinToAnchors(spread, [
    { index: 0, value: ln(1200 / 690) },
    { index: at('2021-11-08'), value: ln(2442 / 1460) },
    { index: Math.min(at('2024-11-25'), L - 60), value: ln(2434 / 1480) },
    { index: L - 25, value: ln(2434 / 1480) },
  ]);
  const rut = new Float64Array(N);
  for (let t = 0; t < N; t++) rut[t] = sp600[t]! + spread[t]!;
  // The Russell outperforms over the last 25 days so its last close clears the old high by 2.5%;
  // nothing in between may reach that close.
  const lift = maxOf(rut, 0, L - 26) + 0.025 - rut[L]!;
  for (let t = L - 24; t <= L; t++) rut[t] = rut[t]! + lift * ((t - (L - 25)) / 25) ** 2;
  foldBelow(rut, () => rut[L]!, L - 25, L - 1, 0.003);
  return rut;
}

type FundPaths = Map<string, { path: Float64Array; spec: FundSpec }>;

/** 8. Funds and sectors from the factors: index trackers less fees, blends, and the eleven sector funds. */
function fundsAndSectors(
  f: DemoFrame,
  x: { sp600: Float64Array; rut: Float64Array; gspc: Float64Array; dBasket: Float64Array; dG: Float64Array },
): FundPaths {
  const { N, at } = f;
  const { dBasket, dG } = x;
  const dS = pathSteps(x.sp600);
  const steps: FundPaths = new Map();
  const fund = (spec: FundSpec, step: (t: number) => number) => {
    const z = f.rng(`fund:${spec.ticker}`).normals(N);
    const from = at(spec.inception);
    const path = cumulativePath(
      mapSteps(N, (t) => step(t) + 0.0004 * spec.volMult * z[t]!),
      0,
    );
    const shift = ln(spec.price0) - path[from]!;
    for (let t = 0; t < N; t++) path[t] = path[t]! + shift;
    steps.set(spec.ticker, { path, spec });
  };
  const tracking = (
    ticker: string,
    index: Float64Array,
    scale: number,
    yld: number,
    fee: number,
    volume: number,
    inception = DEMO_FIRST_DAY,
  ) => {
    const z = f.rng(`fund:${ticker}`).normals(N);
    const from = at(inception);
    const path = new Float64Array(N);
    let noise = 0;
    for (let t = 0; t < N; t++) {
      noise = 0.9 * noise + 0.0003 * z[t]!;
      path[t] = index[t]! + ln(scale) + noise - (fee * (t - from)) / YEAR;
    }
    steps.set(ticker, {
      path,
      spec: {
        ticker,
        inception,
        price0: Math.exp(path[from]!),
        yield: yld,
        fee,
        months: QUARTERLY_FUND,
        volume,
        volMult: 1.1,
      },
    });
  };
  tracking('SPSM', x.sp600, 1 / 32.4, 0.016, 0.0003, 2e6);
  tracking('IJR', x.sp600, 1 / 12.45, 0.015, 0.0006, 4e6);
  tracking('IWM', x.rut, 1 / 10.1, 0.012, 0.0019, 30e6);
  tracking('SPY', x.gspc, 1 / 10.02, 0.013, 0.000945, 70e6);
  const zq = f.rng('qqq-mix').normals(N);
  fund(
    {
      ticker: 'QQQ',
      inception: DEMO_FIRST_DAY,
      price0: 102.9,
      yield: 0.006,
      fee: 0.002,
      months: QUARTERLY_FUND,
      volume: 45e6,
      volMult: 1,
    },
    (t) => 0.55 * dBasket[t]! + 0.45 * dG[t]! + 0.002 * zq[t]! - 0.03 / YEAR,
  );
  fund(
    {
      ticker: 'RSP',
      inception: DEMO_FIRST_DAY,
      price0: 79.4,
      yield: 0.016,
      fee: 0.002,
      months: QUARTERLY_FUND,
      volume: 6e6,
      volMult: 1,
    },
    (t) => 0.55 * dG[t]! + 0.45 * dS[t]! + 0.012 / YEAR,
  );
  fund(
    {
      ticker: 'DIA',
      inception: DEMO_FIRST_DAY,
      price0: 178.4,
      yield: 0.018,
      fee: 0.0016,
      months: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
      volume: 3.5e6,
      volMult: 2,
    },
    (t) => 0.95 * dG[t]! - 0.005 / YEAR,
  );
  const sector = (
    ticker: string,
    price0: number,
    yld: number,
    beta: number,
    mega: number,
    small: number,
    drift: number,
    vol: number,
    volume: number,
    inception = DEMO_FIRST_DAY,
  ) => {
    const z = f.rng(`sector:${ticker}`).normals(N);
    fund(
      { ticker, inception, price0, yield: yld, fee: 0.0009, months: QUARTERLY_FUND, volume, volMult: 1 },
      (t) => beta * dG[t]! + mega * dBasket[t]! + small * dS[t]! + vol * z[t]! + drift / YEAR,
    );
  };
  sector('XLK', 40.9, 0.008, 0.5, 0.5, 0, 0.0, 0.004, 9e6);
  sector('XLF', 24.6, 0.018, 0.7, 0, 0.35, 0.0, 0.007, 40e6);
  sector('XLE', 79.5, 0.034, 0.8, 0, 0.2, -0.06, 0.013, 18e6);
  sector('XLV', 68.3, 0.015, 0.75, 0, 0, 0.0, 0.007, 9e6);
  sector('XLY', 71.4, 0.01, 0.75, 0.3, 0, -0.01, 0.006, 5e6);
  sector('XLP', 48.2, 0.025, 0.55, 0, 0, 0.0, 0.006, 10e6);
  sector('XLI', 56.1, 0.018, 0.85, 0, 0.25, 0.0, 0.006, 11e6);
  sector('XLB', 48.1, 0.019, 0.85, 0, 0.2, -0.02, 0.007, 6e6);
  sector('XLU', 46.9, 0.032, 0.45, 0, 0, 0.01, 0.009, 12e6);
  sector('XLRE', 31.6, 0.033, 0.7, 0, 0.2, -0.02, 0.008, 5e6, '2015-10-08');
  sector('XLC', 50.1, 0.009, 0.5, 0.45, 0, -0.02, 0.006, 4e6, '2018-06-19');
  const zo = f.rng('idio:ORCL').normals(N);
  fund(
    {
      ticker: 'ORCL',
      inception: DEMO_FIRST_DAY,
      price0: 39.2,
      yield: 0.015,
      fee: 0,
      months: [1, 4, 7, 10],
      volume: 9e6,
      volMult: 1,
    },
    (t) => 0.85 * dG[t]! + 0.014 * zo[t]! + 0.09 / YEAR,
  );
  return steps;
}

/** Oracle disappoints on the last day and drags tech; tech had risen six days running until then. */
function techStreakEndsWithOracle(funds: FundPaths, L: number): void {
  const orcl = ensureDefined(funds.get('ORCL'), 'demo fund ORCL').path;
  shiftFrom(orcl, L, -0.11 - (orcl[L]! - orcl[L - 1]!));
  const xlk = ensureDefined(funds.get('XLK'), 'demo fund XLK').path;
  for (let t = L - 6; t <= L; t++) {
    const r = xlk[t]! - xlk[t - 1]!;
    const want = t < L ? Math.abs(r) + 0.002 : -(Math.abs(r) + 0.006);
    shiftFrom(xlk, t, want - r);
  }
}

/** 9. The bars: each planned log path becomes OHLC bars with dividends (buildBars), collected by ticker. */
class DemoBars {
  readonly series = new Map<string, PriceSeries>();
  readonly dividends = new Map<string, DividendEvent[]>();

  constructor(
    private readonly f: DemoFrame,
    private readonly marketSigma: Float64Array,
    private readonly stress: Float64Array,
  ) {}

  add(
    ticker: string,
    logPath: Float64Array,
    from: number,
    yld: number,
    months: readonly number[],
    dom: number,
    dividendFrom: string,
    volMult: number,
    volume: number,
    decimals?: number,
  ): void {
    const { N, days } = this.f;
    const perYear = months.length;
    const built = buildBars(
      {
        symbol: ticker,
        days,
        from,
        logTotal: perYear > 0 ? mapSteps(N, (t) => logPath[t]! + (yld * t) / YEAR) : logPath,
        exDates: perYear > 0 ? this.exDates(months, dom, dividendFrom) : [],
        payoutFraction: perYear > 0 ? yld / perYear : 0,
        sigma: mapSteps(N, (t) => this.marketSigma[t]! * this.stress[t]! * volMult),
        volume,
        ohlc: true,
        decimals,
      },
      this.f.rng(`bars:${ticker}`),
    );
    this.series.set(ticker, built.series);
    if (built.dividends.length) this.dividends.set(ticker, built.dividends);
  }

  /** Ex-dividend bar indexes: the first trading day on or after `dayOfMonth` of each payout month, from `from`. */
  private exDates(months: readonly number[], dayOfMonth: number, from: string): number[] {
    const { N, L, days } = this.f;
    const out: number[] = [];
    const [y0] = civilFromDays(parseIsoDate(from));
    const [y1] = civilFromDays(days[L]!);
    for (let y = y0; y <= y1; y++) {
      for (const m of months) {
        const i = indexOnOrAfter(days, daysFromCivil(y, m, dayOfMonth));
        if (i < N && days[i]! >= parseIsoDate(from)) out.push(i);
      }
    }
    return out;
  }
}

/**
 * The published stocks carry dividends and cents, so their basket drifts a little from the plan:
 * re-plant the ratio on the real basket by scaling all seven stocks by one factor per day (a common
 * factor scales an equal-weight basket exactly).
 */
function replantRatioOnPublishedStocks(
  f: DemoFrame,
  series: ReadonlyMap<string, PriceSeries>,
  sp600: Float64Array,
  def: BasketDefinition,
  ratio: RatioPlan,
): void {
  const { N, L } = f;
  const { P, slope } = ratio;
  const member = (ticker: string) => ensureDefined(series.get(ticker), `demo series ${ticker}`);
  const sp600Close = Float64Array.from(sp600, Math.exp);
  const planted = basketIndex(
    def,
    MAG7.map((s) => member(s.ticker)),
  );
  const actual = mapSteps(N, (t) => Math.log(sp600Close[t]!) - Math.log(planted.close[t]!));
  const target = Float64Array.from(actual);
  const lineAct = (t: number) => actual[P]! + slope * (t - P);
  foldBelow(target, (t) => lineAct(t) - ratio.clearance(t), P + 1, L - 12, 0.003, 100);
  pinToAnchors(target, [
    { index: L - 12, value: target[L - 12]! },
    { index: L, value: lineAct(L) - 0.008 },
  ]);
  for (const s of MAG7) scaleBars(member(s.ticker), (t) => Math.exp(actual[t]! - target[t]!));
}

/** GOOG: the class C shares, a hair above class A. */
function addGoogClassC(f: DemoFrame, bars: DemoBars, googl: Float64Array): void {
  const zc = f.rng('goog-spread').normals(f.N);
  let gap = 0;
  bars.add(
    'GOOG',
    mapSteps(f.N, (t) => googl[t]! + 0.004 + (gap = 0.8 * gap + 0.0008 * zc[t]!)),
    0,
    0.0045,
    [3, 6, 9, 12],
    9,
    '2024-06-10',
    1.5,
    20e6,
  );
}

/** MAGS (from its 2023 launch): the Mag 7 basket of the published stocks less its fee. */
function addMagsFund(f: DemoFrame, bars: DemoBars, def: BasketDefinition): void {
  const mag7Series = basketIndex(
    def,
    MAG7.map((s) => ensureDefined(bars.series.get(s.ticker), `demo series ${s.ticker}`)),
  );
  const magsFrom = f.at('2023-04-11');
  const magsPath = mapSteps(
    f.N,
    (t) => ln(mag7Series.close[t]!) - ln(mag7Series.close[magsFrom]!) + ln(20) - (0.0029 * (t - magsFrom)) / YEAR,
  );
  bars.add('MAGS', magsPath, magsFrom, 0.004, [12], 20, '2023-04-11', 1.4, 0.6e6);
}

/** Rates (DFF, DGS2, DGS10): levels with two decimals, no OHLC. */
function addRates(f: DemoFrame, series: Map<string, PriceSeries>): void {
  for (const [ticker, path] of ratePaths(f.days, f.at, f.L, f.rng)) {
    const s = buildBars(
      {
        symbol: ticker,
        days: f.days,
        from: 0,
        logTotal: path.map(Math.log),
        exDates: [],
        payoutFraction: 0,
        sigma: new Float64Array(f.N),
        volume: 0,
        ohlc: false,
        decimals: 2,
      },
      f.rng(`bars:${ticker}`),
    );
    series.set(ticker, s.series);
  }
}

/** Multiplies every price of a series (from index 0 of the market's days) by factor(t). */
function scaleBars(s: PriceSeries, factor: (t: number) => number): void {
  for (let t = 0; t < s.close.length; t++) {
    const f = factor(t);
    s.open[t] = roundPrice(s.open[t]! * f);
    s.high[t] = roundPrice(s.high[t]! * f);
    s.low[t] = roundPrice(s.low[t]! * f);
    s.adjClose[t] = (s.adjClose[t]! / s.close[t]!) * roundPrice(s.close[t]! * f);
    s.close[t] = roundPrice(s.close[t]! * f);
  }
}

function mapSteps(n: number, f: (t: number) => number): Float64Array {
  const out = new Float64Array(n);
  for (let t = 0; t < n; t++) out[t] = f(t);
  return out;
}

function maxOf(a: Float64Array, from: number, to: number): number {
  let m = Number.NEGATIVE_INFINITY;
  for (let t = from; t <= to; t++) if (a[t]! > m) m = a[t]!;
  return m;
}

/** Adds `delta` to every value from t on: a one-day return change that carries forward. */
function shiftFrom(path: Float64Array, from: number, delta: number): void {
  for (let t = from; t < path.length; t++) path[t] = path[t]! + delta;
}

/** Volatility rises in planned sell-offs: 1 + 40 x the daily fall of the anchor segment. */
function stressMultiplier(n: number, anchors: readonly PathAnchor[]): Float64Array {
  const out = new Float64Array(n).fill(1);
  for (let k = 0; k + 1 < anchors.length; k++) {
    const a = anchors[k]!;
    const b = anchors[k + 1]!;
    if (b.index <= a.index) continue;
    const drift = (b.value - a.value) / (b.index - a.index);
    for (let t = a.index; t < b.index; t++) out[t] = 1 + 40 * Math.max(0, -drift);
  }
  return out;
}

/** Log VIX from S&P 500 log returns: a GJR-GARCH variance read as annual percent, with its own noise. */
function vixPath(dG: Float64Array, rng: SeededRandom): Float64Array {
  const n = dG.length;
  const out = new Float64Array(n);
  let v = 1e-4;
  let ou = 0;
  for (let t = 0; t < n; t++) {
    const e = t === 0 ? 0 : dG[t]! - 0.0003;
    v = 3e-6 + 0.04 * e * e + (e < 0 ? 0.14 * e * e : 0) + 0.86 * v;
    ou = 0.92 * ou + 0.045 * rng.normal();
    const level = 100 * Math.sqrt(252 * (v + 2e-5)) * 1.1 * Math.exp(ou);
    out[t] = Math.log(Math.min(82, Math.max(9.2, level)));
  }
  return out;
}

/**
 * The last VIX close becomes its lowest in months: below every close of the last 70 days, and when
 * the year before holds a lower one, just above that (so it is the lowest "since" a date, not ever).
 * The last five days lead into it.
 */
function plantVixLow(vixLog: Float64Array, L: number): void {
  let recent = Number.POSITIVE_INFINITY;
  for (let t = L - 70; t < L; t++) recent = Math.min(recent, vixLog[t]!);
  let older = Number.POSITIVE_INFINITY;
  for (let t = Math.max(0, L - 400); t < L - 70; t++) older = Math.min(older, vixLog[t]!);
  const target = older < recent - 0.02 ? Math.max(older + 0.008, recent - 0.06) : recent - 0.03;
  for (let j = 0; j <= 5; j++) {
    const t = L - 5 + j;
    const w = j / 5;
    vixLog[t] = (1 - w) * vixLog[t]! + w * target;
  }
}

/** Fed funds (steps at the decisions, with the last cut a month before the end) and 2- and 10-year yields. */
function ratePaths(
  days: Int32Array,
  at: (iso: string) => number,
  L: number,
  rng: (name: string) => SeededRandom,
): Map<string, Float64Array> {
  const n = days.length;
  const out = new Map<string, Float64Array>();
  const steps: (readonly [string, number])[] = [
    ['2015-01-02', 0.12],
    ['2015-12-17', 0.37],
    ['2016-12-15', 0.66],
    ['2017-03-16', 0.91],
    ['2017-06-15', 1.16],
    ['2017-12-14', 1.42],
    ['2018-03-22', 1.68],
    ['2018-06-14', 1.91],
    ['2018-09-27', 2.18],
    ['2018-12-20', 2.4],
    ['2019-08-01', 2.13],
    ['2019-09-19', 1.9],
    ['2019-10-31', 1.55],
    ['2020-03-04', 1.09],
    ['2020-03-16', 0.09],
    ['2022-03-17', 0.33],
    ['2022-05-05', 0.83],
    ['2022-06-16', 1.58],
    ['2022-07-28', 2.33],
    ['2022-09-22', 3.08],
    ['2022-11-03', 3.83],
    ['2022-12-15', 4.33],
    ['2023-02-02', 4.58],
    ['2023-03-23', 4.83],
    ['2023-05-04', 5.08],
    ['2023-07-27', 5.33],
    ['2024-09-19', 4.83],
    ['2024-11-08', 4.58],
    ['2024-12-19', 4.33],
    ['2025-09-18', 4.08],
    ['2025-10-30', 3.87],
    ['2025-12-11', 3.64],
  ];
  const dff = new Float64Array(n);
  const zf = rng('rate:DFF');
  let k = 0;
  let level = ensureDefined(steps[0], 'first step of the demo fed funds path')[1];
  for (let t = 0; t < n; t++) {
    while (k < steps.length && at(steps[k]![0]) <= t && at(steps[k]![0]) < L - 30) level = steps[k++]![1];
    const cut = t >= L - 21 ? 0.25 : 0;
    dff[t] = Math.max(0.04, Math.round((level - cut + 0.01 * Math.round(zf.normal())) * 100) / 100);
  }
  out.set('DFF', dff);
  const yieldPath = (name: string, anchors: readonly (readonly [string, number])[], end: readonly [number, number]) => {
    const z = rng(`rate:${name}`).normals(n);
    const p = cumulativePath(
      mapSteps(n, (t) => 0.045 * z[t]!),
      0,
    );
    pinToAnchors(p, [
      ...anchors.map(([iso, val]) => ({ index: at(iso), value: val })).filter((a) => a.index < L - 80),
      { index: L - 60, value: end[0] },
      { index: L, value: end[1] },
    ]);
    out.set(
      name,
      mapSteps(n, (t) => Math.max(0.05, Math.round(p[t]! * 100) / 100)),
    );
  };
  yieldPath(
    'DGS2',
    [
      ['2015-01-02', 0.66],
      ['2016-07-08', 0.56],
      ['2018-11-08', 2.98],
      ['2019-09-03', 1.43],
      ['2020-08-04', 0.11],
      ['2021-03-19', 0.15],
      ['2022-06-14', 3.43],
      ['2022-11-07', 4.72],
      ['2023-03-08', 5.07],
      ['2023-05-04', 3.78],
      ['2023-10-18', 5.21],
      ['2024-09-24', 3.49],
      ['2025-01-13', 4.4],
      ['2025-04-04', 3.66],
    ],
    [3.6, 3.47],
  );
  yieldPath(
    'DGS10',
    [
      ['2015-01-02', 2.12],
      ['2016-07-08', 1.37],
      ['2018-10-05', 3.23],
      ['2019-08-28', 1.47],
      ['2020-08-04', 0.52],
      ['2021-03-19', 1.72],
      ['2022-06-14', 3.48],
      ['2022-10-24', 4.25],
      ['2023-04-06', 3.3],
      ['2023-10-19', 4.98],
      ['2023-12-27', 3.79],
      ['2024-04-25', 4.7],
      ['2024-09-16', 3.62],
      ['2025-01-14', 4.79],
      ['2025-04-04', 4.01],
      ['2025-05-21', 4.6],
    ],
    [4.15, 4.02],
  );
  return out;
}
