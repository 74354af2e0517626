/**
 * The trend_state event of a configured pair (`SPSM/MAG7`): the breakout state of its dominant
 * trendline as of a day. Reported when the state is worth a sentence (testing: "attempting to break";
 * breaking; confirmed; failed) or when it changed on the as-of day (including a fall back to below).
 * `changed` compares with the analysis as of the previous bar, so a new line drawn today counts too.
 */
import { formatIsoDate } from '../../domain/trading-date.js';
import { analyseTrend } from '../trend/trend-analysis.js';
import type { TrendOptions } from '../trend/trend-options.js';
import type { TrendStateEvent } from './market-event.js';

export function detectTrendStateEvent(
  pair: string,
  dates: Int32Array,
  values: Float64Array,
  i: number,
  options: TrendOptions,
): TrendStateEvent | null {
  if (i < 0 || i >= dates.length) return null;
  const now = analyseTrend(dates, values, options, i + 1);
  if (now === null || now.line === null || now.breakout === null) return null;
  const before = i > 0 ? analyseTrend(dates, values, options, i) : null;
  const changed =
    before === null ||
    before.line === null ||
    before.breakout === null ||
    before.breakout.state !== now.breakout.state ||
    before.line.kind !== now.line.kind;
  if (!changed && now.breakout.state === 'below') return null;
  return {
    type: 'trend_state',
    symbol: pair,
    date: formatIsoDate(now.asOfDay),
    kind: now.line.kind,
    state: now.breakout.state,
    previousState: now.breakout.previousState,
    since: formatIsoDate(now.breakout.sinceDay),
    changed,
    anchors: now.line.anchors.map((a) => ({ date: formatIsoDate(a.day), value: a.value })),
    levelAtAsOf: now.levelAtAsOf!,
    distance: now.distance!,
  };
}
