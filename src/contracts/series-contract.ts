/** GET /api/series/:symbol (bars and indicators as columns) and GET /api/sparklines (the last N closes). */
import { z } from 'zod';
import { isoDate, nullableColumn } from './common-contract.js';
import { named } from './contract-registry.js';

export const seriesResponseSchema = named(
  'SeriesResponse',
  z.object({
    symbol: z.string(),
    name: z.string().nullable(),
    dates: z.array(isoDate),
    open: nullableColumn,
    high: nullableColumn,
    low: nullableColumn,
    close: nullableColumn,
    adjClose: nullableColumn,
    volume: nullableColumn,
    indicatorSpecs: z
      .array(z.object({ spec: z.string(), kind: z.string(), columns: z.array(z.string()) }))
      .describe('each requested indicator written out in full, its kind and the columns it fills'),
    indicators: z
      .record(z.string(), nullableColumn)
      .describe('one column per indicator output (sma_50, macd_signal ...)'),
    warnings: z
      .array(z.string())
      .optional()
      .describe(
        'one line each: `asOf` is past the last stored bar, so the columns end on that bar; or why the columns are empty (no bars stored, or none in the range)',
      ),
  }),
);
export type SeriesResponse = z.output<typeof seriesResponseSchema>;

export const sparklineSchema = named(
  'Sparkline',
  z.object({ symbol: z.string(), dates: z.array(isoDate), close: nullableColumn }),
);
export type Sparkline = z.output<typeof sparklineSchema>;
export const sparklinesResponseSchema = z.array(sparklineSchema);
