/**
 * The market events MarketDash finds in a series as of a day, as the JSON contract of
 * `marketdash events`: each event is `{type, symbol, date, ...the figures behind it}`. Dates are ISO
 * strings, closes plain numbers, changes and distances fractions (0.02 = 2%).
 */

export const EVENT_TYPES = [
  'new_ath',
  'near_ath',
  'new_52w_high',
  'new_52w_low',
  'highest_since',
  'lowest_since',
  'streak',
  'streak_end',
  'trend_state',
  'ma_cross',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export interface DatedClose {
  readonly close: number;
  readonly date: string;
}

interface EventBase {
  readonly symbol: string;
  /** The trading day the event happened (the as-of day used). */
  readonly date: string;
}

/** The as-of close is above every earlier close. */
export interface NewAthEvent extends EventBase {
  readonly type: 'new_ath';
  readonly close: number;
  /** The record it beat: the highest earlier close. */
  readonly previousHigh: DatedClose;
}

/** Within nearAthPct under the all-time closing high (and not a new one). */
export interface NearAthEvent extends EventBase {
  readonly type: 'near_ath';
  readonly close: number;
  readonly ath: DatedClose;
  /** close / ATH - 1 (negative). */
  readonly distance: number;
}

/** The as-of close is above (below) every other close of the 52-week window; not reported with new_ath. */
export interface New52wEvent extends EventBase {
  readonly type: 'new_52w_high' | 'new_52w_low';
  readonly close: number;
  /** The earlier extreme of the window it beat. */
  readonly previous: DatedClose;
}

/** The highest (lowest) close since `since`: the most recent earlier close above (below) it, at least sinceMinMonths back. */
export interface SinceEvent extends EventBase {
  readonly type: 'highest_since' | 'lowest_since';
  readonly close: number;
  readonly since: string;
  /** The close on `since` (the last one above, resp. below, the as-of close). */
  readonly sinceClose: number;
}

/** A run of at least minStreak consecutive up (down) closes ending at the as-of day. */
export interface StreakEvent extends EventBase {
  readonly type: 'streak';
  readonly direction: 'up' | 'down';
  readonly length: number;
  /** Change over the streak: close / close before the streak began - 1. */
  readonly change: number;
}

/** The day a streak of at least minStreak ends: the close moved the other way or did not move. */
export interface StreakEndEvent extends EventBase {
  readonly type: 'streak_end';
  /** The direction and length of the streak that ended (up 5 = five up days, ended today). */
  readonly direction: 'up' | 'down';
  readonly length: number;
  /** Change over the ended streak, and the as-of day's change that ended it. */
  readonly streakChange: number;
  readonly change: number;
}

/** The 50-day SMA crossed the 200-day SMA on the as-of day. */
export interface MaCrossEvent extends EventBase {
  readonly type: 'ma_cross';
  readonly cross: 'golden' | 'death';
  readonly fast: number;
  readonly slow: number;
  readonly fastPeriod: number;
  readonly slowPeriod: number;
}

/** A configured pair's trendline state (symbol is the pair, `A/B`); see trend-state-event.ts. */
export interface TrendStateEvent extends EventBase {
  readonly type: 'trend_state';
  readonly kind: 'downtrend' | 'uptrend';
  readonly state: string;
  /** The state before `since` (null when the line was first drawn in that state). */
  readonly previousState: string | null;
  readonly since: string;
  /** True when the state began on the as-of day. */
  readonly changed: boolean;
  readonly anchors: readonly { readonly date: string; readonly value: number }[];
  readonly levelAtAsOf: number;
  readonly distance: number;
}

export type MarketEvent =
  | NewAthEvent
  | NearAthEvent
  | New52wEvent
  | SinceEvent
  | StreakEvent
  | StreakEndEvent
  | MaCrossEvent
  | TrendStateEvent;

/** Event thresholds (config `events`), with the defaults. */
export interface EventParams {
  /** near_ath: within this fraction under the ATH (0.02). */
  readonly nearAthPct: number;
  /** streak / streak_end: at least this many sessions (4). */
  readonly minStreak: number;
  /** highest_since / lowest_since: the since date is at least this many months back (1). */
  readonly sinceMinMonths: number;
  /** ma_cross periods (50 / 200). */
  readonly fastPeriod: number;
  readonly slowPeriod: number;
}

export const DEFAULT_EVENT_PARAMS: EventParams = {
  nearAthPct: 0.02,
  minStreak: 4,
  sinceMinMonths: 1,
  fastPeriod: 50,
  slowPeriod: 200,
};
