/**
 * GET /api/health (is the store reachable, what does it hold, is it demo data), GET /api/symbols
 * (what is stored, with display names, groups and pairs from the config) and GET /api/feed
 * (server-sent events: alerts, updates, scheduled runs).
 */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponses } from '../../contracts/common-contract.js';
import { healthSchema, symbolsResponseSchema } from '../../contracts/store-contract.js';
import { type ServerContext, sendCachedJson } from '../server-context.js';

const noParameters = z.strictObject({});

export function registerHealthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/health',
    {
      schema: {
        summary: 'Liveness and what the store holds',
        querystring: noParameters,
        response: { 200: healthSchema },
      },
    },
    async (request, reply) => {
      const dataVersion = await ctx.cache.dataVersion();
      // where the store lives (a file path, a database host and user) is for the token holder only
      if (ctx.hasToken(request)) {
        const symbols = await ctx.store.listSymbols();
        const lastDate = symbols.reduce<string | null>(
          (m, s) => (s.lastDate && (!m || s.lastDate > m) ? s.lastDate : m),
          null,
        );
        reply.header('cache-control', 'no-store');
        return {
          status: 'ok' as const,
          backend: ctx.store.backend,
          location: ctx.store.location,
          dataVersion,
          demo: await ctx.isDemo(),
          symbols: symbols.length,
          lastDate,
        };
      }
      return sendCachedJson(ctx, reply, 'health', {}, healthSchema, async () => {
        const symbols = await ctx.store.listSymbols();
        const lastDate = symbols.reduce<string | null>(
          (m, s) => (s.lastDate && (!m || s.lastDate > m) ? s.lastDate : m),
          null,
        );
        return {
          status: 'ok' as const,
          backend: ctx.store.backend,
          dataVersion,
          demo: await ctx.isDemo(),
          symbols: symbols.length,
          lastDate,
        };
      });
    },
  );

  api.get(
    '/symbols',
    {
      schema: {
        summary: 'Stored symbols with their history extent, and the groups, baskets and pairs of the config',
        querystring: noParameters,
        response: { 200: symbolsResponseSchema, ...errorResponses },
      },
    },
    async (_request, reply) =>
      sendCachedJson(ctx, reply, 'symbols', {}, symbolsResponseSchema, async () => {
        const stored = await ctx.store.listSymbols();
        return {
          demo: await ctx.isDemo(),
          // The config's display names are curated ("Magnificent 7 (equal weight)"); stored names are the fallback.
          symbols: stored.map((s) => ({ ...s, name: ctx.config.symbols[s.ticker]?.name ?? s.name })),
          // the config's groups and those imported into the store (which shadow a config group of that name)
          groups: {
            ...ctx.config.groups,
            ...Object.fromEntries((await ctx.store.listGroups()).map((g) => [g.name, [...g.members]])),
          },
          baskets: Object.keys(ctx.config.baskets),
          pairs: ctx.config.pairs,
        };
      }),
  );

  api.get(
    '/feed',
    {
      schema: {
        summary: 'Live events (server-sent events): alert, update, schedule',
        querystring: z.strictObject({
          after: z.coerce.number().int().min(0).optional().describe('resume after this event id'),
        }),
      },
      config: { rateLimit: false },
    },
    async (request, reply) => {
      const q = request.query;
      const lastId = Number(request.headers['last-event-id'] ?? q.after ?? 0);
      // the feed is exempt from the rate limit (a connection lasts), so connections are capped instead
      const refused = ctx.feedAdmission.admit(request.ip);
      if (refused !== null) {
        return reply.status(refused.status).send({
          error: {
            status: refused.status,
            kind: refused.status === 429 ? 'rate_limited' : 'unavailable',
            message: refused.message,
          },
        });
      }
      reply.raw.once('close', () => ctx.feedAdmission.release(request.ip));
      reply.hijack();
      ctx.feed.attach(reply.raw, Number.isFinite(lastId) ? lastId : 0);
    },
  );
}
