/**
 * The return periods, listed once. Everything that names a period (the analytics, the perf row and its
 * API schema, the CLI tables and CSV columns, the web client) reads this list, so a period added here
 * reaches every face; each `Record<PeriodKey, …>` then fails the type-check until it handles the new key.
 * How each period's base close is found is in `analytics/returns/period-returns.ts`.
 */

export const PERIOD_KEYS = ['1d', '5d', 'mtd', '1m', 'qtd', '3m', '6m', 'ytd', '1y', '3y', '5y', '10y', 'max'] as const;
export type PeriodKey = (typeof PERIOD_KEYS)[number];
/**
 * A return period the claim checker reads beyond the table's columns: `wtd`, the week to date (from the
 * last close of the previous calendar week; the same figure on a Friday is the whole week's move). Not a
 * column of the perf table, so not in PERIOD_KEYS.
 */
export type ReturnPeriod = PeriodKey | 'wtd';

/** A return per period as a fraction, null where the history is too short. */
export type PeriodReturns = Record<PeriodKey, number | null>;

/** True when `text` is one of the period keys (for parsing a query parameter or a CLI option). */
export function isPeriodKey(text: string): text is PeriodKey {
  return (PERIOD_KEYS as readonly string[]).includes(text);
}

/** The column header of a period in tables: "1D", "YTD", "5Y". */
export function periodHeader(period: PeriodKey): string {
  return period.toUpperCase();
}
