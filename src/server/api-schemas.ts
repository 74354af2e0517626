/**
 * JSON-schema pieces shared by the routes: Fastify validates every parameter with them (ajv, with
 * unknown parameters rejected rather than dropped) and @fastify/swagger publishes them as OpenAPI.
 */
import { UsageError } from '../domain/errors.js';
import { normaliseTicker } from '../domain/symbol-info.js';
import { type DayNumber, formatIsoDate, tryParseIsoDate } from '../domain/trading-date.js';

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';
const TICKER_PATTERN = '^[A-Za-z0-9^.=_-]{1,24}$';
const TICKER_LIST_PATTERN = '^[A-Za-z0-9^.=_-]{1,24}(,[A-Za-z0-9^.=_-]{1,24}){0,199}$';

/** What a failed `pattern` means, in words, for the 400 message. */
export const PATTERN_WORDS: Readonly<Record<string, string>> = {
  [DATE_PATTERN]: 'must be a date YYYY-MM-DD',
  [TICKER_PATTERN]: 'must be a ticker (letters, digits, ^ . = _ -)',
  [TICKER_LIST_PATTERN]: 'must be a comma-separated list of up to 200 tickers',
};

export const isoDate = { type: 'string', pattern: DATE_PATTERN, description: 'ISO date YYYY-MM-DD' } as const;
export const ticker = { type: 'string', pattern: TICKER_PATTERN, description: 'a ticker: NVDA, ^VIX, MAG7' } as const;
export const tickerList = {
  type: 'string',
  pattern: TICKER_LIST_PATTERN,
  description: 'comma-separated tickers',
} as const;
export const flag = { type: 'string', enum: ['0', '1', 'true', 'false'], description: '1/true or 0/false' } as const;
export const groupName = {
  type: 'string',
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9_-]+$',
  description: 'a group of the universe config',
} as const;

export const errorSchema = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: {
        status: { type: 'integer' },
        kind: { type: 'string' },
        message: { type: 'string' },
        parameter: { type: 'string' },
      },
      required: ['status', 'kind', 'message'],
    },
  },
  required: ['error'],
} as const;

/** Responses every documented route may give besides its success. */
export const errorResponses = {
  400: { description: 'a bad parameter (the body names it)', ...errorSchema },
  404: { description: 'an unknown symbol, group or basket', ...errorSchema },
  422: { description: 'the stored data cannot answer (too little history)', ...errorSchema },
} as const;

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
