/**
 * GET /api/perf?symbols=A,B | group=NAME [&asOf=YYYY-MM-DD] [&from=YYYY-MM-DD[&to=YYYY-MM-DD]] [&totalReturn=1]:
 * the performance table (with `from`, each row's `window` return between the two dates),
 * one object per symbol exactly as `marketdash perf --format json` prints it (the perf-table service
 * computes it; this route only validates, resolves the group and caches). The row's shape:
 * src/contracts/perf-contract.ts.
 */

import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  errorResponses,
  flagInput,
  groupNameInput,
  isoDateInput,
  tickerListInput,
} from '../../contracts/common-contract.js';
import { perfResponseSchema } from '../../contracts/perf-contract.js';
import { ensureDefined } from '../../domain/ensure.js';
import { UsageError } from '../../domain/errors.js';
import { PERIOD_KEYS } from '../../domain/period-keys.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { withMarketEnd } from '../../services/data-warnings.js';
import { perfTable } from '../../services/perf/perf-table.js';
import { flagParam, isoDateParam, tickerListParam } from '../api-schemas.js';
import { checkedJson, JSON_TYPE, type ServerContext, sendCached, warningHeaders } from '../server-context.js';

const API_NAMES = { from: 'from', to: 'to', asOf: 'asOf' } as const;

/**
 * Tables of this many symbols or more are computed on the worker thread (perf-offload.ts); smaller ones
 * take a few milliseconds in process, less than handing them over.
 */
const OFFLOAD_MIN_SYMBOLS = 200;

const perfQuery = z.strictObject({
  symbols: tickerListInput.optional(),
  group: groupNameInput.optional(),
  asOf: isoDateInput.optional(),
  from: isoDateInput.optional(),
  to: isoDateInput.optional(),
  totalReturn: flagInput.optional(),
});

export function registerPerfRoute(app: FastifyInstance, ctx: ServerContext): void {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/perf',
    {
      schema: {
        summary: `Performance table: returns (${PERIOD_KEYS.join(' ')}), ATH, 52-week range, since-dates, streak`,
        querystring: perfQuery,
        response: { 200: perfResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      if ((q.symbols === undefined) === (q.group === undefined)) {
        // the message starts with the parameter it names, as every 400 does
        const parameter = q.symbols === undefined ? 'symbols' : 'group';
        throw new UsageError(`${parameter}: give either symbols=A,B or group=NAME (exactly one)`, { parameter });
      }
      const asOf = isoDateParam(q.asOf, 'asOf');
      const explicit = q.symbols === undefined ? null : tickerListParam(q.symbols);
      const group = q.group === undefined ? null : q.group.toLowerCase();
      const totalReturn = flagParam(q.totalReturn);
      const from = isoDateParam(q.from, 'from');
      const to = isoDateParam(q.to, 'to');
      // A group is keyed by its name, not its members: a 3,000-symbol group's key would otherwise be a
      // 24 kB string built and hashed on every request (some 0.1 ms of a cached answer's 0.3 ms). A
      // group's members change only with the data version (imported groups live in the store), which
      // is part of every key; the members are resolved inside the computation, at that version.
      const key =
        explicit !== null ? { symbols: explicit, asOf, totalReturn, from, to } : { group, asOf, totalReturn, from, to };
      const cached = await ctx.cache.getOrCompute('perf', key, async () => {
        // imported groups live in the store (marketdash group import), the config's are the defaults
        const symbols = explicit ?? [...(await ctx.groupMembers(ensureDefined(q.group, 'group parameter')))];
        const request = { symbols, asOf, totalReturn, from, to, group: group ?? undefined, parameterNames: API_NAMES };
        // a large table is made on the worker thread, so small requests keep being answered meanwhile
        const offloaded =
          ctx.perfOffload !== undefined && symbols.length >= OFFLOAD_MIN_SYMBOLS
            ? await ctx.perfOffload.perfJson(request)
            : null;
        if (offloaded !== null)
          return {
            body: offloaded.bytes,
            etag: offloaded.etag,
            contentType: JSON_TYPE,
            headers: warningHeaders(offloaded.warnings),
          };
        const table = await perfTable(ctx.store, request);
        // "data ends" is the market's last close; rows all ending before it (^RUT alone) are stale instead
        const requested = asOf === undefined ? null : parseIsoDate(asOf);
        const warnings = await withMarketEnd(ctx.store, table.warnings, requested, table.rows);
        return {
          body: await checkedJson(perfResponseSchema, table.rows),
          contentType: JSON_TYPE,
          headers: warningHeaders(warnings.map((w) => w.message)),
        };
      });
      return sendCached(ctx, reply, cached);
    },
  );
}
