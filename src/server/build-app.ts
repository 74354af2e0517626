/**
 * The HTTP app as a value: `buildApp({store, config})` returns a Fastify instance with the JSON API
 * under /api, its OpenAPI document, the live feed and the built web app at /. Tests drive it with
 * `app.inject` and never open a port; `marketdash serve` listens on it.
 *
 * @example
 *   const app = await buildApp({ store, config: loadConfig() });
 *   const res = await app.inject('/api/perf?group=mag7');
 */

import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply } from 'fastify';
import {
  createJsonSchemaTransform,
  createJsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { UniverseConfig } from '../config/universe-config.js';
import { contractRegistry } from '../contracts/contract-registry.js';
import { ensureDefined } from '../domain/ensure.js';
import { holdsDemoBars } from '../services/demo-label.js';
import { resolveGroup } from '../services/groups/group-registry.js';
import type { PriceStore } from '../store/price-store.js';
import type { AlertCenter } from './alert-center.js';
import { EventFeed } from './event-feed.js';
import { handleError } from './http-errors.js';
import { PerfOffload } from './perf-offload.js';
import { carriesToken, isLoopbackAddress, makeRequireToken } from './request-auth.js';
import { DEFAULT_FEED_LIMITS, FeedAdmission, type FeedLimits, makeRequestGuard } from './request-guard.js';
import { ResponseCache } from './response-cache.js';
import { RouteMethods } from './route-methods.js';
import { registerAlertRoutes } from './routes/alerts-route.js';
import { registerAnalyticsRoutes } from './routes/analytics-routes.js';
import { registerCheckRoute } from './routes/check-route.js';
import { registerHealthRoutes } from './routes/health-route.js';
import { registerPerfRoute } from './routes/perf-route.js';
import { registerReportRoute } from './routes/report-route.js';
import { registerSeriesRoutes } from './routes/series-route.js';
import { registerToolboxRoutes } from './routes/toolbox-routes.js';
import type { ServerContext, UpdateRunner } from './server-context.js';

/** The check endpoint's body limit: a long column is a few tens of KB. */
export const BODY_LIMIT_BYTES = 256 * 1024;

export interface AppOptions {
  readonly store: PriceStore;
  readonly config: UniverseConfig;
  /** Bearer token for state-changing endpoints (--token / MARKETDASH_TOKEN). */
  readonly token?: string | undefined;
  /** The address the server will listen on; beyond loopback, changes need the token. */
  readonly host?: string;
  /** The built web app (index.html and assets); default dist/web of the package; null serves none. */
  readonly webRoot?: string | null;
  /** Fastify's logger: false (tests), or a level such as `{ level: 'warn' }` (serve: server faults to stderr). */
  readonly logger?: boolean | { readonly level: string };
  /** Requests per minute per client; loopback clients get `loopbackMax`. */
  readonly rateLimit?: { readonly max: number; readonly loopbackMax: number };
  readonly feed?: EventFeed;
  readonly alerts?: AlertCenter | null;
  readonly update?: UpdateRunner | null;
  /** Milliseconds a read of the store's data version is trusted (the cache's freshness bound). */
  readonly versionTtlMs?: number;
  /** The response cache (default: a new one); `serve` keeps it to drop it after a CLI command writes. */
  readonly cache?: ResponseCache;
  /**
   * Start the perf worker (perf-offload.ts) now rather than on the first large table, which would
   * otherwise wait for it to load its modules (`serve` does; tests leave it lazy).
   */
  readonly startPerfWorker?: boolean;
  /** Host names the server answers to besides its bound address and, on loopback, the loopback names. */
  readonly allowedHosts?: readonly string[];
  /** Live-feed connections per client address and in total. */
  readonly feedLimits?: FeedLimits;
}

const contractComponents = createJsonSchemaTransformObject({ schemaRegistry: contractRegistry });

/**
 * The transform lists each named contract twice, as output (`PerfRow`) and as input (`PerfRowInput`);
 * the contracts describe responses, so only the schemas the paths reach (directly or through other
 * schemas) are kept.
 */
function withoutUnreachableSchemas<D extends object>(document: D): D {
  const doc = document as { paths?: unknown; components?: { schemas?: Record<string, unknown> } };
  const schemas = doc.components?.schemas;
  if (!schemas) return document;
  const refs = (value: unknown) =>
    [...JSON.stringify(value ?? null).matchAll(/"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1] ?? '');
  const kept = new Set<string>();
  const queue = refs(doc.paths);
  for (let name = queue.pop(); name !== undefined; name = queue.pop()) {
    if (kept.has(name)) continue;
    kept.add(name);
    queue.push(...refs(schemas[name]));
  }
  const reached = Object.entries(schemas).filter(([name]) => kept.has(name));
  return { ...doc, components: { ...doc.components, schemas: Object.fromEntries(reached) } } as D;
}

type RouteTransform = ReturnType<typeof createJsonSchemaTransform>;

/**
 * A response that is a named contract becomes a bare `$ref`, and @fastify/swagger then calls it
 * "Default Response": each answer keeps its contract's description (or its name) instead.
 */
function withResponseDescriptions(transform: RouteTransform): RouteTransform {
  return (input) => {
    const out = transform(input);
    const given = (input.schema as { response?: Record<string, unknown> } | undefined)?.response ?? {};
    const made = (out.schema as { response?: Record<string, { description?: string }> }).response ?? {};
    for (const [status, schema] of Object.entries(given)) {
      const target = made[status];
      if (target === undefined || target.description !== undefined || !(schema instanceof z.ZodType)) continue;
      const meta = contractRegistry.get(schema);
      const element = schema instanceof z.ZodArray ? contractRegistry.get(schema.element)?.id : undefined;
      const text = meta?.description ?? meta?.id ?? (element === undefined ? undefined : `an array of ${element}`);
      if (text !== undefined) target.description = text;
    }
    return out;
  };
}

/** The package's dist/web, found by walking up from this file to package.json. */
export function defaultWebRoot(): string | null {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 6; i++) {
    if (existsSync(join(dir, 'package.json'))) {
      const web = join(dir, 'dist', 'web');
      return existsSync(join(web, 'index.html')) ? web : null;
    }
    dir = dirname(dir);
  }
  return null;
}

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: BODY_LIMIT_BYTES,
    return503OnClosing: true,
    // Node's parser rejects (431 headers too large, a malformed request line) and Fastify's own URL
    // errors answer in the API's one error shape too, never Fastify's default body.
    clientErrorHandler: (error, socket) => {
      const code = (error as { code?: string }).code;
      const status = code === 'HPE_HEADER_OVERFLOW' ? 431 : code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
      const message = status === 431 ? 'request headers are too large' : 'malformed request';
      const body = JSON.stringify({ error: { status, kind: 'usage', message } });
      if (socket.writable) {
        socket.end(
          `HTTP/1.1 ${status} ${status === 431 ? 'Request Header Fields Too Large' : 'Bad Request'}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
        );
      } else socket.destroy();
    },
    frameworkErrors: (error, _request, reply) => {
      const status = error.statusCode ?? 400;
      const body = { error: { status, kind: 'usage', message: status === 400 ? 'malformed URL' : 'bad request' } };
      (reply as FastifyReply).status(status).type('application/json; charset=utf-8').send(body);
    },
  });
  app.addHook(
    'onRequest',
    makeRequestGuard({ host: options.host ?? '127.0.0.1', allowedHosts: options.allowedHosts ?? [] }),
  );
  // Every route's parameters, body and responses are zod schemas (src/contracts/): zod checks requests
  // (unknown query parameters are a 400 naming them, not silently dropped) and responses built as objects.
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  // the methods of every route, for the 405 of a method a path does not have (the /api not-found handler)
  const routeMethods = new RouteMethods();
  app.addHook('onRoute', (route) => routeMethods.add(route.method, route.url));

  const cache = options.cache ?? new ResponseCache(options.store, { versionTtlMs: options.versionTtlMs ?? 1000 });
  let demoFor: { version: string; demo: Promise<boolean> } | null = null;
  let groupsFor: { version: string; members: Map<string, Promise<readonly string[]>> } | null = null;
  const ctx: ServerContext = {
    hasToken: (request) => carriesToken(request, options.token),
    feedAdmission: new FeedAdmission(options.feedLimits ?? DEFAULT_FEED_LIMITS),
    // MARKETDASH_PERF_WORKER=off computes every table in process (the API bench times both ways)
    ...(process.env.MARKETDASH_PERF_WORKER === 'off' ? {} : { perfOffload: new PerfOffload(options.store) }),
    store: options.store,
    config: options.config,
    cache,
    feed: options.feed ?? new EventFeed(),
    alerts: options.alerts ?? null,
    update: options.update ?? null,
    async isDemo() {
      const version = await cache.dataVersion();
      if (demoFor?.version !== version) demoFor = { version, demo: holdsDemoBars(options.store) };
      return demoFor.demo;
    },
    async groupMembers(name) {
      const version = await cache.dataVersion();
      if (groupsFor?.version !== version) groupsFor = { version, members: new Map() };
      const known = groupsFor.members;
      const key = name.toLowerCase();
      let members = known.get(key);
      if (members === undefined) {
        members = resolveGroup(name, { store: options.store, config: options.config }).then((g) => g.members);
        known.set(key, members);
        // an unknown name is not remembered: its error goes to this caller only
        members.catch(() => known.delete(key));
      }
      return members;
    },
  };

  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // lightweight-charts and the note's SVG set inline styles.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        frameAncestors: ["'none'"],
        objectSrc: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  const limits = options.rateLimit ?? { max: 600, loopbackMax: 1_000_000 };
  await app.register(rateLimit, {
    global: true,
    timeWindow: 60_000,
    max: (request) => (isLoopbackAddress(request.ip) ? limits.loopbackMax : limits.max),
  });
  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'MarketDash API',
        version: '0.1.0',
        description: 'Market-rotation analytics as JSON: the same figures as the marketdash CLI.',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    // The zod schemas become JSON Schema; the named ones (src/contracts/) are listed once in components.schemas.
    transform: withResponseDescriptions(createJsonSchemaTransform({ schemaRegistry: contractRegistry })),
    transformObject: (document) => withoutUnreachableSchemas(contractComponents(document)),
  });

  const requireToken = makeRequireToken({ token: options.token, host: options.host ?? '127.0.0.1' });
  await app.register(
    async (api) => {
      registerHealthRoutes(api, ctx);
      registerPerfRoute(api, ctx);
      registerSeriesRoutes(api, ctx);
      registerAnalyticsRoutes(api, ctx);
      registerToolboxRoutes(api, ctx);
      registerCheckRoute(api, ctx);
      registerReportRoute(api, ctx);
      registerAlertRoutes(api, ctx, requireToken);
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
      api.setNotFoundHandler(async (request, reply) => {
        const path = ensureDefined(request.url.split('?')[0], 'request path').slice(0, 200);
        const allowed = routeMethods.allowed(path);
        // a path that exists with other methods: 405 naming them (the Allow header too), not "no route"
        if (allowed.length > 0)
          return reply
            .status(405)
            .header('allow', allowed.join(', '))
            .send({
              error: {
                status: 405,
                kind: 'usage',
                message: `method ${request.method} not allowed on ${path}: it answers ${allowed.join(', ')}`,
              },
            });
        return reply.status(404).send({
          error: { status: 404, kind: 'not_found', message: `no API route ${request.method} ${path}` },
        });
      });
    },
    { prefix: '/api' },
  );

  const webRoot = options.webRoot === undefined ? defaultWebRoot() : options.webRoot;
  if (webRoot) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: '/',
      index: ['index.html'],
      cacheControl: false,
      // Built assets carry a content hash in their names: cache them for good. index.html names the
      // current ones, so it is revalidated on every load (a rebuild is seen at once).
      setHeaders: (reply, path) => {
        reply.header(
          'cache-control',
          /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    });
  } else {
    app.get('/', { schema: { hide: true } }, async (_req, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('MarketDash API is running; the web app is not built (run `npm run build`). See /api/openapi.json.\n'),
    );
  }
  // every unknown route or method outside /api answers in the one error shape as well
  app.setNotFoundHandler(async (request, reply) =>
    reply.status(404).send({
      error: {
        status: 404,
        kind: 'not_found',
        message: `no route ${request.method} ${ensureDefined(request.url.split('?')[0], 'request path').slice(0, 200)}`,
      },
    }),
  );
  if (options.startPerfWorker) ctx.perfOffload?.warm();
  app.addHook('onClose', async () => {
    ctx.feed.closeAll();
    await ctx.perfOffload?.close();
  });
  return app;
}
