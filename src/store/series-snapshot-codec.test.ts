/**
 * The snapshot codec gives back every day and every value bit for bit (properties over random
 * columns, fast-check), and packs CSV-style prices small (sizes worked out by hand below).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeDaysInto,
  decodeValuesInto,
  encodeDays,
  encodeValues,
  packedDayCount,
  VALUE_GROUP,
  ValueGroups,
} from './series-snapshot-codec.js';

function roundTripDays(days: number[]): number[] {
  const bytes = encodeDays(Int32Array.from(days));
  const out = new Int32Array(days.length + 2).fill(-7);
  expect(packedDayCount(bytes)).toBe(days.length);
  expect(decodeDaysInto(bytes, out, 1)).toBe(days.length);
  expect(out[0]).toBe(-7);
  expect(out[days.length + 1]).toBe(-7);
  return [...out.subarray(1, days.length + 1)];
}

function roundTripValues(values: number[], close?: number[]): number[] {
  const v = Float64Array.from(values);
  const c = close === undefined ? undefined : Float64Array.from(close);
  const bytes = encodeValues(v, c);
  const out = new Float64Array(values.length);
  decodeValuesInto(bytes, values.length, out, 0, c);
  return [...out];
}

/** Bit-for-bit equality (NaN equal to NaN, -0 not equal to 0). */
const same = (a: number[], b: number[]) => a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

