/**
 * Speed of the TTR set (issue 15) in points per second: ours over seeded OHLCV series, side by side
 * with `technicalindicators` (its batch `calculate`) and `trading-signals` (its fast number classes,
 * fed bar by bar, as that library is meant to be used) where they have the indicator. The issue's
 * bar: at least 10x technicalindicators, no slower than trading-signals. Prints figures only.
 * MARKETDASH_BENCH_TTR_SYMBOLS shrinks the run (default 200 symbols x 5,040 days = 1M points).
 */
import { ADX, CCI, MFI, OBV, PSAR, Stochastic, TRIX, WilliamsR, WMA } from 'technicalindicators';
import {
  FasterADX,
  FasterCCI,
  FasterDEMA,
  FasterMOM,
  FasterOBV,
  FasterPSAR,
  FasterStochasticOscillator,
  FasterWMA,
} from 'trading-signals';
import { adx } from '../src/analytics/indicators/adx.js';
import { cci } from '../src/analytics/indicators/cci.js';
import { momentum } from '../src/analytics/indicators/rolling.js';
import { sar } from '../src/analytics/indicators/sar.js';
import { stoch, wpr } from '../src/analytics/indicators/stochastic.js';
import { trix } from '../src/analytics/indicators/trix.js';
import { mfi, obv } from '../src/analytics/indicators/volume-flow.js';
import { dema, wma } from '../src/analytics/indicators/weighted-averages.js';
import { mulberry32 } from './bench-universe.js';

const SYMBOLS = Number(process.env.MARKETDASH_BENCH_TTR_SYMBOLS ?? 200);
const DAYS = 20 * 252;

interface Bars {
  high: Float64Array;
  low: Float64Array;
  close: Float64Array;
  volume: Float64Array;
}
interface Plain {
  high: number[];
  low: number[];
  close: number[];
  volume: number[];
}

function makeMarket(): Bars[] {
  const random = mulberry32(20251211);
  return Array.from({ length: SYMBOLS }, () => {
    const b: Bars = {
      high: new Float64Array(DAYS),
      low: new Float64Array(DAYS),
      close: new Float64Array(DAYS),
      volume: new Float64Array(DAYS),
    };
    let level = 20 + random() * 400;
    for (let d = 0; d < DAYS; d++) {
      level *= 1 + (random() - 0.5) * 0.04;
      b.close[d] = level;
      b.high[d] = level * (1 + random() * 0.01);
      b.low[d] = level * (1 - random() * 0.01);
      b.volume[d] = 1e6 * (0.5 + random());
    }
    return b;
  });
}

type Feed = (b: Plain) => unknown;
const bars = (b: Plain) =>
  b.close.map((c, i) => ({ high: b.high[i]!, low: b.low[i]!, close: c, volume: b.volume[i]! }));

interface Case {
  readonly name: string;
  readonly ours: (b: Bars) => unknown;
  readonly ti?: Feed;
  readonly ts?: Feed;
}

