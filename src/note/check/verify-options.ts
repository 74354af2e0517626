/**
 * What the claim checker allows when a note states a figure, as `marketdash check` uses it by default:
 * a return within 0.05 percentage points, "near its record" within 2% below it, "approaching" within
 * 5% of the mark, the default trendline options, up to 5 sessions either side of the as-of close tried
 * when it contradicts a claim, and a series stale after 7 days without a bar.
 */
import { DEFAULT_TREND_OPTIONS } from '../../analytics/trend/trend-options.js';
import type { DayNumber } from '../../domain/trading-date.js';
import type { VerifyOptions } from '../claim-types/claim-type.js';

/** Allowed difference for a return or distance, as a fraction (0.0005 = 0.05 percentage points). */
export const DEFAULT_TOLERANCE = 0.0005;
/** "approaching its lowest close since": within 5% of the mark. */
export const APPROACH_PCT = 0.05;

/**
 * The checker's options as of a day: the defaults above, with any of them replaced.
 * @example verifyOptions(parseIsoDate('2025-12-11'), { tolerance: 0.001 })
 */
export function verifyOptions(asOf: DayNumber, given: Partial<Omit<VerifyOptions, 'asOf'>> = {}): VerifyOptions {
  return {
    asOf,
    tolerance: DEFAULT_TOLERANCE,
    nearAthPct: 0.02,
    approachPct: APPROACH_PCT,
    trend: DEFAULT_TREND_OPTIONS,
    sessionsAround: 5,
    staleDays: 7,
    ...given,
  };
}
