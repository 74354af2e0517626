/**
 * GET /api/ratio (and `marketdash ratio --format json`): the ratio A/B on common dates, its period
 * returns, with trend=1 its multi-year trendline and breakout state, with series=1 the ratio itself.
 * `trend`/`breakout` are also the JSON of `marketdash trend`.
 */
import { z } from 'zod';
import { BREAKOUT_STATES } from '../analytics/trend/breakout-state.js';
import { isoDate, nullableColumn } from './common-contract.js';
import { named } from './contract-registry.js';
import { periodReturnsSchema } from './perf-contract.js';

export const trendSchema = named(
  'Trend',
  z.object({
    kind: z.enum(['downtrend', 'uptrend']),
    anchors: z
      .array(z.object({ date: isoDate, value: z.number() }))
      .describe('the two weekly closes the line runs through'),
    touches: z.number().int(),
    touchDates: z
      .array(isoDate)
      .describe('the weekly closes that touched the line (both anchors included), oldest first; as many as touches'),
    slopeLogPerYear: z.number().describe('slope of ln(line) per 365.25 days'),
    levelAtAsOf: z.number(),
    distance: z.number().describe('weekly close / line level - 1 at the as-of week'),
  }),
  'A multi-year trendline on weekly closes (log scale).',
);
export type TrendJson = z.output<typeof trendSchema>;

export const breakoutSchema = named(
  'Breakout',
  z.object({ state: z.enum(BREAKOUT_STATES), since: isoDate }),
  'Where the series stands against its line, and since when.',
);
export type BreakoutJson = z.output<typeof breakoutSchema>;

export const ratioJsonSchema = named(
  'RatioJson',
  z.object({
    numerator: z.string(),
    denominator: z.string(),
    asOf: isoDate,
    last: z.number(),
    returns: periodReturnsSchema,
    stale: z.boolean().describe('true when the requested day is past the common data (the figures are as of asOf)'),
    window: z
      .object({ from: isoDate, return: z.number() })
      .optional()
      .describe('with from: the base day used (last common date on or before it) and the return since'),
  }),
  '`marketdash ratio --format json`',
);
export type RatioJson = z.output<typeof ratioJsonSchema>;

export const ratioResponseSchema = named(
  'RatioResponse',
  ratioJsonSchema.extend({
    trend: trendSchema.nullable().optional(),
    breakout: breakoutSchema.nullable().optional(),
    series: z.object({ dates: z.array(isoDate), values: nullableColumn }).optional(),
    warnings: z
      .array(z.string())
      .optional()
      .describe('one line each, when the as-of day is past the data or the pair is stale (the figures say which day)'),
  }),
);
export type RatioResponse = z.output<typeof ratioResponseSchema>;
