/**
 * The last N days of a BreadthHistory as points (oldest first), for charts and for reading whether
 * participation is widening: shares above the averages, net new highs, the A/D line and the share
 * beating the benchmark, each day. Shares are fractions, null when nobody qualifies that day.
 */
import { indexOnOrBefore } from '../../domain/price-series.js';
import { type DayNumber, formatIsoDate } from '../../domain/trading-date.js';
import type { BreadthHistory } from './breadth-history.js';

export interface BreadthPoint {
  readonly date: string;
  readonly aboveSma50: number | null;
  readonly aboveSma200: number | null;
  readonly netNewHighs: number;
  readonly adLine: number;
  readonly beating: number | null;
}

const ratio = (a: number, b: number) => (b > 0 ? a / b : null);

/** Up to `days` axis days ending on the last day on or before `asOf`. */
export function breadthSeries(h: BreadthHistory, asOf: DayNumber, days: number): BreadthPoint[] {
  const end = indexOnOrBefore(h.dates, asOf);
  const out: BreadthPoint[] = [];
  for (let k = Math.max(0, end - days + 1); k <= end; k++) {
    out.push({
      date: formatIsoDate(h.dates[k]!),
      aboveSma50: ratio(h.aboveShort[k]!, h.withShort[k]!),
      aboveSma200: ratio(h.aboveLong[k]!, h.withLong[k]!),
      netNewHighs: h.newHighs[k]! - h.newLows[k]!,
      adLine: h.adLine[k]!,
      beating: ratio(h.beating[k]!, h.withBeat[k]!),
    });
  }
  return out;
}
