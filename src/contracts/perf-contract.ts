/**
 * The perf row: one symbol's performance as `marketdash perf --format json` prints it and
 * GET /api/perf returns it (an array of rows). Returns are fractions (0.368 = +36.8%), dates
 * YYYY-MM-DD, null where the history is too short.
 */
import { z } from 'zod';
import { PERIOD_KEYS, type PeriodKey } from '../domain/period-keys.js';
import { isoDate } from './common-contract.js';
import { named } from './contract-registry.js';

/** One return per period of PERIOD_KEYS, as a fraction; null when the history does not reach the base. */
export const periodReturnsSchema = named(
  'PeriodReturns',
  z.object(
    Object.fromEntries(PERIOD_KEYS.map((k) => [k, z.number().nullable()])) as Record<
      PeriodKey,
      z.ZodNullable<z.ZodNumber>
    >,
  ),
  'Price (or with totalReturn, total) return per period, as a fraction.',
);

/** CAGR of the periods longer than a year (3y 5y 10y max), beside their totals (issue 15). */
export const periodCagrSchema = named(
  'PeriodCagr',
  z.object({
    '3y': z.number().nullable(),
    '5y': z.number().nullable(),
    '10y': z.number().nullable(),
    max: z.number().nullable(),
  }),
  'Annualised return (1 + total)^(365.25 / calendar days) - 1 of each period longer than a year; null where the total is.',
);

const datedCloseOrNull = z.object({ close: z.number().nullable(), date: isoDate.nullable() });

export const perfRowSchema = named(
  'PerfRow',
  z.object({
    symbol: z.string(),
    asOf: isoDate.describe('the bar the figures describe (the last on or before the requested day)'),
    close: z.number(),
    returns: periodReturnsSchema,
    cagr: periodCagrSchema,
    ath: z.object({
      close: z.number(),
      date: isoDate,
      distance: z.number().describe('close / all-time closing high - 1 (0 at a record, negative below)'),
    }),
    high52w: datedCloseOrNull,
    low52w: datedCloseOrNull,
    highestSince: isoDate.nullable().describe('the last earlier close above today, null for a record high'),
    lowestSince: isoDate.nullable().describe('the last earlier close below today, null for a record low'),
    streak: z.number().int().describe('consecutive up (+) or down (-) closes'),
    stale: z.boolean().describe("true when this symbol's last bar is before the day the rest of its table is as of"),
    window: z
      .object({
        from: isoDate
          .nullable()
          .describe('the base close used: the last on or before the window start; null when none'),
        to: isoDate.describe('the end close used (the row as-of day)'),
        return: z.number().nullable().describe('close(to) / close(from) - 1'),
        cagr: z
          .number()
          .nullable()
          .describe('(1 + return)^(365.25 / calendar days) - 1 when the window spans more than a year'),
      })
      .optional()
      .describe('only with from (and to): the return between two dates'),
  }),
  'One symbol of the performance table (`marketdash perf --format json`).',
);
export type PerfRow = z.output<typeof perfRowSchema>;

export const perfResponseSchema = z.array(perfRowSchema);
