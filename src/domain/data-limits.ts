/**
 * The documented limits on what may enter the store (docs/data-rules-and-limits.md):
 * - a bar's date lies in 1900-01-01 .. tomorrow (UTC): no `infinity`, no year 12345, no BC dates, and
 *   tomorrow rather than today so a file written in a time zone ahead of UTC is not refused;
 * - a CSV line is at most 1 MiB and a gzip file inflates to at most 4 GiB (both configurable), so a
 *   hostile file fails in well under a second instead of hanging the reader or exhausting memory.
 */
import { formatIsoDate } from './trading-date.js';

export const MIN_BAR_DATE = '1900-01-01';

/**
 * How far (relative) a close may lie outside [low, high] and still pass: rounding only. Real Yahoo
 * downloads have closes one unit in the last place above the high (XLE, 1999: 1.5e-16 relative).
 */
export const CLOSE_RANGE_TOLERANCE = 1e-9;

export interface DateBounds {
  /** Inclusive ISO dates. */
  readonly min: string;
  readonly max: string;
}

/** The bounds for a write made at `now`: 1900-01-01 .. the UTC day after `now`. */
export function barDateBounds(now: Date = new Date()): DateBounds {
  const tomorrow = Math.floor(now.getTime() / 86_400_000) + 1;
  return { min: MIN_BAR_DATE, max: formatIsoDate(tomorrow) };
}

export interface ReadLimits {
  /** Longest line accepted, in bytes (line end excluded). */
  readonly maxLineBytes: number;
  /** Largest inflated size of a gzip file, in bytes. */
  readonly maxInflatedBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxLineBytes: 1 << 20, maxInflatedBytes: 4 * 2 ** 30 };

/** A byte count for messages: `1 MiB`, `4 GiB`, `1,500 bytes`. */
export function formatBytes(n: number): string {
  for (const [unit, size] of [
    ['GiB', 2 ** 30],
    ['MiB', 2 ** 20],
    ['KiB', 2 ** 10],
  ] as const) {
    if (n >= size && n % size === 0) return `${n / size} ${unit}`;
  }
  return `${n.toLocaleString('en-US')} bytes`;
}
