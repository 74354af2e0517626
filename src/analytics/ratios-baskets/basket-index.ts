/**
 * A basket's index levels from its members' closes, computed like an index provider does:
 * - it starts on the first date on which every member has data (the latest first bar) at `baseValue`,
 *   and ends on the last date on which every member has data (the earliest last bar);
 * - its dates are every member date in between; a member without a bar that day counts at its last
 *   close (carried forward, so it contributes no return that day);
 * - holdings are set to the target weights (equal, or the fixed `weights`) at the start; with `monthly`
 *   or `quarterly` rebalancing they are reset to target at the close of the last basket date of each
 *   month or quarter; with `none` they drift (buy and hold).
 * close is the price index (from the members' closes), adjClose the total-return index (from their
 * adjusted closes); each is computed on its own with the same rules. Open/high/low/volume are NaN.
 */

import type { BasketDefinition } from '../../domain/basket.js';
import { ensureDefined } from '../../domain/ensure.js';
import { type CloseField, type PriceSeries, seriesOfLength } from '../../domain/price-series.js';
import { civilFromDays, type DayNumber } from '../../domain/trading-date.js';

/** The target weight of each member: the fixed weights, or 1/n each. */
export function basketWeights(def: BasketDefinition): Float64Array {
  const n = def.members.length;
  const w = new Float64Array(n);
  for (let i = 0; i < n; i++) w[i] = def.weights ? def.weights[i]! : 1 / n;
  return w;
}

/** The basket dates: every member date within [latest first bar, earliest last bar]; empty when they do not overlap. */
export function basketDates(members: readonly PriceSeries[]): Int32Array {
  if (members.length === 0) return new Int32Array(0);
  let start = Number.NEGATIVE_INFINITY;
  let end = Number.POSITIVE_INFINITY;
  for (const m of members) {
    if (m.dates.length === 0) return new Int32Array(0);
    start = Math.max(start, ensureDefined(m.dates[0], `first day of basket member ${m.symbol}`));
    end = Math.min(end, m.dates[m.dates.length - 1]!);
  }
  if (start > end) return new Int32Array(0);
  const seen = new Uint8Array(end - start + 1);
  for (const m of members) {
    for (let i = 0; i < m.dates.length; i++) {
      const d = m.dates[i]!;
      if (d >= start && d <= end) seen[d - start] = 1;
    }
  }
  let count = 0;
  for (let k = 0; k < seen.length; k++) count += seen[k]!;
  const dates = new Int32Array(count);
  let n = 0;
  for (let k = 0; k < seen.length; k++) if (seen[k]) dates[n++] = start + k;
  return dates;
}

/** A number that changes when the calendar month (or quarter) changes, per date. */
function periodIds(dates: Int32Array, schedule: 'monthly' | 'quarterly'): Int32Array {
  const ids = new Int32Array(dates.length);
  for (let i = 0; i < dates.length; i++) {
    const [y, m] = civilFromDays(dates[i]! as DayNumber);
    ids[i] = schedule === 'monthly' ? y * 12 + (m - 1) : y * 4 + Math.floor((m - 1) / 3);
  }
  return ids;
}

/** Each member's value on each basket date, carried forward from its last bar on or before it. */
function alignedValues(dates: Int32Array, member: PriceSeries, field: CloseField): Float64Array {
  const out = new Float64Array(dates.length);
  const md = member.dates;
  const mv = member[field];
  let j = 0;
  for (let i = 0; i < dates.length; i++) {
    const d = dates[i]!;
    while (j + 1 < md.length && md[j + 1]! <= d) j++;
    out[i] = mv[j]!;
  }
  return out;
}

function indexLevels(
  def: BasketDefinition,
  dates: Int32Array,
  members: readonly PriceSeries[],
  field: CloseField,
  ids: Int32Array | null,
): Float64Array {
  const n = dates.length;
  const m = members.length;
  const weights = basketWeights(def);
  const prices = members.map((s) => alignedValues(dates, s, field));
  const units = new Float64Array(m);
  const levels = new Float64Array(n);
  if (n === 0) return levels;
  for (let k = 0; k < m; k++) units[k] = (weights[k]! * def.baseValue) / prices[k]![0]!;
  for (let i = 0; i < n; i++) {
    let level = 0;
    for (let k = 0; k < m; k++) level += units[k]! * prices[k]![i]!;
    levels[i] = level;
    // Rebalance at the close of the last basket date of a month/quarter.
    if (ids !== null && i + 1 < n && ids[i + 1] !== ids[i]) {
      for (let k = 0; k < m; k++) units[k] = (weights[k]! * level) / prices[k]![i]!;
    }
  }
  return levels;
}

/**
 * The basket as a series named `def.ticker`; `members` in the order of `def.members`.
 * Empty (no bars) when the members' histories do not overlap.
 */
export function basketIndex(def: BasketDefinition, members: readonly PriceSeries[]): PriceSeries {
  if (members.length !== def.members.length) {
    throw new RangeError(
      `basketIndex(${def.ticker}): ${def.members.length} members defined but ${members.length} series given`,
    );
  }
  const dates = basketDates(members);
  const ids = def.rebalance === 'none' ? null : periodIds(dates, def.rebalance);
  const out = seriesOfLength(def.ticker, dates.length);
  out.dates.set(dates);
  out.close.set(indexLevels(def, dates, members, 'close', ids));
  out.adjClose.set(indexLevels(def, dates, members, 'adjClose', ids));
  out.open.fill(Number.NaN);
  out.high.fill(Number.NaN);
  out.low.fill(Number.NaN);
  out.volume.fill(Number.NaN);
  return out;
}
