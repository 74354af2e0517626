/**
 * GET /api/rates (and `marketdash rates --format json`): yields, the curve, the last FOMC decision and
 * rate sensitivities. The envelope is named here; the sections' inner rows are the rates service's
 * (src/services/rates/rates-report.ts) and pass through as they are.
 */
import { z } from 'zod';
import { isoDate } from './common-contract.js';
import { named } from './contract-registry.js';

export const ratesResponseSchema = named(
  'RatesReport',
  z.object({
    asOf: isoDate,
    levels: z.array(z.looseObject({})).describe('DGS2, DGS10, DFF: level and 1M/3M/YTD changes in bp'),
    curve: z.looseObject({ level: z.number() }).nullable().describe('DGS10 - DGS2 in percentage points'),
    lastDecision: z
      .looseObject({ date: isoDate, decisionBp: z.number() })
      .nullable()
      .describe('the last FOMC decision on or before the as-of day'),
    nextMeeting: z.looseObject({}).nullable(),
    sensitivityRate: z.string().describe('the yield the sensitivities are measured against'),
    sensitivity: z.array(z.looseObject({})).describe('most sensitive to falling rates first'),
    afterCuts: z.looseObject({ pair: z.string() }).nullable(),
    missing: z.array(z.string()),
    demo: z.boolean(),
  }),
  'Rates and the Fed, as of a day.',
);
