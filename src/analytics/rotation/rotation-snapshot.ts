/**
 * One member's place on the relative-rotation chart as of a date: latest RS-Ratio and RS-Momentum,
 * quadrant, heading of the last step and the tail of the last N points (oldest first).
 * Daily or weekly: weekly uses the last bar of each ISO week (trend/weekly-closes.ts); the running
 * week is represented by its latest bar, so only that last point moves until the week is complete.
 */
import { indexOnOrBefore } from '../../domain/price-series.js';
import { type DayNumber, formatIsoDate } from '../../domain/trading-date.js';
import { weeklyCloses } from '../trend/weekly-closes.js';
import { alignOnCommonDates } from './common-dates.js';
import {
  DEFAULT_ROTATION_PARAMS,
  headingDegrees,
  type Quadrant,
  quadrantOf,
  type RotationParams,
  relativeRotation,
} from './relative-rotation.js';

export type RotationInterval = 'daily' | 'weekly';

export interface TailPoint {
  readonly date: string;
  readonly rsRatio: number;
  readonly rsMomentum: number;
}

export interface RotationSnapshot {
  readonly symbol: string;
  /** Null when there is too little common history for the windows. */
  readonly rsRatio: number | null;
  readonly rsMomentum: number | null;
  readonly quadrant: Quadrant | null;
  /** Degrees, 0 = east, counter-clockwise; null without two tail points. */
  readonly heading: number | null;
  readonly tail: TailPoint[];
}

export interface SnapshotInput {
  readonly symbol: string;
  readonly dates: Int32Array;
  readonly closes: Float64Array;
  readonly benchmarkDates: Int32Array;
  readonly benchmarkCloses: Float64Array;
  /** Last day used (inclusive); bars after it are ignored, so the answer is what was known then. */
  readonly asOf: DayNumber;
  readonly tail: number;
  readonly interval: RotationInterval;
  readonly params?: RotationParams;
  /**
   * A member whose last common bar is more than this many calendar days before `asOf` (delisted,
   * suspended, not updated) gets null values and quadrant: its tail is still listed. Default 7.
   */
  readonly maxStaleDays?: number;
}

/** Rounds for output only (4 decimals); computations keep full precision. */
function r4(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

export function rotationSnapshot(input: SnapshotInput): RotationSnapshot {
  const params = input.params ?? DEFAULT_ROTATION_PARAMS;
  const pair = alignOnCommonDates(input.dates, input.closes, input.benchmarkDates, input.benchmarkCloses);
  const end = indexOnOrBefore(pair.dates, input.asOf) + 1;
  let dates = pair.dates.subarray(0, end);
  let a = pair.a.subarray(0, end);
  let b = pair.b.subarray(0, end);
  if (input.interval === 'weekly') {
    const weeks = weeklyCloses(dates, a);
    const wb = new Float64Array(weeks.barIndex.length);
    for (let i = 0; i < wb.length; i++) wb[i] = b[weeks.barIndex[i]!]!;
    dates = weeks.dates;
    a = weeks.values;
    b = wb;
  }
  const rot = relativeRotation(a, b, params);
  const n = dates.length;
  const tail: TailPoint[] = [];
  for (let i = Math.max(0, n - input.tail); i < n; i++) {
    const x = rot.rsRatio[i]!;
    const y = rot.rsMomentum[i]!;
    if (Number.isFinite(x) && Number.isFinite(y))
      tail.push({ date: formatIsoDate(dates[i]!), rsRatio: r4(x), rsMomentum: r4(y) });
  }
  const stale = n === 0 || input.asOf - dates[n - 1]! > (input.maxStaleDays ?? 7);
  const lastX = stale ? Number.NaN : rot.rsRatio[n - 1]!;
  const lastY = stale ? Number.NaN : rot.rsMomentum[n - 1]!;
  if (!Number.isFinite(lastX) || !Number.isFinite(lastY)) {
    return { symbol: input.symbol, rsRatio: null, rsMomentum: null, quadrant: null, heading: null, tail };
  }
  const prevX = n > 1 ? rot.rsRatio[n - 2]! : Number.NaN;
  const prevY = n > 1 ? rot.rsMomentum[n - 2]! : Number.NaN;
  const heading = Number.isFinite(prevX) && Number.isFinite(prevY) ? headingDegrees(prevX, prevY, lastX, lastY) : null;
  return {
    symbol: input.symbol,
    rsRatio: r4(lastX),
    rsMomentum: r4(lastY),
    quadrant: quadrantOf(lastX, lastY),
    heading: heading === null ? null : Math.round(heading * 10) / 10,
    tail,
  };
}
