/**
 * Every bar where an event fires, in one pass over a series: the historical counterpart of
 * detectSeriesEvents (events/series-events.ts), which it agrees with bar for bar (tested), but in
 * O(n) instead of O(n) per bar: a running maximum for ATHs, a monotonic deque for the 52-week window,
 * a monotonic stack for "highest/lowest since", a running count for streaks, one SMA pass for crosses.
 * Each bar's verdict reads only bars up to it (no look-ahead).
 */
import { sameDateMonthsEarlier, sameDateYearsEarlier } from '../../domain/trading-date.js';
import type { EventParams, EventType } from '../events/market-event.js';
import { maCross } from '../events/series-events.js';
import { sma } from '../indicators/sma.js';
import { fiftyTwoWeekStart } from '../returns/highs-lows.js';

/** An event type, with the direction that matters for its base rate (streaks, crosses). */
export interface EventKey {
  readonly type: Exclude<EventType, 'trend_state'>;
  /** streak / streak_end: 'up' | 'down'; ma_cross: 'golden' | 'death'; otherwise absent. */
  readonly variant?: 'up' | 'down' | 'golden' | 'death' | undefined;
}

export function eventKeyLabel(key: EventKey): string {
  return key.variant === undefined ? key.type : `${key.type}:${key.variant}`;
}

/**
 * 1 where the event fires at that bar, among bars [0, end).
 * @example eventFires(dates, closes, { type: 'new_ath' }, DEFAULT_EVENT_PARAMS)
 */
export function eventFires(
  dates: Int32Array,
  values: Float64Array,
  key: EventKey,
  params: EventParams,
  end: number = dates.length,
): Uint8Array {
  const n = Math.min(end, dates.length);
  const fires = new Uint8Array(n);
  switch (key.type) {
    case 'new_ath':
    case 'near_ath':
      athFires(dates, values, n, key.type, params, fires);
      break;
    case 'new_52w_high':
    case 'new_52w_low':
      fiftyTwoWeekFires(dates, values, n, key.type === 'new_52w_high', fires);
      break;
    case 'highest_since':
    case 'lowest_since':
      sinceFires(dates, values, n, key.type === 'highest_since', params, fires);
      break;
    case 'streak':
    case 'streak_end':
      streakFires(values, n, key.type, variantSign(key), params, fires);
      break;
    case 'ma_cross':
      crossFires(values, n, key.variant === 'death' ? 'death' : 'golden', params, fires);
      break;
  }
  return fires;
}

function variantSign(key: EventKey): number {
  if (key.variant === 'down') return -1;
  if (key.variant === undefined || key.variant === 'up') return 1;
  throw new RangeError(`${key.type}: variant must be up or down, got ${key.variant}`);
}

/** The first bar with a year of history behind it (fiftyTwoWeekStart >= 0, which is monotone in the bar), or n. */
function firstBarWithYear(dates: Int32Array, n: number): number {
  let lo = 1;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (fiftyTwoWeekStart(dates, mid) >= 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function athFires(
  dates: Int32Array,
  values: Float64Array,
  n: number,
  type: 'new_ath' | 'near_ath',
  params: EventParams,
  fires: Uint8Array,
): void {
  let max = Number.NEGATIVE_INFINITY;
  const from = firstBarWithYear(dates, n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (i >= from) {
      const isNew = v > max;
      if (type === 'new_ath') fires[i] = isNew ? 1 : 0;
      else fires[i] = !isNew && v / max - 1 >= -params.nearAthPct ? 1 : 0;
    }
    if (v > max) max = v;
  }
}

function fiftyTwoWeekFires(dates: Int32Array, values: Float64Array, n: number, high: boolean, fires: Uint8Array): void {
  const sign = high ? 1 : -1;
  // Deque of indices whose signed values strictly decrease: its head is the window's extreme.
  const deque = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let athMax = Number.NEGATIVE_INFINITY;
  // The window start only moves forward: the first bar after the same date a year back.
  let ptr = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const boundary = sameDateYearsEarlier(dates[i]!, 1);
    while (ptr < i && dates[ptr]! <= boundary) ptr++;
    const start = i >= 1 && ptr > 0 ? ptr : -1;
    const isNewAth = v > athMax;
    if (start >= 0 && start < i) {
      while (head < tail && deque[head]! < start) head++;
      const beats = head === tail || sign * v > sign * values[deque[head]!]!;
      fires[i] = beats && !(high && isNewAth) ? 1 : 0;
    }
    while (head < tail && sign * values[deque[tail - 1]!]! <= sign * v) tail--;
    deque[tail++] = i;
    if (v > athMax) athMax = v;
  }
}

function sinceFires(
  dates: Int32Array,
  values: Float64Array,
  n: number,
  highest: boolean,
  params: EventParams,
  fires: Uint8Array,
): void {
  const sign = highest ? 1 : -1;
  // Stack of indices whose signed values strictly decrease from bottom to top: after popping those
  // not strictly beyond v, the top is the most recent earlier bar strictly above (below) v.
  const stack = new Int32Array(n);
  let top = 0;
  for (let i = 0; i < n; i++) {
    const v = sign * values[i]!;
    while (top > 0 && sign * values[stack[top - 1]!]! <= v) top--;
    if (top > 0 && dates[stack[top - 1]!]! <= sameDateMonthsEarlier(dates[i]!, params.sinceMinMonths)) fires[i] = 1;
    stack[top++] = i;
  }
}

function streakFires(
  values: Float64Array,
  n: number,
  type: 'streak' | 'streak_end',
  sign: number,
  params: EventParams,
  fires: Uint8Array,
): void {
  let run = 0;
  for (let i = 1; i < n; i++) {
    const move = Math.sign(values[i]! - values[i - 1]!);
    const previous = run;
    if (move === 1 || move === -1) run = Math.sign(run) === move ? run + move : move;
    else run = 0;
    if (type === 'streak') fires[i] = sign * run >= params.minStreak ? 1 : 0;
    else fires[i] = sign * previous >= params.minStreak && move !== sign ? 1 : 0;
  }
}

function crossFires(
  values: Float64Array,
  n: number,
  cross: 'golden' | 'death',
  params: EventParams,
  fires: Uint8Array,
): void {
  const upto = values.subarray(0, n);
  const fast = sma(upto, params.fastPeriod);
  const slow = sma(upto, params.slowPeriod);
  for (let i = params.slowPeriod; i < n; i++)
    fires[i] = maCross(fast[i - 1]!, slow[i - 1]!, fast[i]!, slow[i]!) === cross ? 1 : 0;
}

/**
 * Occurrences from firing bars: a firing counts when it is at least `cooldown` bars after the last
 * counted one, so one long run (an ATH every few days for months) counts once a month, not daily,
 * and the one-month forward windows of occurrences do not overlap.
 */
export function episodes(fires: Uint8Array, cooldown: number): Int32Array {
  const out: number[] = [];
  let last = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < fires.length; i++) {
    if (fires[i] === 1 && i - last >= cooldown) {
      out.push(i);
      last = i;
    }
  }
  return Int32Array.from(out);
}
