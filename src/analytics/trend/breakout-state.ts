/**
 * The breakout state machine, read week by week along a trendline. Its input is each weekly close's
 * distance beyond the line in the direction of a break: close/line - 1 for a downtrend's resistance,
 * 1 - close/line for an uptrend's support (so for both, > 0 means "through the line").
 *
 * States (thresholds from TrendOptions; defaults 3% / 3 weeks and 2% / 3%):
 * - below:     never broken, more than testingPct short of the line;
 * - testing:   never broken, within testingPct short of the line or on it ("attempting to break");
 * - breaking:  closed beyond the line, not yet confirmed; stays breaking through pullbacks that keep
 *              within failPct of the line (a pullback resets the count of consecutive closes beyond);
 * - confirmed: at least confirmWeeks consecutive weekly closes beyond the line, the latest at least
 *              confirmPct beyond; stays confirmed until a failure;
 * - failed:    after a break (breaking or confirmed), a weekly close more than failPct back on the trend
 *              side; stays failed until the next close beyond the line, which starts a new `breaking`.
 * For a support line the names keep their meaning relative to the break: `below` reads "well above
 * support", `breaking` "closed under support".
 */
import type { TrendOptions } from './trend-options.js';

export const BREAKOUT_STATES = ['below', 'testing', 'breaking', 'confirmed', 'failed'] as const;
export type BreakoutState = (typeof BREAKOUT_STATES)[number];

/** A close within this relative distance of the line is on it (rounding between log and price space). */
const ON_LINE = 1e-9;

const BELOW = 0;
const TESTING = 1;
const BREAKING = 2;
const CONFIRMED = 3;
const FAILED = 4;

export interface BreakoutPath {
  /** State code per week: index into BREAKOUT_STATES. */
  readonly states: Uint8Array;
  /** Per week, the index of the week the current state began. */
  readonly since: Int32Array;
}

/**
 * Runs the machine over `beyond` (distance beyond the line per week, break direction positive).
 * @example breakoutPath(Float64Array.of(-0.1, -0.02, 0.01), opts).states // [below, testing, breaking]
 */
export function breakoutPath(
  beyond: Float64Array,
  options: Pick<TrendOptions, 'testingPct' | 'confirmWeeks' | 'confirmPct' | 'failPct'>,
): BreakoutPath {
  const n = beyond.length;
  const states = new Uint8Array(n);
  const since = new Int32Array(n);
  let state = -1;
  let began = 0;
  let run = 0;
  for (let k = 0; k < n; k++) {
    const raw = beyond[k]!;
    const d = Math.abs(raw) <= ON_LINE ? 0 : raw;
    let next: number;
    if (d > 0) run++;
    else run = 0;
    if (state === BREAKING || state === CONFIRMED) {
      if (d < -options.failPct) next = FAILED;
      else if (state === BREAKING && run >= options.confirmWeeks && d >= options.confirmPct) next = CONFIRMED;
      else next = state;
    } else if (d > 0) {
      next = run >= options.confirmWeeks && d >= options.confirmPct ? CONFIRMED : BREAKING;
    } else if (state === FAILED) {
      next = FAILED;
    } else {
      next = d >= -options.testingPct ? TESTING : BELOW;
    }
    if (next !== state) {
      state = next;
      began = k;
    }
    states[k] = state;
    since[k] = began;
  }
  return { states, since };
}

export function breakoutStateName(code: number): BreakoutState {
  const name = BREAKOUT_STATES[code];
  if (name === undefined)
    throw new RangeError(`breakout state code ${code} is not one of 0..${BREAKOUT_STATES.length - 1}`);
  return name;
}
