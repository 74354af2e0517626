/** GET /api/report?format=json (and `marketdash report --format json`): the market note with every figure's provenance. */
import { z } from 'zod';
import { isoDate } from './common-contract.js';
import { named } from './contract-registry.js';

export const figureSchema = named(
  'Figure',
  z.object({
    id: z.string().describe('stable and readable: return-ytd-NVDA, ath-IWM'),
    metric: z.string().describe('return.ytd, ath.distance, close, since.lowest, streak, trend.distance ...'),
    symbols: z.array(z.string()),
    dates: z.array(isoDate).describe('the dates read (base and as-of close, record date ...)'),
    value: z.union([z.number(), z.string()]),
    formula: z.string().describe('how it is computed, dates filled in: close(2025-12-11) / close(2024-12-31) - 1'),
    display: z.string().describe('the text shown in the note'),
  }),
  'A number of the note and where it comes from.',
);

const paragraphSchema = z.object({ text: z.string(), figures: z.array(z.string()).describe('figure ids, in order') });

const chartSchema = z.discriminatedUnion('kind', [
  z.object({
    id: z.string(),
    kind: z.literal('ratio'),
    title: z.string(),
    dates: z.array(isoDate),
    values: z.array(z.number()),
    line: z.object({ from: isoDate, to: isoDate, fromValue: z.number(), toValue: z.number() }).nullable(),
  }),
  z.object({
    id: z.string(),
    kind: z.literal('bars'),
    title: z.string(),
    bars: z.array(z.object({ label: z.string(), value: z.number() })),
  }),
]);

/**
 * The note as src/note renders it (noteJson). The CLI and the API give it in the JSON envelope of every result:
 * noteResultSchema.
 */
export const noteJsonSchema = z.object({
  asOf: isoDate,
  demo: z.boolean(),
  fingerprint: z.string().describe('sha256 of the rows the note was made from'),
  rows: z.number().int(),
  story: z.enum(['into_small_caps', 'into_mega_caps', 'no_clear_rotation']),
  headline: z.string(),
  lede: paragraphSchema,
  sections: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      paragraphs: z.array(paragraphSchema),
      table: z
        .array(
          z.object({
            symbol: z.string(),
            label: z.string(),
            group: z.string(),
            oneMonth: z.string().nullable().describe('figure id (1m)'),
            threeMonths: z.string().nullable().describe('figure id (3m)'),
            sixMonths: z.string().nullable().describe('figure id (6m)'),
            ytd: z.string().nullable().describe('figure id'),
            oneYear: z.string().nullable().describe('figure id'),
          }),
        )
        .optional(),
      charts: z.array(z.string()).optional().describe('chart ids'),
    }),
  ),
  charts: z.array(chartSchema),
  figures: z.array(figureSchema),
});

/**
 * `report --format json` and GET /api/report?format=json: the note in the envelope of every JSON result (an object
 * ending with `demo` and `warnings`; a top-level `rows` is always a list, so the note's row count is `rowsUsed`).
 */
export const noteResultSchema = named(
  'MarketNote',
  noteJsonSchema.omit({ rows: true, demo: true }).extend({
    rowsUsed: z.number().int().describe('the stored rows the note was made from (the fingerprint covers them)'),
    demo: z.boolean().describe('the store holds synthetic demo bars'),
    warnings: z
      .array(
        z.object({
          code: z.string().describe('as-of-after-data ... (src/services/data-warnings.ts)'),
          message: z.string(),
          symbols: z.array(z.string()).optional(),
        }),
      )
      .describe("one each: the as-of day past the data (the note is as of the data's last day)"),
  }),
  'The market note as data: text with figure ids, and every figure with its provenance.',
);
export type NoteJson = z.output<typeof noteResultSchema>;