describe('snapshot codec', () => {
  it('round-trips ascending days with any gaps, negative days included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -40_000, max: 40_000 }),
        fc.array(fc.integer({ min: 1, max: 5_000 }), { maxLength: 700 }),
        (first, gaps) => {
          const days = [first];
          for (const g of gaps) days.push(days[days.length - 1]! + g);
          expect(roundTripDays(days)).toEqual(days);
        },
      ),
    );
    expect(roundTripDays([])).toEqual([]);
  });

  it('round-trips any doubles exactly: decimals, noisy floats, NaN, infinities, -0, huge and tiny', () => {
    const decimal = fc
      .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 9 }))
      .map(([m, k]) => m / 10 ** k);
    const anything = fc.oneof(decimal, fc.double(), fc.constantFrom(Number.NaN, -0, 1e300, 5e-324, 2 ** 53));
    fc.assert(
      fc.property(fc.array(fc.oneof(decimal, decimal, anything), { maxLength: 600 }), (values) => {
        expect(same(roundTripValues(values), values)).toBe(true);
      }),
    );
    // one decimal place per segment: mixed places use the most any value needs
    fc.assert(
      fc.property(fc.array(decimal, { minLength: 1, maxLength: 400 }), (values) => {
        expect(same(roundTripValues(values), values)).toBe(true);
      }),
    );
  });

  it('stores an adjusted close equal to the close as one byte, and a different one in full', () => {
    const close = [10.5, 10.75, 11];
    expect(encodeValues(Float64Array.from(close), Float64Array.from(close))).toEqual(Uint8Array.of(0xfe));
    expect(roundTripValues(close, close)).toEqual(close);
    expect(roundTripValues([10.4, 10.7, 11], close)).toEqual([10.4, 10.7, 11]);
  });

  it('packs four-decimal prices in about two bytes each and weekdays in about a quarter byte', () => {
    // 1,000 closes stepping by +-0.0123 from 100: scaled by 10^4, differences are +-123, zigzag 245/246,
    // 8 bits each: 1 mode byte + varint(zigzag(1,000,123)) = 3 bytes + 8 blocks (one width byte each) + 999 bytes.
    // The group index: 8 groups of 128, each starting on an even index (100.0123, the group's high at
    // position 0: distance 0, one byte, then the position byte; its low 100 at position 1: distance 123,
    // one byte, then the position byte), the first group 4 bytes, the 7 others 1 more (difference from
    // the previous group's start: 0) = 39 bytes, and its length (one byte) before it
    const closes = Array.from({ length: 1000 }, (_, i) => Math.round((100 + (i % 2 === 0 ? 0.0123 : 0)) * 1e4) / 1e4);
    const bytes = encodeValues(Float64Array.from(closes));
    expect(bytes[0]).toBe(0x10 + 4);
    expect(bytes.length).toBe(1 + 3 + 1 + 39 + 8 + 999);
    // 260 weekdays: gaps of 1 and 3 need 2 bits: varint(260) 2 bytes + varint(zigzag(day)) 3 bytes + 3 blocks
    // (width bytes) + 259 gaps in blocks of 128, 128 and 3 at 2 bits: 32 + 32 + 1 bytes
    const days: number[] = [];
    for (let d = 20_000; days.length < 260; d++) if ((d + 4) % 7 >= 1 && (d + 4) % 7 <= 5) days.push(d); // Mon-Fri (day 0 was a Thursday)
    expect(encodeDays(Int32Array.from(days)).length).toBe(2 + 3 + 3 + 32 + 32 + 1);
  });

  it('still reads values packed before the group index existed (mode byte = decimals, no index)', () => {
    const values = Float64Array.from({ length: 300 }, (_, i) => Math.round(1e4 * (50 + Math.sin(i))) / 1e4);
    const indexed = encodeValues(values);
    // the older form is the newer one without the index: mode 4, varint(zigzag(m0)), then the blocks
    const m0Bytes = 3; // zigzag(500,000) = 1,000,000 < 2^21
    const indexLength = indexed[1 + m0Bytes]!; // < 128: one byte
    const old = Uint8Array.from([
      indexed[0]! - 0x10,
      ...indexed.subarray(1, 1 + m0Bytes),
      ...indexed.subarray(1 + m0Bytes + 1 + indexLength),
    ]);
    const out = new Float64Array(300);
    decodeValuesInto(old, 300, out, 0);
    expect(same([...out], [...values])).toBe(true);
    const groups = new ValueGroups(old, 300, new Float64Array(300), 0);
    expect(groups.summarised).toBe(false);
  });

  it('unpacks any group alone and knows its highest and lowest value (first position) without unpacking it', () => {
    const decimal = fc
      .tuple(fc.integer({ min: -10_000_000, max: 10_000_000 }), fc.integer({ min: 0, max: 4 }))
      .map(([m, k]) => m / 10 ** k);
    const column = fc.oneof(
      fc.array(decimal, { maxLength: 700 }),
      // few distinct values: ties for the high and the low inside a group
      fc.array(fc.constantFrom(1, 2, 2.5), { maxLength: 700 }),
      fc.array(fc.oneof(decimal, fc.double(), fc.constant(Number.NaN)), { maxLength: 300 }),
    );
    fc.assert(
      fc.property(column, fc.array(fc.nat(), { maxLength: 8 }), (list, picks) => {
        const values = Float64Array.from(list);
        const n = values.length;
        const out = new Float64Array(n + 3).fill(-1);
        const groups = new ValueGroups(encodeValues(values), n, out, 3);
        expect(groups.groups).toBe(Math.ceil(n / VALUE_GROUP));
        for (const pick of picks) {
          if (groups.groups === 0) break;
          const c = pick % groups.groups;
          groups.load(c);
          expect(groups.isLoaded(c)).toBe(true);
          const from = c * VALUE_GROUP;
          const to = Math.min(n, from + VALUE_GROUP);
          expect(same([...out.subarray(3 + from, 3 + to)], [...values.subarray(from, to)])).toBe(true);
          if (groups.summarised) {
            // the first highest and lowest of the group, as a scan with strict comparisons finds them
            let hi = from;
            let lo = from;
            for (let i = from + 1; i < to; i++) {
              if (values[i]! > values[hi]!) hi = i;
              if (values[i]! < values[lo]!) lo = i;
            }
            expect([groups.high(c), groups.highIndex(c), groups.low(c), groups.lowIndex(c)]).toEqual([
              values[hi],
              hi,
              values[lo],
              lo,
            ]);
          }
        }
        expect(out.subarray(0, 3)).toEqual(Float64Array.of(-1, -1, -1));
      }),
    );
  });

  it('refuses days that do not ascend', () => {
    expect(() => encodeDays(Int32Array.of(5, 5))).toThrow(/ascend/);
  });
});
