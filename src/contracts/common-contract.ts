/**
 * The small shapes every API contract is built from: ISO dates, tickers, flags, nullable number
 * columns, and the error body. Request parameters are strings on the wire; these schemas are both
 * the runtime check (Fastify validates with them) and the OpenAPI description of each parameter.
 */
import { z } from 'zod';
import { named } from './contract-registry.js';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const TICKER = '[A-Za-z0-9^.=_-]{1,24}';
const TICKER_RE = new RegExp(`^${TICKER}$`);
const TICKER_LIST_RE = new RegExp(`^${TICKER}(,${TICKER}){0,199}$`);

/** A date YYYY-MM-DD in a request (the route still checks it is a real calendar date and says so). */
export const isoDateInput = z
  .string()
  .regex(DATE_RE, { error: 'must be a date YYYY-MM-DD' })
  .describe('ISO date YYYY-MM-DD');
export const tickerInput = z
  .string()
  .regex(TICKER_RE, { error: 'must be a ticker (letters, digits, ^ . = _ -)' })
  .describe('a ticker: NVDA, ^VIX, MAG7');
export const tickerListInput = z
  .string()
  .regex(TICKER_LIST_RE, { error: 'must be a comma-separated list of up to 200 tickers' })
  .describe('comma-separated tickers');
export const flagInput = z.enum(['0', '1', 'true', 'false']).describe('1/true or 0/false');
export const groupNameInput = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'must be a group name (letters, digits, _ -)' })
  .describe('a group: imported into the store (marketdash group import) or of the universe config');

/** A date YYYY-MM-DD in a response. */
export const isoDate = z.string().regex(DATE_RE).describe('ISO date YYYY-MM-DD');
/** A number column: one value per date, null where unknown (JSON has no NaN). */
export const nullableColumn = named('NullableColumn', z.array(z.number().nullable()));

export const errorBodySchema = named(
  'ErrorBody',
  z.object({
    error: z.object({
      status: z.number().int(),
      kind: z
        .string()
        .describe('usage, data, not_found, provider, internal, unauthorized, rate_limited, too_large, unavailable'),
      message: z.string().describe('one line naming the parameter, symbol or file at fault'),
      parameter: z.string().optional().describe('the request parameter at fault, when there is one'),
    }),
  }),
  'Every error response: the status again, a kind and a one-line message.',
);
export type ErrorBody = z.output<typeof errorBodySchema>;

/** Responses every documented read route may give besides its success. */
export const errorResponses = {
  400: errorBodySchema.describe('a bad parameter (the body names it)'),
  404: errorBodySchema.describe('an unknown symbol, group or basket'),
  422: errorBodySchema.describe('the stored data cannot answer (too little history)'),
} as const;
