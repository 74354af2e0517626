/**
 * GET /api/seasonality (and `marketdash seasonality --format json`): a calendar window in every
 * stored year of a symbol or ratio, and the monthly table. Rows pass through as the seasonality
 * service makes them (src/services/seasonality/seasonality-report.ts).
 */
import { z } from 'zod';
import { isoDate } from './common-contract.js';
import { named } from './contract-registry.js';

const windowYear = z.object({ year: z.number().int(), from: isoDate, to: isoDate, change: z.number() });

export const seasonalityResponseSchema = named(
  'SeasonalityReport',
  z.object({
    subject: z.string().describe('the symbol or ratio A/B'),
    asOf: isoDate,
    firstDate: isoDate,
    window: z.object({
      window: z.string().describe('MM-DD..MM-DD'),
      years: z.array(windowYear).describe('complete windows, oldest first'),
      median: z.number().nullable(),
      mean: z.number().nullable(),
      shareUp: z.number().nullable(),
      current: windowYear.nullable().describe('the window the as-of day is in, so far'),
    }),
    months: z.array(
      z.object({
        month: z.number().int(),
        years: z.number().int(),
        mean: z.number().nullable(),
        median: z.number().nullable(),
        shareUp: z.number().nullable(),
      }),
    ),
    demo: z.boolean(),
    warnings: z
      .array(z.string())
      .describe("one line each: the as-of day past the data (the figures are as of the data's last day)"),
  }),
  'Seasonality of a symbol or ratio.',
);
