/** POST /api/check (and `marketdash check --format json`): each claim of a commentary and what the data says of it. */
import { z } from 'zod';
import { isoDate, isoDateInput } from './common-contract.js';
import { named } from './contract-registry.js';

export const checkBodySchema = z.union([
  z.strictObject({
    text: z.string().describe('the commentary'),
    asOf: isoDateInput.optional().describe("the day to check as of, over the note's own date"),
    undatedAsOf: isoDateInput
      .optional()
      .describe("the day to check a note that states no date as of (the note's own date wins; default the last close)"),
    tolerance: z
      .number()
      .min(0)
      .max(0.5)
      .optional()
      .describe('allowed difference for returns, as a fraction (default 0.0005)'),
  }),
  z.string().describe('the commentary as text/plain'),
]);
export type CheckBody = z.output<typeof checkBodySchema>;

export const claimVerdictSchema = named(
  'ClaimVerdict',
  z.object({
    text: z.string().describe('the sentence or table row the claim was read from'),
    symbol: z.string().nullable(),
    metric: z.string().describe('return, ath, since, streak, trend, level, spread ...'),
    period: z
      .string()
      .nullable()
      .describe('the return period (ytd, 1y, 21 sessions ...) or the reference of other metrics'),
    claimed: z
      .union([z.number(), z.string()])
      .nullable()
      .describe('what the text says: a fraction for returns, distances and spreads; a signed streak length'),
    actual: z.union([z.number(), z.string()]).nullable().describe('what the data says, in the same unit and sign'),
    verdict: z.enum(['supported', 'contradicted', 'unverifiable']),
    sentence: z.string().describe('the verdict in one plain sentence'),
    reason: z.string().describe('the details an editor checks the sentence with'),
    basis: z
      .enum(['price', 'total', 'same'])
      .nullable()
      .describe(
        'the close the verdict rests on: price, total (adjusted, with dividends), same (one close stored, what it measures unknown)',
      ),
    matchesCloseOf: isoDate
      .nullable()
      .describe('when contradicted: the nearest close within five sessions that matches'),
    asOf: isoDate.nullable().describe('the close the claim was held against'),
    span: z.object({ start: z.number().int(), end: z.number().int() }).describe('where the claim is in `text`'),
    line: z.number().int().describe('1-based line of the claim in `text`'),
  }),
  'One claim of the commentary and what the data says of it.',
);
export type ClaimVerdictJson = z.output<typeof claimVerdictSchema>;

export const checkResponseSchema = named(
  'CheckResponse',
  z.object({
    asOf: isoDate,
    asOfSource: z.object({
      date: isoDate,
      source: z.enum(['option', 'note', 'latest']),
      why: z.string(),
    }),
    claims: z.array(claimVerdictSchema),
    text: z.string().describe('the text the claims were read from (HTML is read as text first); spans refer to it'),
    warnings: z.array(z.string()).describe('for the reader: no date in the note, input trimmed ...'),
  }),
  '`marketdash check --format json` for one note.',
);
export type CheckResponse = z.output<typeof checkResponseSchema>;
