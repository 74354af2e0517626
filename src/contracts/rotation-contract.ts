/** GET /api/rotation (and `marketdash rotation --format json`): each member's relative rotation against the benchmark. */
import { z } from 'zod';
import { isoDate } from './common-contract.js';
import { named } from './contract-registry.js';

export const rotationPointSchema = named(
  'RotationPoint',
  z.object({
    symbol: z.string(),
    rsRatio: z
      .number()
      .nullable()
      .describe('JdK RS-Ratio (100 = in line with the benchmark); null with too little history'),
    rsMomentum: z.number().nullable(),
    quadrant: z.enum(['leading', 'weakening', 'lagging', 'improving']).nullable(),
    heading: z.number().nullable().describe('degrees, 0 = east, counter-clockwise; null without two tail points'),
    tail: z.array(z.object({ date: isoDate, rsRatio: z.number(), rsMomentum: z.number() })),
    asOf: z.string().describe("the member's own last bar used (empty when it has none)"),
    stale: z.boolean().describe("true when the member's last bar is before the benchmark's"),
  }),
  'A member of the rotation graph: where it stands and its recent path.',
);
export type RotationPoint = z.output<typeof rotationPointSchema>;
export const rotationResponseSchema = z.array(rotationPointSchema);
