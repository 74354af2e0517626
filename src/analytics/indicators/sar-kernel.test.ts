/**
 * The SAR's WebAssembly kernel (sar-kernel.wat): the committed bytes are the WAT's, Node runs it, and
 * `sar` through it gives the TypeScript fast loop's and the general loop's values bit for bit on
 * random clean bars (fast-check), with leading missing rows, any accel, and series long and short
 * (its memory grows, its factor table changes). The TTR goldens (ttr-set-golden.test.ts) hold `sar`
 * itself against R's TTR 0.24.3.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import wabtModule from 'wabt';
import { sar, sarGeneral, sarTypeScript } from './sar.js';
import { sarKernel } from './sar-kernel.js';
import { SAR_KERNEL_HEX } from './sar-kernel-bytes.js';

const same = (a: Float64Array, b: Float64Array) => {
  expect(a.length).toBe(b.length);
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) expect([i, a[i]]).toEqual([i, b[i]]);
};

it('sar-kernel-bytes.ts is sar-kernel.wat compiled (npm run wasm)', async () => {
  const wabt = await wabtModule();
  const wat = readFileSync(new URL('./sar-kernel.wat', import.meta.url), 'utf8');
  const parsed = wabt.parseWat('sar-kernel.wat', wat, { simd: true });
  parsed.validate();
  expect(Buffer.from(parsed.toBinary({}).buffer).toString('hex')).toBe(SAR_KERNEL_HEX);
  parsed.destroy();
  // and Node 20 runs it, so the tests below compare the kernel, not the TypeScript with itself
  expect(sarKernel()).not.toBeNull();
});

/** Random clean bars (finite, positive), a walk of daily moves up to `move`, after `lead` missing rows. */
const cleanBars = fc
  .record({
    moves: fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 2, maxLength: 700 }),
    spreads: fc.array(fc.double({ min: 0.0001, max: 1, noNaN: true }), { minLength: 700, maxLength: 700 }),
    move: fc.constantFrom(0.001, 0.02, 0.1),
    lead: fc.integer({ min: 0, max: 5 }),
    start: fc.double({ min: 0.01, max: 1e6, noNaN: true }),
  })
  .map(({ moves, spreads, move, lead, start }) => {
    const n = lead + moves.length;
    const high = new Float64Array(n).fill(Number.NaN);
    const low = new Float64Array(n).fill(Number.NaN);
    let level = start;
    for (let i = 0; i < moves.length; i++) {
      level *= 1 + moves[i]! * move;
      high[lead + i] = level * (1 + spreads[i]! * move);
      low[lead + i] = level * (1 - spreads[i]! * move * 0.5);
    }
    return { high, low };
  });

const accel = fc
  .tuple(fc.double({ min: 0.001, max: 0.2, noNaN: true }), fc.double({ min: 1, max: 20, noNaN: true }))
  .map(([step, k]) => [step, step * k] as const);

it('sar through the kernel equals the TypeScript fast loop and the general loop bit for bit', () => {
  fc.assert(
    fc.property(cleanBars, accel, ({ high, low }, [step, max]) => {
      const viaKernel = sar(high, low, step, max);
      same(viaKernel, sarTypeScript(high, low, step, max));
      same(viaKernel, sarGeneral(high, low, step, max));
      // TTR's accel too (its factor table is kept between calls)
      same(sar(high, low, 0.02, 0.2), sarGeneral(high, low, 0.02, 0.2));
    }),
    { numRuns: 400 },
  );
});

it('the kernel grows its memory and factor table for a longer series and still agrees after it', () => {
  const walk = (n: number, seed: number) => {
    let s = seed;
    const next = () => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return s / 2 ** 32;
    };
    const high = new Float64Array(n);
    const low = new Float64Array(n);
    let level = 50;
    for (let i = 0; i < n; i++) {
      level *= 1 + (next() - 0.5) * 0.04;
      high[i] = level * (1 + next() * 0.01);
      low[i] = level * (1 - next() * 0.01);
    }
    return { high, low };
  };
  for (const [n, seed] of [
    [30, 1],
    [300_000, 2],
    [70, 3],
    [20_000, 4],
  ] as const) {
    const { high, low } = walk(n, seed);
    same(sar(high, low, 0.02, 0.2), sarGeneral(high, low, 0.02, 0.2));
  }
});

it('bars the kernel does not take (a missing, zero or negative price after the start) go to the TypeScript', () => {
  const high = Float64Array.of(3, 4, 5, Number.NaN, 6, 5, 7, 8);
  const low = Float64Array.of(1, 2, 3, 4, 4, 3, 5, 6);
  same(sar(high, low, 0.02, 0.2), sarGeneral(high, low, 0.02, 0.2));
  const zero = Float64Array.of(3, 4, 5, 6, 0, 5, 7, 8, 9);
  const lows = Float64Array.of(1, 2, 3, 4, 4, 3, 5, 6, 7);
  same(sar(zero, lows, 0.02, 0.2), sarGeneral(zero, lows, 0.02, 0.2));
  // one row, two rows, all missing
  same(
    sar(Float64Array.of(2), Float64Array.of(1), 0.02, 0.2),
    sarGeneral(Float64Array.of(2), Float64Array.of(1), 0.02, 0.2),
  );
  same(
    sar(Float64Array.of(2, 3), Float64Array.of(1, 2), 0.02, 0.2),
    sarGeneral(Float64Array.of(2, 3), Float64Array.of(1, 2), 0.02, 0.2),
  );
  expect(Array.from(sar(Float64Array.of(Number.NaN), Float64Array.of(1), 0.02, 0.2))).toEqual([Number.NaN]);
});
