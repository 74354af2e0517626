/**
 * GET /api/health (is the store reachable, what does it hold, is it demo data), GET /api/symbols
 * (what is stored, with display names, groups and pairs from the config) and GET /api/feed
 * (server-sent events: alerts, updates, scheduled runs).
 */
import type { FastifyInstance } from 'fastify';
import { errorResponses } from '../api-schemas.js';
import { type ServerContext, sendCachedJson } from '../server-context.js';

export function registerHealthRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get(
    '/health',
    {
      schema: {
        summary: 'Liveness and what the store holds',
        querystring: { type: 'object', additionalProperties: false, properties: {} },
        response: {
          200: {
            type: 'object',
            properties: {
              status: { type: 'string' },
              backend: { type: 'string' },
              location: { type: 'string' },
              dataVersion: { type: 'string' },
              demo: { type: 'boolean' },
              symbols: { type: 'integer' },
              lastDate: { type: ['string', 'null'] },
            },
          },
        },
      },
    },
    async (_request, reply) => {
      const dataVersion = await ctx.cache.dataVersion();
      return sendCachedJson(ctx, reply, 'health', {}, async () => {
        const symbols = await ctx.store.listSymbols();
        const lastDate = symbols.reduce<string | null>(
          (m, s) => (s.lastDate && (!m || s.lastDate > m) ? s.lastDate : m),
          null,
        );
        return {
          status: 'ok',
          backend: ctx.store.backend,
          location: ctx.store.location,
          dataVersion,
          demo: await ctx.isDemo(),
          symbols: symbols.length,
          lastDate,
        };
      });
    },
  );

  app.get(
    '/symbols',
    {
      schema: {
        summary: 'Stored symbols with their history extent, and the groups, baskets and pairs of the config',
        querystring: { type: 'object', additionalProperties: false, properties: {} },
        response: { ...errorResponses },
      },
    },
    async (_request, reply) =>
      sendCachedJson(ctx, reply, 'symbols', {}, async () => {
        const stored = await ctx.store.listSymbols();
        return {
          demo: await ctx.isDemo(),
          // The config's display names are curated ("Magnificent 7 (equal weight)"); stored names are the fallback.
          symbols: stored.map((s) => ({ ...s, name: ctx.config.symbols[s.ticker]?.name ?? s.name })),
          groups: ctx.config.groups,
          baskets: Object.keys(ctx.config.baskets),
          pairs: ctx.config.pairs,
        };
      }),
  );

  app.get(
    '/feed',
    {
      schema: {
        summary: 'Live events (server-sent events): alert, update, schedule',
        querystring: {
          type: 'object',
          additionalProperties: false,
          properties: { after: { type: 'integer', minimum: 0 } },
        },
      },
      config: { rateLimit: false },
    },
    async (request, reply) => {
      const q = request.query as { after?: number };
      const lastId = Number(request.headers['last-event-id'] ?? q.after ?? 0);
      reply.hijack();
      ctx.feed.attach(reply.raw, Number.isFinite(lastId) ? lastId : 0);
    },
  );
}
