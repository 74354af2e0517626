/**
 * The request-parameter pieces shared by the routes: the zod schemas of a parameter (its pattern, in
 * src/contracts/common-contract.ts) check its form; these helpers turn a checked string into its value
 * and apply the checks a pattern cannot (a real calendar date, from <= to).
 */
import { UsageError } from '../domain/errors.js';
import { normaliseTicker } from '../domain/symbol-info.js';
import { type DayNumber, formatIsoDate, tryParseIsoDate } from '../domain/trading-date.js';

/** A date parameter that passed the pattern, checked as a real calendar date. */
export function dateParam(value: string | undefined, parameter: string): DayNumber | undefined {
  if (value === undefined) return undefined;
  const day = tryParseIsoDate(value);
  if (day === null)
    throw new UsageError(`${parameter}: '${value}' is not a valid date (expected YYYY-MM-DD)`, { parameter });
  return day;
}

/** The ISO form of a date parameter after the calendar check (`2025-02-30` is refused). */
export function isoDateParam(value: string | undefined, parameter: string): string | undefined {
  const day = dateParam(value, parameter);
  return day === undefined ? undefined : formatIsoDate(day);
}

export function flagParam(value: string | undefined): boolean {
  return value === '1' || value === 'true';
}

export function tickerListParam(value: string): string[] {
  return [...new Set(value.split(',').map(normaliseTicker))];
}

/** `from` must not come after `to`. */
export function checkRange(from: string | undefined, to: string | undefined, fromName = 'from'): void {
  if (from !== undefined && to !== undefined && from > to)
    throw new UsageError(`${fromName}: ${from} is after ${to}`, { parameter: fromName });
}
