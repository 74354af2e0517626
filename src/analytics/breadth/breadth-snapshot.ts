/**
 * Breadth as of one day, read off a BreadthHistory: counts with their denominators and the share
 * (a fraction, null when nobody qualifies), plus the A/D line's level and its change over the
 * benchmark window. "Broad-based" vs "a few names carry it" is read from these shares.
 */
import { ensureDefined } from '../../domain/ensure.js';
import { indexOnOrBefore } from '../../domain/price-series.js';
import { type DayNumber, formatIsoDate } from '../../domain/trading-date.js';
import type { BreadthHistory } from './breadth-history.js';

export interface ShareCount {
  readonly count: number;
  readonly of: number;
  /** count / of, or null when `of` is 0. */
  readonly share: number | null;
}

export interface BreadthSnapshot {
  /** The axis day used (last on or before the requested as-of). */
  readonly date: string;
  /** Members with a bar that day. */
  readonly members: number;
  readonly aboveShort: ShareCount;
  readonly aboveLong: ShareCount;
  readonly newHighs: number;
  readonly newLows: number;
  /** new highs minus new lows. */
  readonly netNewHighs: number;
  /** Members with a full 52-week window that day. */
  readonly withYear: number;
  readonly advances: number;
  readonly declines: number;
  readonly unchanged: number;
  readonly adLine: {
    readonly value: number;
    readonly from: string;
    readonly change: number | null;
    readonly changeFrom: string | null;
  };
  readonly beating: ShareCount;
}

function share(count: number, of: number): ShareCount {
  return { count, of, share: of > 0 ? count / of : null };
}

/** Null when the history has no day on or before `asOf`. */
export function breadthAt(h: BreadthHistory, asOf: DayNumber): BreadthSnapshot | null {
  const k = indexOnOrBefore(h.dates, asOf);
  if (k < 0) return null;
  const back = k - h.beatWindow;
  return {
    date: formatIsoDate(h.dates[k]!),
    members: h.members[k]!,
    aboveShort: share(h.aboveShort[k]!, h.withShort[k]!),
    aboveLong: share(h.aboveLong[k]!, h.withLong[k]!),
    newHighs: h.newHighs[k]!,
    newLows: h.newLows[k]!,
    netNewHighs: h.newHighs[k]! - h.newLows[k]!,
    withYear: h.withYear[k]!,
    advances: h.advances[k]!,
    declines: h.declines[k]!,
    unchanged: h.unchanged[k]!,
    adLine: {
      value: h.adLine[k]!,
      from: formatIsoDate(ensureDefined(h.dates[0], 'first day of the breadth history')),
      change: back >= 0 ? h.adLine[k]! - h.adLine[back]! : null,
      changeFrom: back >= 0 ? formatIsoDate(h.dates[back]!) : null,
    },
    beating: share(h.beating[k]!, h.withBeat[k]!),
  };
}
