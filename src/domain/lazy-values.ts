/**
 * One value column read lazily: a store that keeps it packed unpacks only the parts a computation
 * asks for, and answers the searches below from stored highs and lows where it can, so a question
 * about 20 years need not unpack 20 years. `arrayValues` is the same over a plain column.
 */

/** Random access to a value column and the searches that can skip unread stretches. Indices as in the dates. */
export interface LazyValues {
  readonly length: number;
  at(i: number): number;
  /** The first index of the highest value in [0, end] (strict comparisons: NaN is never one), or -1. */
  highestUpTo(end: number): number;
  /** The last index before `before` whose value is strictly above `x` (never for NaN), or -1. */
  lastAbove(before: number, x: number): number;
  /** The last index before `before` whose value is strictly below `x` (never for NaN), or -1. */
  lastBelow(before: number, x: number): number;
}

/**
 * Picks the bars of one series that a computation reads: ascending, distinct indices into `dates`. A
 * store may then return only those bars (their dates and values, in order); the computation must give
 * the same answer on them as on the whole series (see analytics/returns/perf-bars.ts).
 */
export type BarSelector = (dates: Int32Array, values: LazyValues) => Int32Array;

/** `LazyValues` over a column held in full. */
export function arrayValues(values: Float64Array): LazyValues {
  return {
    length: values.length,
    at: (i) => values[i]!,
    highestUpTo(end) {
      let best = -1;
      let bestValue = Number.NEGATIVE_INFINITY;
      for (let i = 0; i <= end; i++) {
        if (values[i]! > bestValue) {
          bestValue = values[i]!;
          best = i;
        }
      }
      return best;
    },
    lastAbove(before, x) {
      for (let i = before - 1; i >= 0; i--) if (values[i]! > x) return i;
      return -1;
    },
    lastBelow(before, x) {
      for (let i = before - 1; i >= 0; i--) if (values[i]! < x) return i;
      return -1;
    },
  };
}
