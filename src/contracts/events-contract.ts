/**
 * GET /api/events (and `marketdash events --format json`): what happened as of a day. Every event has
 * a type, a symbol and a date; its figures depend on the type (close, previous record, streak length,
 * line state ...), so the contract names the common fields and lets each type carry its own.
 */
import { z } from 'zod';
import { EVENT_TYPES } from '../analytics/events/market-event.js';
import { isoDate } from './common-contract.js';
import { named } from './contract-registry.js';

const horizonStatsSchema = z.object({
  tradingDays: z.number().int(),
  n: z.number().int().describe('occurrences with a complete forward window'),
  median: z.number().nullable(),
  mean: z.number().nullable(),
  sharePositive: z.number().nullable(),
});

export const baseRateSchema = named(
  'BaseRate',
  z.object({
    count: z.number().int().describe('earlier occurrences of the same event in the series'),
    horizons: z.record(z.string(), horizonStatsSchema).describe('forward returns after them, by horizon (1m, 3m, 6m)'),
    stillAboveLine3m: z.object({ n: z.number().int(), share: z.number().nullable() }).optional(),
  }),
  'How the same event turned out before, in this series.',
);

export const marketEventSchema = named(
  'MarketEvent',
  z.looseObject({
    type: z.enum(EVENT_TYPES),
    symbol: z.string(),
    date: isoDate.describe('the trading day the event happened (the as-of day used)'),
    baseRate: baseRateSchema.optional(),
  }),
  'An event; the other fields are the figures of its type.',
);
export type MarketEventJson = z.output<typeof marketEventSchema>;
export const eventsResponseSchema = z.array(marketEventSchema);
