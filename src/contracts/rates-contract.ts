/**
 * GET /api/rates (and `marketdash rates --format json`): yields, the curve, the last FOMC decision and
 * rate sensitivities. Every section is described to the field; the rates service
 * (src/services/rates/rates-report.ts) builds exactly this.
 */
import { z } from 'zod';
import { isoDate } from './common-contract.js';
import { named } from './contract-registry.js';

const changeWindows = <S extends z.ZodType>(value: S) => z.object({ '1m': value, '3m': value, ytd: value });

const changesBp = changeWindows(z.number().nullable()).describe(
  'change to the level since the last value on or before each base date, whole basis points',
);

export const rateLevelSchema = named(
  'RateLevel',
  z.object({
    symbol: z.string().describe('DGS2, DGS10 or DFF'),
    name: z.string(),
    date: isoDate.describe('the date of the value (the last on or before the as-of day)'),
    level: z.number().describe('percent as published'),
    changesBp,
    baseDates: changeWindows(isoDate.nullable()).describe('the base date of each change, null without history'),
  }),
  'A yield or the fed funds rate, with its changes in basis points.',
);

export const sensitivityWindowSchema = named(
  'SensitivityWindow',
  z.object({
    frequency: z.enum(['daily', 'weekly']),
    window: z.number().int().describe('observations asked for: 63 or 252 days, 13 or 52 weeks'),
    n: z.number().int().describe('observations used (fewer when the history is short); at least 10 for a value'),
    beta: z.number().nullable().describe('return per basis point of yield change'),
    betaPer10bp: z.number().nullable().describe('the beta times 10: return per +10 bp'),
    correlation: z.number().nullable(),
  }),
  'Beta and correlation of returns to yield changes over one window.',
);

export const sensitivityRowSchema = named(
  'SensitivityRow',
  z.object({
    symbol: z.string(),
    name: z.string(),
    group: z.enum(['sector', 'small caps', 'large caps']),
    windows: z.array(sensitivityWindowSchema),
    betaPer10bp: z.number().nullable().describe('the 252-day daily beta per +10 bp (the ranking key)'),
  }),
  'How one sector, small-cap or large-cap fund moves with the yield.',
);

const afterCutBaseRate = z.object({
  sessions: z.number().int().describe('trading sessions after the decision: 5, 21 or 63'),
  outcomes: z.array(
    z.object({
      date: isoDate.describe('the FOMC cut'),
      base: isoDate.describe(
        'the close measured from: the decision day, or the last session before a weekend decision',
      ),
      change: z.number().describe('ratio change, a fraction'),
    }),
  ),
  median: z.number().nullable(),
  shareUp: z.number().nullable().describe('share of outcomes above 0'),
});

export const ratesResponseSchema = named(
  'RatesReport',
  z.object({
    asOf: isoDate,
    levels: z.array(rateLevelSchema).describe('DGS2, DGS10, DFF: level and 1M/3M/YTD changes in bp'),
    curve: z
      .object({ level: z.number().describe('DGS10 - DGS2, percentage points'), changesBp })
      .nullable()
      .describe('the 10y - 2y curve, when both yields are stored'),
    lastDecision: z
      .object({
        date: isoDate,
        decisionBp: z.number().describe('the change of the target range, bp (0 a hold)'),
        dffBefore: z.number().nullable().describe('DFF on the day before the decision, percent'),
        dffNow: z.number().nullable().describe('DFF on the as-of day, percent'),
        dffChangeBp: z.number().nullable().describe('DFF now minus before, bp'),
      })
      .nullable()
      .describe('the last FOMC decision on or before the as-of day'),
    nextMeeting: z
      .object({
        date: isoDate,
        decisionBp: z.number().nullable().describe('null: not yet decided'),
        unscheduled: z.boolean().optional(),
      })
      .nullable()
      .describe('the next scheduled FOMC meeting after the as-of day'),
    sensitivityRate: z.string().describe('the yield the sensitivities are measured against'),
    sensitivity: z.array(sensitivityRowSchema).describe('most sensitive to falling rates first (nulls last)'),
    afterCuts: z
      .object({
        pair: z.string().describe('the ratio, small caps over the Mag 7'),
        horizons: z.array(afterCutBaseRate),
      })
      .nullable()
      .describe('the ratio after each FOMC cut, as base rates'),
    missing: z.array(z.string()).describe('symbols the report needs that are not stored'),
    demo: z.boolean(),
    warnings: z
      .array(z.string())
      .describe("one line each: the as-of day past the data (the figures are as of the data's last day)"),
  }),
  'Rates and the Fed, as of a day.',
);