const CASES: readonly Case[] = [
  {
    name: 'adx:14',
    ours: (b) => adx(b, 14),
    ti: (b) => ADX.calculate({ period: 14, high: b.high, low: b.low, close: b.close }),
    ts: (b) => {
      const x = new FasterADX(14);
      for (const bar of bars(b)) x.add(bar);
      return x;
    },
  },
  {
    name: 'stoch:14:3:3',
    ours: (b) => stoch(b, { fastK: 14, fastD: 3, slowD: 3 }),
    ti: (b) => Stochastic.calculate({ period: 14, signalPeriod: 3, high: b.high, low: b.low, close: b.close }),
    ts: (b) => {
      const x = new FasterStochasticOscillator(14, 3, 3);
      for (const bar of bars(b)) x.add(bar);
      return x;
    },
  },
  {
    name: 'wpr:14',
    ours: (b) => wpr(b, 14),
    ti: (b) => WilliamsR.calculate({ period: 14, high: b.high, low: b.low, close: b.close }),
  },
  {
    name: 'cci:20',
    ours: (b) => cci(b, 20),
    ti: (b) => CCI.calculate({ period: 20, high: b.high, low: b.low, close: b.close }),
    ts: (b) => {
      const x = new FasterCCI(20);
      for (const bar of bars(b)) x.add(bar);
      return x;
    },
  },
  {
    name: 'mfi:14',
    ours: (b) => mfi(b, b.volume, 14),
    ti: (b) => MFI.calculate({ period: 14, high: b.high, low: b.low, close: b.close, volume: b.volume }),
  },
  {
    name: 'obv',
    ours: (b) => obv(b.close, b.volume),
    ti: (b) => OBV.calculate({ close: b.close, volume: b.volume }),
    ts: (b) => {
      const x = new FasterOBV();
      for (const bar of bars(b)) x.add({ ...bar, open: bar.close });
      return x;
    },
  },
  {
    name: 'sar:0.02:0.2',
    ours: (b) => sar(b.high, b.low, 0.02, 0.2),
    ti: (b) => PSAR.calculate({ step: 0.02, max: 0.2, high: b.high, low: b.low }),
    ts: (b) => {
      const x = new FasterPSAR({ accelerationStep: 0.02, accelerationMax: 0.2 });
      for (const bar of bars(b)) x.add(bar);
      return x;
    },
  },
  {
    name: 'trix:20',
    ours: (b) => trix(b.close, 20),
    ti: (b) => TRIX.calculate({ period: 20, values: b.close }),
  },
  {
    name: 'wma:20',
    ours: (b) => wma(b.close, 20),
    ti: (b) => WMA.calculate({ period: 20, values: b.close }),
    ts: (b) => {
      const x = new FasterWMA(20);
      for (const c of b.close) x.add(c);
      return x;
    },
  },
  {
    name: 'dema:20',
    ours: (b) => dema(b.close, 20),
    ts: (b) => {
      const x = new FasterDEMA(20);
      for (const c of b.close) x.add(c);
      return x;
    },
  },
  {
    name: 'momentum:10',
    ours: (b) => momentum(b.close, 10),
    ts: (b) => {
      const x = new FasterMOM(10);
      for (const c of b.close) x.add(c);
      return x;
    },
  },
];

function bestMs(repeats: number, fn: () => void): number {
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < repeats; r++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t0 = performance.now();
    fn();
    best = Math.min(best, performance.now() - t0);
  }
  return best;
}

export async function run(): Promise<void> {
  const market = makeMarket();
  const plain: Plain[] = market.slice(0, Math.min(20, SYMBOLS)).map((b) => ({
    high: Array.from(b.high),
    low: Array.from(b.low),
    close: Array.from(b.close),
    volume: Array.from(b.volume),
  }));
  const points = SYMBOLS * DAYS;
  const theirPoints = plain.length * DAYS;
  console.log(
    `${SYMBOLS} symbols x ${DAYS} days = ${(points / 1e6).toFixed(2)}M points for ours, ${(theirPoints / 1e6).toFixed(2)}M for the libraries; best of 3; million points per second`,
  );
  console.log('indicator      |   ours | technicalindicators (x ours) | trading-signals (x ours)');
  const mps = (ms: number, n: number) => n / 1e3 / ms;
  for (const c of CASES) {
    let sink = 0;
    const ours = mps(
      bestMs(3, () => {
        for (const b of market) sink += c.ours(b) ? 1 : 0;
      }),
      points,
    );
    const cell = (f: Feed | undefined) => {
      if (!f) return '—';
      const rate = mps(
        bestMs(3, () => {
          for (const b of plain) sink += f(b) ? 1 : 0;
        }),
        theirPoints,
      );
      return `${rate.toFixed(1)} M/s (${(ours / rate).toFixed(1)}x)`;
    };
    console.log(
      `${c.name.padEnd(14)} | ${ours.toFixed(1).padStart(6)} | ${cell(c.ti).padStart(28)} | ${cell(c.ts).padStart(24)}`,
    );
    if (sink === 0) console.log('(nothing computed)');
  }
}
