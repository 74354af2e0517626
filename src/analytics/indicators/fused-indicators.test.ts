/**
 * The fused single-pass forms of ADX, MFI, OBV, SAR, WPR and stoch's fast %K (written for speed, issue 15) give exactly
 * the values of the column-by-column forms they replace, bit for bit, on random OHLCV walks
 * (fast-check), including flat bars (a 0/0 DX or an unchanged typical price) and series shorter
 * than the warm-up. The TTR goldens (ttr-set-golden.test.ts) hold both against R's TTR 0.24.3.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { adx, columnAdx } from './adx.js';
import { sar, sarGeneral } from './sar.js';
import { columnFastK, stochFastK, wpr, wprGeneral } from './stochastic.js';
import { columnMfi, mfi, obv } from './volume-flow.js';

const bars = fc
  .record({
    steps: fc.array(fc.integer({ min: -40, max: 40 }), { minLength: 0, maxLength: 160 }),
    spread: fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 160, maxLength: 160 }),
    volume: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 160, maxLength: 160 }),
  })
  .map(({ steps, spread, volume }) => {
    const n = steps.length;
    const close = new Float64Array(n);
    const high = new Float64Array(n);
    const low = new Float64Array(n);
    const vol = new Float64Array(n);
    let level = 100;
    for (let i = 0; i < n; i++) {
      // steps of 0 make flat stretches; a zero spread makes zero-range bars
      level = Math.max(1, level * (1 + steps[i]! / 1000));
      close[i] = level;
      high[i] = level + spread[i]! / 4;
      low[i] = level - spread[(i + 7) % 160]! / 8;
      vol[i] = volume[i]! * 1000;
    }
    return { high, low, close, volume: vol };
  });

const same = (a: Float64Array, b: Float64Array) => expect(Array.from(a)).toEqual(Array.from(b));

it('fused ADX equals the column form bit for bit (or is the column form where DX is 0/0)', () => {
  fc.assert(
    fc.property(bars, fc.integer({ min: 1, max: 20 }), (b, n) => {
      let fused: ReturnType<typeof adx> | null = null;
      let column: ReturnType<typeof adx> | null = null;
      try {
        column = columnAdx(b, n, b.close.length);
      } catch (e) {
        expect(() => adx(b, n)).toThrow((e as Error).message);
        return;
      }
      fused = adx(b, n);
      for (const k of ['plusDi', 'minusDi', 'dx', 'adx', 'adxr'] as const) same(fused[k], column[k]);
    }),
    { numRuns: 300 },
  );
});

it('fused MFI equals the column form bit for bit', () => {
  fc.assert(
    fc.property(bars, fc.integer({ min: 1, max: 20 }), (b, n) => {
      same(mfi(b, b.volume, n), columnMfi(b, b.volume, n));
    }),
    { numRuns: 300 },
  );
});

it('OBV without logarithms for clear moves equals TTR’s log-difference rule bit for bit', () => {
  const byLogs = (price: Float64Array, volume: Float64Array) => {
    const out = new Float64Array(price.length);
    if (price.length === 0) return out;
    let total = volume[0]!;
    out[0] = total;
    for (let i = 1; i < price.length; i++) {
      const change = Math.log(price[i]!) - Math.log(price[i - 1]!);
      total += Number.isNaN(change)
        ? Number.NaN
        : Math.abs(change) < Math.sqrt(Number.EPSILON)
          ? 0
          : change > 0
            ? volume[i]!
            : -volume[i]!;
      out[i] = total;
    }
    return out;
  };
  fc.assert(
    fc.property(bars, (b) => {
      same(obv(b.close, b.volume), byLogs(b.close, b.volume));
    }),
    { numRuns: 300 },
  );
  // moves around the 1.5e-8 threshold, a zero and a negative price take the logarithms
  const p = Float64Array.of(100, 100 * (1 + 1e-8), 100 * (1 + 2e-8), 100 * (1 + 9e-8), 0, 5, -1, 3);
  const v = Float64Array.of(1, 2, 3, 4, 5, 6, 7, 8);
  same(obv(p, v), byLogs(p, v));
});

it('the fast SAR loop equals the general loop bit for bit', () => {
  fc.assert(
    fc.property(bars, (b) => {
      if (b.close.length < 2) return;
      same(sar(b.high, b.low, 0.02, 0.2), sarGeneral(b.high, b.low, 0.02, 0.2));
      same(sar(b.high, b.low, 0.05, 0.1), sarGeneral(b.high, b.low, 0.05, 0.1));
    }),
    { numRuns: 300 },
  );
});

it('the fast SAR loop equals the general loop on long one-way phases (its table of factors grows, and changes with the accel)', () => {
  // 3,000 rising days then 3,000 falling: two phases with a new extreme almost every row, so the
  // factor passes 1 (as in TTR, the 0.02 sums never equal 0.2 exactly) and its table is read far out;
  // a short series first, then other accels, then the long one again, to make the table grow and change
  const walk = (n: number) => {
    const high = new Float64Array(n);
    const low = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const level = 100 + (i < n / 2 ? i : n - i) * 0.5 + (i % 3) * 0.2;
      high[i] = level + 1;
      low[i] = level - 1;
    }
    return { high, low };
  };
  for (const [n, step, max] of [
    [40, 0.02, 0.2],
    [6000, 0.02, 0.2],
    [6000, 0.05, 0.1],
    [600, 0.01, 0.3],
    [6000, 0.02, 0.2],
  ] as const) {
    const { high, low } = walk(n);
    same(sar(high, low, step, max), sarGeneral(high, low, step, max));
  }
});

it('the one-pass WPR equals runMax/runMin and a third pass bit for bit (flat windows give 0.5)', () => {
  fc.assert(
    fc.property(bars, fc.integer({ min: 1, max: 20 }), (b, n) => {
      same(wpr(b, n), wprGeneral(b, n));
    }),
    { numRuns: 300 },
  );
  // a missing price takes the general form with TTR's NaN rules
  const high = Float64Array.of(Number.NaN, 3, 4, 5, 4);
  const low = Float64Array.of(Number.NaN, 1, 2, 3, 2);
  const close = Float64Array.of(Number.NaN, 2, 3, 4, 3);
  same(wpr({ high, low, close }, 2), wprGeneral({ high, low, close }, 2));
  // by hand: rows 2..4 with n = 2: (4 - 3) / (4 - 1) = 1/3, (5 - 4) / (5 - 2) = 1/3, (5 - 3) / (5 - 2) = 2/3
  expect(Array.from(wpr({ high, low, close }, 2))).toEqual([Number.NaN, Number.NaN, 1 / 3, 1 / 3, 2 / 3]);
});

it('the fast SAR loop equals the general loop on bars with zero, negative or infinite prices too', () => {
  const high = Float64Array.of(3, 4, 0, 5, Number.POSITIVE_INFINITY, 6, 2, -1, 7, 8, 9, 3);
  const low = Float64Array.of(1, 2, -0, 1, 2, 3, 1, -2, 4, 5, 6, 1);
  same(sar(high, low, 0.02, 0.2), sarGeneral(high, low, 0.02, 0.2));
  const flat = Float64Array.of(5, 5, 5, 5);
  same(sar(flat, flat, 0.02, 0.2), sarGeneral(flat, flat, 0.02, 0.2));
});

it('the one-pass fast %K of stoch equals the runMax/runMin form bit for bit (a flat window stays NaN)', () => {
  fc.assert(
    fc.property(bars, fc.integer({ min: 1, max: 20 }), (b, n) => {
      same(stochFastK(b, n), columnFastK(b, n, b.close.length));
    }),
    { numRuns: 300 },
  );
  // by hand, n = 2: row 1 (5 - 1) / (5 - 1) = 1; row 2 a flat window 0/0 = NaN; row 3 (7 - 5) / (5 - 5) = Inf -> 0.5
  const high = Float64Array.of(3, 5, 5, 5);
  const low = Float64Array.of(1, 5, 5, 5);
  const close = Float64Array.of(2, 5, 5, 7);
  const k = stochFastK({ high, low, close }, 2);
  expect(Array.from(k)).toEqual([Number.NaN, 1, Number.NaN, 0.5]);
});

it("SAR starts R's sd(high - low) below the first low, in one pass on clean bars, in two when the one pass could lose digits", () => {
  // by hand: ranges 2, 1, 2, 1 -> mean 1.5, squares 4 x 0.25 = 1, var 1/3; TTR starts at low[1] - sd
  const high = Float64Array.of(3, 5, 6, 8);
  const low = Float64Array.of(1, 4, 4, 7);
  expect(sar(high, low, 0.02, 0.2)[0]).toBe(1 - Math.sqrt(1 / 3));
  // the one pass sums d = range - first range; a first range far from the others makes its sums
  // cancel (about n-fold here) on top of n roundings each. Textbook two passes, here in the test,
  // as the reference.
  const textbookSd = (h: Float64Array, l: Float64Array) => {
    const r = Array.from(h, (x, i) => x - l[i]!);
    const mean = r.reduce((a, b) => a + b, 0) / r.length;
    return Math.sqrt(r.reduce((a, b) => a + (b - mean) ** 2, 0) / (r.length - 1));
  };
  for (const n of [40, 100_000]) {
    // a first range 1e9 times the others: at 40 rows one pass (40 x 40-fold), at 100,000 two
    const h = Float64Array.from({ length: n }, (_, i) => (i === 0 ? 1e9 + 10 : 12 + (i % 2)));
    const l = new Float64Array(n).fill(10);
    const sd = textbookSd(h, l);
    expect(Math.abs(sar(h, l, 0.02, 0.2)[0]! - (10 - sd))).toBeLessThanOrEqual(1e-13 * sd);
    if (n < 100) same(sar(h, l, 0.02, 0.2), sarGeneral(h, l, 0.02, 0.2));
  }
});
