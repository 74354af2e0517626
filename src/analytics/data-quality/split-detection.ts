/**
 * Finds one-day price moves that look like a stock split (or reverse split) nobody back-adjusted:
 * the close jumps by a split ratio (x1/2 for 2:1, x1/3 for 3:1, x10 for 1:10 ...) within a
 * tolerance, and stays at the new level instead of bouncing back (a one-day spike is a bad print, not
 * a split). Used by `import` for warnings and by `symbols --check`.
 */
import type { DayNumber } from '../../domain/trading-date.js';

/** Splits seen in practice: N:1 forward splits, 1:N reverse splits. */
export const SPLIT_RATIOS: readonly number[] = [2, 3, 4, 5, 6, 7, 8, 10, 15, 20, 25, 30, 50];

export interface SplitDetectionOptions {
  /** Largest distance |ln(move x ratio)| that still counts as matching the ratio (0.03: about 3%). */
  readonly tolerance?: number;
  /** Days after the jump checked for a bounce back to the old level. */
  readonly confirmDays?: number;
}

export interface SuspectedSplit {
  /** Index of the first close at the new level. */
  readonly index: number;
  readonly date: DayNumber;
  readonly previousClose: number;
  readonly close: number;
  /** close / previousClose. */
  readonly move: number;
  /** Shares after per share before: 2 for a 2:1 split (price halves), 0.1 for a 1:10 reverse split. */
  readonly ratio: number;
  /** `2:1` or `1:10`. */
  readonly label: string;
}

/**
 * @example detectSuspectedSplits(dates, [100, 101, 50.4, 50.9]) // one 2:1 split at index 2
 */
export function detectSuspectedSplits(
  dates: ArrayLike<number>,
  closes: ArrayLike<number>,
  options: SplitDetectionOptions = {},
): SuspectedSplit[] {
  const tolerance = options.tolerance ?? 0.03;
  const confirmDays = options.confirmDays ?? 5;
  if (dates.length !== closes.length)
    throw new RangeError(`detectSuspectedSplits: ${dates.length} dates but ${closes.length} closes`);
  const out: SuspectedSplit[] = [];
  let prev = -1;
  // the jump back from a spike is not a split either: no candidates up to the bounce
  let spikeEnd = -1;
  for (let i = 0; i < closes.length; i++) {
    const c = closes[i]!;
    if (!(c > 0) || !Number.isFinite(c)) continue;
    if (prev >= 0 && i > spikeEnd) {
      const before = closes[prev]!;
      const move = c / before;
      const ratio = matchRatio(move, tolerance);
      if (ratio !== null) {
        const bounce = bounceIndex(closes, i, before, move, confirmDays);
        if (bounce < 0) {
          out.push({
            index: i,
            date: dates[i]!,
            previousClose: before,
            close: c,
            move,
            ratio,
            label: ratio >= 1 ? `${ratio}:1` : `1:${Math.round(1 / ratio)}`,
          });
        } else spikeEnd = bounce;
      }
    }
    prev = i;
  }
  return out;
}

const LOG_RATIOS = SPLIT_RATIOS.map((r) => Math.log(r));
const SMALLEST_LOG_RATIO = Math.min(...LOG_RATIOS);

/** The split ratio whose price effect (1/ratio) the move matches, or null. */
function matchRatio(move: number, tolerance: number): number | null {
  // most days move far less than the smallest split: skip the logarithms for them
  if (move < 1 + (SMALLEST_LOG_RATIO - tolerance) / 2 && move > 1 / (1 + (SMALLEST_LOG_RATIO - tolerance) / 2))
    return null;
  const lnMove = Math.log(move);
  for (let k = 0; k < LOG_RATIOS.length; k++) {
    const lr = LOG_RATIOS[k]!;
    if (Math.abs(lnMove + lr) <= tolerance) return SPLIT_RATIOS[k]!;
    if (Math.abs(lnMove - lr) <= tolerance) return 1 / SPLIT_RATIOS[k]!;
  }
  return null;
}

/**
 * The index of a later close within `days` that returns closer to the old level than to the new one
 * (in log terms), or -1: when there is one the jump reversed, so it was a glitch, not a split.
 */
function bounceIndex(closes: ArrayLike<number>, i: number, before: number, move: number, days: number): number {
  const half = Math.abs(Math.log(move)) / 2;
  let seen = 0;
  for (let j = i + 1; j < closes.length && seen < days; j++) {
    const c = closes[j]!;
    if (!(c > 0) || !Number.isFinite(c)) continue;
    seen++;
    if (Math.abs(Math.log(c / before)) < half) return j;
  }
  return -1;
}
