/**
 * The contract every streaming indicator keeps, checked for all of them at once on generated
 * series (fast-check): fed row by row it gives the batch function's values (to 1e-9, relative),
 * `getResult()` is null exactly where the batch form has NaN, and `isStable` turns true at row
 * leadingNaNs + requiredInputs - 1 and stays true.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AtrStream, atr } from './atr.js';
import { BollingerStream, bollingerBands } from './bollinger-bands.js';
import { EmaStream, ema } from './ema.js';
import { MacdStream, macd } from './macd.js';
import { RocStream, roc } from './roc.js';
import { RsiStream, rsi } from './rsi.js';
import { SmaStream, sma } from './sma.js';
import type { StreamingIndicator } from './streaming-indicator.js';

interface Bars {
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
}

interface Contract {
  readonly name: string;
  readonly batch: (bars: Bars, period: number) => Float64Array[];
  readonly stream: (period: number) => {
    readonly s: StreamingIndicator<never, unknown>;
    readonly feed: (bars: Bars, i: number) => (number | null)[];
  };
}

function single<In>(s: StreamingIndicator<In, number>, input: (bars: Bars, i: number) => In) {
  return { s: s as StreamingIndicator<never, unknown>, feed: (bars: Bars, i: number) => [s.add(input(bars, i))] };
}

const close = (bars: Bars, i: number) => bars.close[i]!;

const CONTRACTS: readonly Contract[] = [
  { name: 'sma', batch: (b, p) => [sma(b.close, p)], stream: (p) => single(new SmaStream(p), close) },
  { name: 'ema', batch: (b, p) => [ema(b.close, p)], stream: (p) => single(new EmaStream(p), close) },
  {
    name: 'ema wilder',
    batch: (b, p) => [ema(b.close, p, { wilder: true })],
    stream: (p) => single(new EmaStream(p, { wilder: true }), close),
  },
  { name: 'rsi', batch: (b, p) => [rsi(b.close, p)], stream: (p) => single(new RsiStream(p), close) },
  { name: 'roc', batch: (b, p) => [roc(b.close, p)], stream: (p) => single(new RocStream(p), close) },
  {
    name: 'atr',
    batch: (b, p) => [atr(b.high, b.low, b.close, p)],
    stream: (p) => single(new AtrStream(p), (b, i) => ({ high: b.high[i]!, low: b.low[i]!, close: b.close[i]! })),
  },
  {
    name: 'macd',
    batch: (b, p) => {
      const m = macd(b.close, { fast: p, slow: p + 3, signal: 2 });
      return [m.macd, m.signal, m.histogram];
    },
    stream: (p) => {
      const s = new MacdStream({ fast: p, slow: p + 3, signal: 2 });
      return {
        s: s as StreamingIndicator<never, unknown>,
        feed: (b, i) => {
          const v = s.add(b.close[i]!);
          return [v?.macd ?? null, v?.signal ?? null, v?.histogram ?? null];
        },
      };
    },
  },
  {
    name: 'bbands',
    batch: (b, p) => {
      const r = bollingerBands(b.close, { period: p, width: 1.5 });
      return [r.lower, r.middle, r.upper];
    },
    stream: (p) => {
      const s = new BollingerStream({ period: p, width: 1.5 });
      return {
        s: s as StreamingIndicator<never, unknown>,
        feed: (b, i) => {
          const v = s.add(b.close[i]!);
          return [v?.lower ?? null, v?.middle ?? null, v?.upper ?? null];
        },
      };
    },
  },
];

/** Seeded-by-fast-check bars: leading NaN rows, then a walk that may hold flat for a while. */
const barsArbitrary = fc
  .record({
    leading: fc.integer({ min: 0, max: 5 }),
    steps: fc.array(fc.oneof(fc.constant(0), fc.double({ min: -0.05, max: 0.05, noNaN: true })), {
      minLength: 0,
      maxLength: 80,
    }),
    spread: fc.double({ min: 0, max: 0.03, noNaN: true }),
  })
  .map(({ leading, steps, spread }): Bars => {
    const n = leading + steps.length;
    const bars = {
      high: new Float64Array(n).fill(Number.NaN),
      low: new Float64Array(n).fill(Number.NaN),
      close: new Float64Array(n).fill(Number.NaN),
    };
    let level = 100;
    steps.forEach((step, j) => {
      level *= 1 + step;
      const i = leading + j;
      bars.close[i] = level;
      bars.high[i] = level * (1 + spread);
      bars.low[i] = level * (1 - spread);
    });
    return bars;
  });

