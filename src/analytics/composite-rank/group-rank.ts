/**
 * Composite rank of every member of a group as of a date: each member's composite score on its
 * last bar on or before the as-of day, then the 0..99 percentile within the group. Members with
 * too little history, no bar by then, or a last bar more than `maxStaleDays` (default 7) calendar
 * days before the as-of day (delisted, not updated) get a null rank and score and are listed last.
 */
import { indexOnOrBefore } from '../../domain/price-series.js';
import { type DayNumber, formatIsoDate } from '../../domain/trading-date.js';
import { type CompositeComponents, type CompositeWeights, compositeScore, SCTR_WEIGHTS } from './composite-score.js';
import { percentileRanks } from './percentile-rank.js';

export interface RankInput {
  readonly symbol: string;
  readonly dates: Int32Array;
  /** Closes without NaN. */
  readonly closes: Float64Array;
}

export interface RankRow {
  readonly symbol: string;
  /** 0..99 within the group, null without enough history. */
  readonly rank: number | null;
  readonly score: number | null;
  /** The member's bar the score is computed on. */
  readonly date: string | null;
  readonly components: CompositeComponents | null;
}

/** Rows ordered by rank, strongest first; unranked members last, alphabetically. */
export function rankGroup(
  members: readonly RankInput[],
  asOf: DayNumber,
  weights: CompositeWeights = SCTR_WEIGHTS,
  maxStaleDays = 7,
): RankRow[] {
  const partial = members.map((m) => {
    const i = indexOnOrBefore(m.dates, asOf);
    const s = i < 0 || asOf - m.dates[i]! > maxStaleDays ? null : compositeScore(m.closes, i, weights);
    return {
      symbol: m.symbol,
      score: s?.score ?? null,
      date: i < 0 ? null : formatIsoDate(m.dates[i]!),
      components: s?.components ?? null,
    };
  });
  const ranks = percentileRanks(partial.map((p) => p.score ?? Number.NaN));
  const rows: RankRow[] = partial.map((p, k) => ({
    symbol: p.symbol,
    rank: ranks[k]!,
    score: p.score,
    date: p.date,
    components: p.components,
  }));
  return rows.sort((a, b) => {
    if (a.score === null || b.score === null)
      return a.score === null && b.score === null ? a.symbol.localeCompare(b.symbol) : a.score === null ? 1 : -1;
    return b.score - a.score || a.symbol.localeCompare(b.symbol);
  });
}
