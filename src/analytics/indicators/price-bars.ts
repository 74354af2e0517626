/**
 * Per-row quantities of bars that several TTR indicators share: the true range and its true low
 * (TTR's `ATR(HLC)[, c("tr", "trueLow")]`, NaN on the first row, which has no previous close),
 * the typical price (high + low + close) / 3, and the close location value (TTR's `CLV`).
 */
import { ensureDefined } from '../../domain/ensure.js';
import { UsageError } from '../../domain/errors.js';

/** High, low and close columns of one series (same length). */
export interface HlcColumns {
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
}

export function checkSameLength(indicator: string, ...columns: Float64Array[]): number {
  const n = ensureDefined(columns[0], `${indicator}: its first input column`).length;
  if (columns.some((c) => c.length !== n)) {
    throw new UsageError(
      `${indicator}: the input columns differ in length (${columns.map((c) => c.length).join(', ')})`,
    );
  }
  return n;
}

/** True range max(high, prev close) - min(low, prev close); NaN on row 0 as in TTR 0.24. */
export function trueRangeColumn(bars: HlcColumns): Float64Array {
  const { high, low, close } = bars;
  const out = new Float64Array(close.length);
  if (close.length > 0) out[0] = Number.NaN;
  for (let i = 1; i < close.length; i++) {
    const pc = close[i - 1]!;
    out[i] = Math.max(high[i]!, pc) - Math.min(low[i]!, pc);
  }
  return out;
}

/** min(low, prev close): where the buying pressure of the ultimate oscillator is measured from. */
export function trueLowColumn(bars: HlcColumns): Float64Array {
  const { low, close } = bars;
  const out = new Float64Array(close.length);
  if (close.length > 0) out[0] = Number.NaN;
  for (let i = 1; i < close.length; i++) out[i] = Math.min(low[i]!, close[i - 1]!);
  return out;
}

/** (high + low + close) / 3, the price CCI, MFI and Keltner channels read. */
export function typicalPrice(bars: HlcColumns): Float64Array {
  const { high, low, close } = bars;
  const out = new Float64Array(close.length);
  for (let i = 0; i < out.length; i++) out[i] = (high[i]! + low[i]! + close[i]!) / 3;
  return out;
}

/** Close location value ((C - L) - (H - C)) / (H - L), 0 where the range is 0 (TTR's CLV). */
export function closeLocation(bars: HlcColumns): Float64Array {
  const { high, low, close } = bars;
  const out = new Float64Array(close.length);
  for (let i = 0; i < out.length; i++) {
    const c = close[i]!;
    const v = (c - low[i]! - (high[i]! - c)) / (high[i]! - low[i]!);
    // A missing input stays missing (R's NA); 0/0 and x/0 of a zero-range bar become 0.
    out[i] = Number.isFinite(v) || Number.isNaN(high[i]! + low[i]! + c) ? v : 0;
  }
  return out;
}
