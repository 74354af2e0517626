/**
 * Leadership within a group: members ranked by return over a window (1 = best), the same ranking
 * over the window just before, and the change in rank (positive = moved up). A member that climbs
 * from the bottom half to the top while the former leaders slip is "leadership shifting".
 * Returns are fractions from returns/period-returns.ts `windowReturn`; a member without a base
 * close on or before the window start has a null return and no rank, and so does a member whose
 * last bar is more than `maxStaleDays` (default 7) calendar days before the window end (delisted or
 * not updated: its return would stop early and not be comparable).
 */
import { windowReturn } from '../returns/period-returns.js';
import type { ReturnWindow } from './return-window.js';

export interface LeadershipInput {
  readonly symbol: string;
  readonly dates: Int32Array;
  readonly closes: Float64Array;
}

export interface LeadershipRow {
  readonly symbol: string;
  readonly return: number | null;
  readonly rank: number | null;
  readonly previousReturn: number | null;
  readonly previousRank: number | null;
  /** previousRank - rank: +3 means three places higher than in the window before. */
  readonly rankChange: number | null;
}

/** Competition ranking (1, 2, 2, 4) of the finite values, highest first; null for the rest. */
export function descendingRanks(values: readonly (number | null)[]): (number | null)[] {
  return values.map((v) => {
    if (v === null) return null;
    let better = 0;
    for (const w of values) if (w !== null && w > v) better++;
    return better + 1;
  });
}

function freshReturn(m: LeadershipInput, w: ReturnWindow, maxStaleDays: number): number | null {
  const r = windowReturn(m.dates, m.closes, w.from, w.to);
  return r === null || w.to - m.dates[r.toIndex]! > maxStaleDays ? null : r.value;
}

/** Rows ordered by current rank (unranked last, alphabetically). */
export function leadershipRanks(
  members: readonly LeadershipInput[],
  current: ReturnWindow,
  previous: ReturnWindow,
  maxStaleDays = 7,
): LeadershipRow[] {
  const now = members.map((m) => freshReturn(m, current, maxStaleDays));
  const before = members.map((m) => freshReturn(m, previous, maxStaleDays));
  const r1 = descendingRanks(now);
  const r0 = descendingRanks(before);
  const rows = members.map((m, i) => ({
    symbol: m.symbol,
    return: now[i]!,
    rank: r1[i]!,
    previousReturn: before[i]!,
    previousRank: r0[i]!,
    rankChange: r1[i] !== null && r0[i] !== null ? r0[i]! - r1[i]! : null,
  }));
  return rows.sort(
    (a, b) =>
      (a.rank ?? Number.POSITIVE_INFINITY) - (b.rank ?? Number.POSITIVE_INFINITY) || a.symbol.localeCompare(b.symbol),
  );
}