function leadingNaNs(values: Float64Array): number {
  let i = 0;
  while (i < values.length && Number.isNaN(values[i]!)) i++;
  return i;
}

describe('streaming and batch forms agree (shared contract)', () => {
  it.each(CONTRACTS.map((c) => [c.name, c] as const))('%s', (_name, contract) => {
    fc.assert(
      fc.property(barsArbitrary, fc.integer({ min: 1, max: 12 }), (bars, period) => {
        const batch = contract.batch(bars, period);
        const { s, feed } = contract.stream(period);
        // ATR's first true range needs a previous close: its leading gap is one row longer, as in TTR.
        const lead = leadingNaNs(bars.close);
        const firstStable = lead + s.requiredInputs - 1;
        for (let i = 0; i < bars.close.length; i++) {
          const got = feed(bars, i);
          expect(s.isStable, `row ${i}`).toBe(i >= firstStable);
          got.forEach((v, j) => {
            const want = batch[j]![i]!;
            if (Number.isNaN(want)) expect(v, `output ${j} row ${i}`).toBeNull();
            else {
              expect(v, `output ${j} row ${i}`).not.toBeNull();
              expect(Math.abs(v! - want), `output ${j} row ${i}`).toBeLessThanOrEqual(
                1e-9 * Math.max(1, Math.abs(want)),
              );
            }
          });
        }
        if (bars.close.length > 0) {
          const last = batch.map((col) => col[col.length - 1]!);
          const current = s.getResult();
          expect(current === null, 'getResult() after the last row').toBe(last.every(Number.isNaN));
        }
      }),
      { numRuns: 150, seed: 20251125 },
    );
  });
});

describe('batch forms write into a buffer the caller passes (reused across symbols)', () => {
  const ALL: readonly {
    name: string;
    fresh: (b: Bars) => Float64Array[];
    into: (b: Bars, out: Float64Array[]) => Float64Array[];
  }[] = [
    { name: 'sma', fresh: (b) => [sma(b.close, 4)], into: (b, o) => [sma(b.close, 4, o[0])] },
    { name: 'ema', fresh: (b) => [ema(b.close, 4)], into: (b, o) => [ema(b.close, 4, {}, o[0])] },
    { name: 'rsi', fresh: (b) => [rsi(b.close, 4)], into: (b, o) => [rsi(b.close, 4, o[0])] },
    { name: 'roc', fresh: (b) => [roc(b.close, 4)], into: (b, o) => [roc(b.close, 4, o[0])] },
    {
      name: 'atr',
      fresh: (b) => [atr(b.high, b.low, b.close, 4)],
      into: (b, o) => [atr(b.high, b.low, b.close, 4, o[0])],
    },
    {
      name: 'macd',
      fresh: (b) => Object.values(macd(b.close, { fast: 2, slow: 5, signal: 3 })),
      into: (b, o) =>
        Object.values(macd(b.close, { fast: 2, slow: 5, signal: 3 }, { macd: o[0]!, signal: o[1]!, histogram: o[2]! })),
    },
    {
      name: 'bbands',
      fresh: (b) => Object.values(bollingerBands(b.close, { period: 4, width: 2 })),
      into: (b, o) =>
        Object.values(bollingerBands(b.close, { period: 4, width: 2 }, { lower: o[0]!, middle: o[1]!, upper: o[2]! })),
    },
  ];

  it.each(ALL.map((c) => [c.name, c] as const))(
    '%s: every cell overwritten, same values as a fresh result',
    (_name, c) => {
      fc.assert(
        fc.property(barsArbitrary, (bars) => {
          const fresh = c.fresh(bars);
          const buffers = fresh.map((f) => new Float64Array(f.length).fill(12345));
          const written = c.into(bars, buffers);
          written.forEach((w, j) => {
            expect(w).toBe(buffers[j]);
            expect(Array.from(w)).toEqual(Array.from(fresh[j]!));
          });
        }),
        { numRuns: 60, seed: 7 },
      );
    },
  );

  it('refuses a buffer of the wrong length', () => {
    expect(() => sma(Float64Array.of(1, 2, 3), 2, new Float64Array(2))).toThrow(
      /sma: the output buffer has 2 cells but the input has 3/,
    );
  });
});
