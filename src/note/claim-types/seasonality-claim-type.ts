/**
 * Seasonality claims (issue 15): "in the window from December 12 to January 1, the SPSM/MAG7 ratio
 * rose in seven of twelve earlier years, with a median move of 1.3 percentage points in favour of
 * small caps". Checked with the window's change in every complete earlier year of the ratio
 * (analytics/seasonality): the count of up years, the number of years and the median, to the
 * precision printed, its sign from "in favour of small caps" (up) or "of the Magnificent 7" (down).
 */
import { parseCalendarWindow, windowSeasonality } from '../../analytics/seasonality/seasonality.js';
import { MONTH_NAMES, NUMBER_WORDS } from '../../domain/format/display-format.js';
import type { ClaimBase } from '../claims/claim.js';
import { allMatches } from '../claims/clause-words.js';
import type { ClaimType } from './claim-type.js';

interface SeasonalityClaim extends ClaimBase {
  readonly metric: 'seasonality';
  readonly window: string;
  readonly up: number;
  readonly years: number;
  /** Median change as a fraction, signed. */
  readonly median: number;
  readonly decimals: number;
}

const count = (w: string) => (/^\d+$/.test(w) ? Number(w) : NUMBER_WORDS.indexOf(w.toLowerCase()));
const M = MONTH_NAMES.join('|');
const CLAIM = new RegExp(
  `from\\s+(${M})\\s+(\\d{1,2})\\s+to\\s+(${M})\\s+(\\d{1,2}),\\s+the\\s+([A-Z^0-9.]+\\/[A-Z^0-9.]+)\\s+ratio\\s+rose\\s+in\\s+(\\w+)\\s+of\\s+(\\w+)\\s+earlier\\s+years,\\s+with\\s+a\\s+median\\s+move\\s+of\\s+(\\d+(?:\\.\\d+)?)\\s+percentage\\s+points\\s+in\\s+favour\\s+of\\s+(small\\s+caps|the\\s+Magnificent\\s+7)`,
  'g',
);

const mmdd = (month: string, day: string) =>
  `${String(MONTH_NAMES.indexOf(month as (typeof MONTH_NAMES)[number]) + 1).padStart(2, '0')}-${day.padStart(2, '0')}`;

export const seasonalityClaimType: ClaimType<SeasonalityClaim> = {
  metric: 'seasonality',
  hasBasis: false,
  extract(scope) {
    return allMatches(CLAIM, scope.sentence).map((m) => {
      const digits = m[8]!;
      const size = Number(digits) / 100;
      return {
        metric: 'seasonality' as const,
        text: scope.sentence,
        subject: m[5]!,
        symbol: m[5]!,
        line: scope.line,
        span: { start: scope.offset + m.index, end: scope.offset + m.index + m[0].length },
        window: `${mmdd(m[1]!, m[2]!)}..${mmdd(m[3]!, m[4]!)}`,
        up: count(m[6]!),
        years: count(m[7]!),
        median: m[9]!.startsWith('small') ? size : -size,
        decimals: digits.includes('.') ? digits.split('.')[1]!.length : 0,
      };
    });
  },
  evaluate(c, { series: s, k }) {
    const w = windowSeasonality(
      s.dates.subarray(0, k + 1),
      s.close.subarray(0, k + 1),
      parseCalendarWindow(c.window),
      s.dates[k]!,
    );
    const up = w.years.filter((y) => y.change > 0).length;
    const median = w.median ?? Number.NaN;
    const ok =
      up === c.up &&
      w.years.length === c.years &&
      Math.abs(median * 100 - c.median * 100) <= 0.5 * 10 ** -c.decimals + 1e-9;
    return {
      ok,
      actual: `${up} of ${w.years.length}, median ${(median * 100).toFixed(2)} points`,
      fact: `${s.symbol} rose in ${up} of ${w.years.length} windows ${c.window}, median ${(median * 100).toFixed(2)} points`,
    };
  },
  claimed: (c) => `${c.up} of ${c.years}, median ${(c.median * 100).toFixed(2)} points`,
  claimedText: (c) => `${c.up} of ${c.years} years, median ${(c.median * 100).toFixed(c.decimals)} points`,
  period: (c) => c.window,
};
