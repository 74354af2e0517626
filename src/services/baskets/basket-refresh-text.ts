/**
 * What a basket refresh (refresh-baskets.ts) did, and its one-line description, kept apart from the
 * refresh itself: that brings the universe config and its schema (zod, some 0.08 s of start-up), which
 * `import` loads only once its write is under way.
 */
import { listOf } from '../../note/report/wording.js';

export interface BasketRefresh {
  readonly ticker: string;
  /** Bars written, or null when the basket was not computed. */
  readonly rows: number | null;
  /** The basket's last day after the refresh (the stored one when it was not computed), or null. */
  readonly lastDate: string | null;
  /** Why it was not computed, when rows is null. */
  readonly problem: string | null;
  /** Members without stored bars (a configured basket not built yet). */
  readonly missing: readonly string[];
  /** Members whose bars run past the basket's last day (it ends where the others end), with their last day. */
  readonly ahead: readonly { readonly symbol: string; readonly lastDate: string }[];
}

/**
 * One line for a refreshed basket, the same after import and update:
 * - `basket MAG7 recomputed: 3571 bars to 2026-08-03`, with why it ends there when some members run later
 *   (`; it ends there because the other members have no later bars (AAPL runs to 2026-08-04)`);
 * - `basket MAG7 not built yet: no bars stored for GOOGL and TSLA (it is built once all 7 members are stored)`;
 * - `basket MAG7 not recomputed, kept as it was (to 2026-08-03): no bars stored for TSLA`.
 */
export function describeBasketRefresh(b: BasketRefresh): string {
  if (b.rows !== null) {
    const head = `basket ${b.ticker} recomputed: ${b.rows} bars to ${b.lastDate ?? 'n/a'}`;
    if (b.ahead.length === 0) return head;
    return `${head}; it ends there because the other members have no later bars (${listOf(
      b.ahead.map((m) => `${m.symbol} runs to ${m.lastDate}`),
    )})`;
  }
  if (b.lastDate === null)
    return `basket ${b.ticker} not built yet: ${b.problem}${b.missing.length > 0 ? ' (it is built once all its members are stored)' : ''}`;
  return `basket ${b.ticker} not recomputed, kept as it was (to ${b.lastDate}): ${b.problem}`;
}
