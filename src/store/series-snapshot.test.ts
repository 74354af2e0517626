/**
 * A read with a bar selector (ReadOptions.select) over packed segments: the lazy column the selector
 * sees answers every question as the whole column would (values, the first highest value up to an
 * index, the last value above or below a level), over several segments, cut to date ranges, with
 * indexed, raw and older un-indexed value columns; and the series handed back holds exactly the
 * picked bars. Property-based (fast-check) against `arrayValues` over the unpacked column.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { withoutGroupIndex } from '../../test/support/snapshot-format.js';
import { arrayValues, type LazyValues } from '../domain/lazy-values.js';
import { formatIsoDate, parseIsoDate } from '../domain/trading-date.js';
import { type PackedSegments, packSegments, unpackSegments, yearOfDay } from './series-snapshot.js';

type Query = { kind: 'at' | 'high' | 'above' | 'below'; i: number; level: number };

function ask(v: LazyValues, q: Query): number {
  const n = v.length;
  const i = q.i % n;
  if (q.kind === 'at') return v.at(i);
  if (q.kind === 'high') return v.highestUpTo(i);
  // the level: a stored value (ties) or one between
  const x = q.level < 0 ? v.at(-q.level % n) : q.level;
  return q.kind === 'above' ? v.lastAbove(i, x) : v.lastBelow(i, x);
}

const FIRST = parseIsoDate('2014-06-02');

describe('a selected read of packed segments', () => {
  it('sees the column as a whole read would, and returns the picked bars', async () => {
    const price = fc.oneof(
      fc.integer({ min: 1, max: 60 }).map((x) => x / 4),
      fc.integer({ min: 1, max: 9_000_000 }).map((x) => x / 1e4),
      fc.double({ min: 0.5, max: 1e4, noNaN: true }),
    );
    const arb = fc.record({
      gaps: fc.array(fc.integer({ min: 1, max: 4 }), { minLength: 1, maxLength: 1600, size: 'max' }),
      prices: fc.array(price, { minLength: 1600, maxLength: 1600 }),
      kind: fc.constantFrom('decimals' as const, 'noisy' as const, 'few' as const),
      sweep: fc.boolean(),
      // years at which the history is packed as separate stretches (each then one or two segments)
      cuts: fc.array(fc.integer({ min: 2015, max: 2019 }), { maxLength: 3 }),
      old: fc.boolean(),
      from: fc.option(fc.integer({ min: 0, max: 2500 }), { freq: 2 }),
      to: fc.option(fc.integer({ min: 0, max: 4500 }), { freq: 2 }),
      queries: fc.array(
        fc.record({
          kind: fc.constantFrom('at' as const, 'high' as const, 'above' as const, 'below' as const),
          i: fc.nat(),
          level: fc.oneof(fc.integer({ min: -5000, max: -1 }), fc.double({ min: 0, max: 1e4, noNaN: true })),
        }),
        { maxLength: 40 },
      ),
      pick: fc.array(fc.nat(), { maxLength: 30 }),
    });
    await fc.assert(
      fc.asyncProperty(arb, async ({ gaps, prices, kind, sweep, cuts, old, from, to, queries, pick }) => {
        const n = gaps.length;
        const days = new Int32Array(n);
        for (let i = 0, d = FIRST; i < n; i++) days[i] = d += gaps[i]!;
        // decimals (packed, indexed), noisy doubles (raw), or three values (ties for every high and low)
        const closes = Float64Array.from({ length: n }, (_, i) =>
          kind === 'noisy'
            ? prices[i]!
            : kind === 'few'
              ? [1, 2, 2.5][Math.floor(prices[i]!) % 3]!
              : Math.round(prices[i]! * 1e4) / 1e4,
        );
        const packed: PackedSegments = { columns: ['close'], range: undefined, symbols: [], segments: [] };
        const years = [...new Set(cuts)].sort();
        let start = 0;
        for (const year of [...years, Number.POSITIVE_INFINITY]) {
          let end = start;
          while (end < n && yearOfDay(days[end]!) < year) end++;
          if (end > start) {
            for (const seg of packSegments('X', days.subarray(start, end), closes.subarray(start, end), closes)) {
              packed.symbols.push('X');
              packed.segments.push({
                year: seg.year,
                days: seg.days,
                closes:
                  old && seg.closes[0]! >= 0x10 && seg.closes[0]! <= 0x19 ? withoutGroupIndex(seg.closes) : seg.closes,
                adjCloses: null,
              });
            }
          }
          start = end;
        }
        const range = {
          ...(from === null ? {} : { from: formatIsoDate(FIRST + from) }),
          ...(to === null ? {} : { to: formatIsoDate(FIRST + to) }),
        };
        const whole = (await unpackSegments({ ...packed, range })).get('X');
        let seen: { dates: number[]; answers: number[]; picked: number[] } | null = null;
        const got = await unpackSegments({ ...packed, range }, (dates, values) => {
          const picked = [...new Set(pick.map((p) => p % values.length))].sort((a, b) => a - b);
          const answers = queries.map((q) => ask(values, q));
          // every value, last first (parts' first values before anything else of theirs is read)
          if (sweep) for (let i = values.length - 1; i >= 0; i--) answers.push(values.at(i));
          seen = { dates: [...dates], answers, picked };
          return Int32Array.from(picked);
        });
        if (whole === undefined) {
          expect(got.size).toBe(0);
          return;
        }
        expect(seen).not.toBeNull();
        const { dates, answers, picked } = seen!;
        expect(dates).toEqual([...whole.dates]);
        const expected = queries.map((q) => ask(arrayValues(whole.close), q));
        if (sweep) expected.push(...[...whole.close].reverse());
        expect(answers).toEqual(expected);
        const series = got.get('X')!;
        expect([...series.dates]).toEqual(picked.map((i) => whole.dates[i]));
        expect([...series.close]).toEqual(picked.map((i) => whole.close[i]));
        expect(series.adjClose.every((x) => Number.isNaN(x))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
