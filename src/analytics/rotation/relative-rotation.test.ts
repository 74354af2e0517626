import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { headingDegrees, quadrantOf, relativeRotation, rotationWarmup } from './relative-rotation.js';

const P = { ratioWindow: 5, momentumWindow: 5, rocPeriod: 1 };

describe('relativeRotation', () => {
  it('matches a pandas computation of the same formulas', () => {
    // Reference: pandas 2.x, i = arange(30), p = 100 + i + 3 sin(i), b = 100 + 0.5 i,
    // rs = 100 p / b; rr = 100 + (rs - rs.rolling(5).mean()) / rs.rolling(5).std();
    // roc = 100 (rr / rr.shift(1) - 1); rm = 100 + (roc - roc.rolling(5).mean()) / roc.rolling(5).std()
    const n = 30;
    const p = new Float64Array(n);
    const b = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      p[i] = 100 + i + 3 * Math.sin(i);
      b[i] = 100 + 0.5 * i;
    }
    const r = relativeRotation(p, b, P);
    expect(r.rsRatio[4]).toBeCloseTo(98.90593143041133, 10);
    expect(r.rsRatio[20]).toBeCloseTo(101.48775523475871, 10);
    expect(r.rsRatio[29]).toBeCloseTo(99.01248817792293, 10);
    expect(Number.isNaN(r.rsMomentum[8]!)).toBe(true);
    expect(rotationWarmup(P)).toBe(9);
    expect(r.rsMomentum[9]).toBeCloseTo(98.91038043036502, 10);
    expect(r.rsMomentum[20]).toBeCloseTo(100.17657031071403, 10);
    expect(r.rsMomentum[29]).toBeCloseTo(98.86668512127319, 10);
  });

  it('puts a member whose relative strength accelerates upward in "leading", its mirror in "lagging"', () => {
    const n = 120;
    const bench = new Float64Array(n);
    const up = new Float64Array(n);
    const down = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      bench[i] = 100 * (1 + 0.1 * Math.sin(i / 7));
      // relative strength flat with a small wobble, then rising ever faster over the last 20 bars
      const rel = 1 + 0.002 * Math.sin(i * 1.7) + (i > 100 ? 0.0005 * (i - 100) ** 2 : 0);
      up[i] = bench[i]! * rel;
      down[i] = bench[i]! / rel;
    }
    const u = relativeRotation(up, bench, { ratioWindow: 10, momentumWindow: 10, rocPeriod: 1 });
    const d = relativeRotation(down, bench, { ratioWindow: 10, momentumWindow: 10, rocPeriod: 1 });
    expect(quadrantOf(u.rsRatio[n - 1]!, u.rsMomentum[n - 1]!)).toBe('leading');
    expect(quadrantOf(d.rsRatio[n - 1]!, d.rsMomentum[n - 1]!)).toBe('lagging');
  });

  it('is causal: appending bars never changes an earlier point (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { minLength: 30, maxLength: 80 }),
        fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { minLength: 30, maxLength: 80 }),
        fc.integer({ min: 1, max: 29 }),
        (ra, rb, cut) => {
          const n = Math.min(ra.length, rb.length);
          const a = new Float64Array(n);
          const b = new Float64Array(n);
          let pa = 50;
          let pb = 80;
          for (let i = 0; i < n; i++) {
            pa *= 1 + ra[i]!;
            pb *= 1 + rb[i]!;
            a[i] = pa;
            b[i] = pb;
          }
          const m = n - cut;
          const full = relativeRotation(a, b, P);
          const prefix = relativeRotation(a.slice(0, m), b.slice(0, m), P);
          for (let i = 0; i < m; i++) {
            expect(Object.is(prefix.rsRatio[i], full.rsRatio[i])).toBe(true);
            expect(Object.is(prefix.rsMomentum[i], full.rsMomentum[i])).toBe(true);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('validates its windows', () => {
    expect(() =>
      relativeRotation(new Float64Array(3), new Float64Array(3), { ratioWindow: 1, momentumWindow: 5, rocPeriod: 1 }),
    ).toThrow(/ratioWindow/);
    expect(() => relativeRotation(new Float64Array(3), new Float64Array(2))).toThrow(/benchmark/);
  });
});

describe('quadrant and heading', () => {
  it('names the four quadrants, 100 counting on the strong side', () => {
    expect(quadrantOf(101, 101)).toBe('leading');
    expect(quadrantOf(101, 99)).toBe('weakening');
    expect(quadrantOf(99, 99)).toBe('lagging');
    expect(quadrantOf(99, 101)).toBe('improving');
    expect(quadrantOf(100, 100)).toBe('leading');
  });

  it('measures degrees counter-clockwise from east', () => {
    expect(headingDegrees(100, 100, 101, 100)).toBe(0);
    expect(headingDegrees(100, 100, 101, 101)).toBeCloseTo(45, 12);
    expect(headingDegrees(100, 100, 100, 101)).toBeCloseTo(90, 12);
    expect(headingDegrees(100, 100, 99, 100)).toBeCloseTo(180, 12);
    expect(headingDegrees(100, 100, 100, 99)).toBeCloseTo(270, 12);
    expect(headingDegrees(100, 100, 101, 99)).toBeCloseTo(315, 12);
    expect(headingDegrees(1, 1, 1, 1)).toBeNull();
  });
});
