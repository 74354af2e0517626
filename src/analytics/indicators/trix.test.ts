/**
 * TRIX writes its three EMAs, its line and its signal into two columns in turn (for speed, issue
 * 15); the values are those of the plain composition, TTR's definition written out here as the
 * reference: the line 100 x (ema3[i] / ema3[i - 1] - 1), its signal an EMA over n. The TTR golden
 * (ttr-set-golden.test.ts) holds it against R's TTR 0.24.3 on real bars.
 */
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { ema } from './ema.js';
import { trix } from './trix.js';

function composed(values: Float64Array, n: number) {
  const triple = ema(ema(ema(values, n), n), n);
  const line = new Float64Array(values.length).fill(Number.NaN);
  for (let i = 1; i < line.length; i++) line[i] = 100 * (triple[i]! / triple[i - 1]! - 1);
  return { trix: line, signal: ema(line, n) };
}

it('trix in two reused columns equals the composed EMAs bit for bit, with leading NaNs and short series', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 5 }),
      fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { maxLength: 80 }),
      fc.integer({ min: 1, max: 8 }),
      (lead, xs, n) => {
        const values = Float64Array.from([...Array<number>(lead).fill(Number.NaN), ...xs]);
        const got = trix(values, n);
        const want = composed(values, n);
        expect(Array.from(got.trix)).toEqual(Array.from(want.trix));
        expect(Array.from(got.signal)).toEqual(Array.from(want.signal));
        expect(got.trix).not.toBe(got.signal);
      },
    ),
    { numRuns: 300 },
  );
});
