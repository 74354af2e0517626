/**
 * The knobs of trendline search and the breakout state machine, with the defaults of issue 4.
 * Percentages are fractions (0.03 = 3%).
 */

export interface TrendOptions {
  /** The first anchor lies between minYears and maxYears before the as-of date. */
  readonly minYears: number;
  readonly maxYears: number;
  /** Weeks on each side that a swing pivot must dominate. */
  readonly pivotWindow: number;
  /** A pivot within this fraction of the line (on the near side) counts as a touch. */
  readonly touchPct: number;
  /** The two anchors are at least this many weeks apart. */
  readonly minAnchorGapWeeks: number;
  /**
   * A line may have been crossed only inside this many trailing weeks (ending at the as-of week);
   * a line broken earlier than that is history, not the current trend.
   */
  readonly breakWindowWeeks: number;
  /**
   * A line whose last touch is more than this many years before the as-of date is stale (the price
   * has left it), unless the as-of close is back within testingPct of it or beyond it.
   */
  readonly staleYears: number;
  /** Fit in log space (default) or in price space. */
  readonly logSpace: boolean;
  /** `testing`: within this fraction under the line. */
  readonly testingPct: number;
  /** `confirmed`: at least confirmWeeks consecutive weekly closes beyond the line and at least confirmPct beyond it. */
  readonly confirmWeeks: number;
  readonly confirmPct: number;
  /** `failed`: after a break, a weekly close more than failPct back on the trend side. */
  readonly failPct: number;
}

export const DEFAULT_TREND_OPTIONS: TrendOptions = {
  minYears: 2,
  maxYears: 7,
  pivotWindow: 4,
  touchPct: 0.015,
  minAnchorGapWeeks: 13,
  breakWindowWeeks: 26,
  staleYears: 2,
  logSpace: true,
  testingPct: 0.03,
  confirmWeeks: 3,
  confirmPct: 0.02,
  failPct: 0.03,
};

/** Defaults overridden by the given fields; throws RangeError on a nonsensical combination. */
export function trendOptions(overrides: Partial<TrendOptions> = {}): TrendOptions {
  const o = { ...DEFAULT_TREND_OPTIONS, ...overrides };
  if (!(o.minYears > 0 && o.maxYears >= o.minYears))
    throw new RangeError(`trend options: need 0 < minYears <= maxYears, got ${o.minYears} and ${o.maxYears}`);
  if (!(Number.isInteger(o.pivotWindow) && o.pivotWindow >= 1))
    throw new RangeError(`trend options: pivotWindow must be a positive integer, got ${o.pivotWindow}`);
  if (!(o.staleYears > 0)) throw new RangeError(`trend options: staleYears must be positive, got ${o.staleYears}`);
  for (const key of ['touchPct', 'testingPct', 'confirmPct', 'failPct'] as const) {
    if (!(o[key] >= 0 && o[key] < 1))
      throw new RangeError(`trend options: ${key} must be a fraction in [0, 1), got ${o[key]}`);
  }
  for (const key of ['minAnchorGapWeeks', 'breakWindowWeeks', 'confirmWeeks'] as const) {
    if (!(Number.isInteger(o[key]) && o[key] >= 1))
      throw new RangeError(`trend options: ${key} must be a positive integer, got ${o[key]}`);
  }
  return o;
}
