/** GET /api/health (is the store reachable, what it holds) and GET /api/symbols (what is stored, and the config's groups). */
import { z } from 'zod';
import { SYMBOL_KINDS } from '../domain/symbol-info.js';
import { isoDate } from './common-contract.js';
import { named } from './contract-registry.js';

export const healthSchema = named(
  'Health',
  z.object({
    status: z.literal('ok'),
    backend: z.string().describe('duckdb or postgres'),
    location: z
      .string()
      .optional()
      .describe('the database file or the connection target: only for a request carrying the server token'),
    dataVersion: z.string().describe('changes whenever the stored data changes (the cache key)'),
    demo: z
      .boolean()
      .describe('true when the store holds synthetic demo bars (the demo market, alone or beside imported data)'),
    symbols: z.number().int(),
    lastDate: isoDate.nullable(),
  }),
);
export type Health = z.output<typeof healthSchema>;

export const symbolSummarySchema = named(
  'SymbolSummary',
  z.object({
    ticker: z.string(),
    name: z.string().nullable(),
    kind: z.enum(SYMBOL_KINDS),
    currency: z.string(),
    firstDate: isoDate.nullable(),
    lastDate: isoDate.nullable(),
    rows: z.number().int(),
    sources: z.array(z.string()).describe('where the bars came from: csv, yahoo, stooq, fred, demo, basket'),
  }),
);
export type SymbolSummary = z.output<typeof symbolSummarySchema>;

export const symbolsResponseSchema = named(
  'SymbolsResponse',
  z.object({
    demo: z.boolean(),
    symbols: z.array(symbolSummarySchema),
    groups: z.record(z.string(), z.array(z.string())),
    baskets: z.array(z.string()),
    pairs: z.array(z.string()),
  }),
);
export type SymbolsResponse = z.output<typeof symbolsResponseSchema>;
