/**
 * What every route handler may use: the store, the universe config, the response cache, the live
 * feed, the alert center and the update runner. Built once by `buildApp`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { UniverseConfig } from '../config/universe-config.js';
import type { ContractInput } from '../contracts/contract-registry.js';
import { parseIsoDate } from '../domain/trading-date.js';
import { asOfAfterData, marketEnd } from '../services/data-warnings.js';
import { nextTurn, SLICE_MS } from '../store/event-loop-slice.js';
import type { PriceStore } from '../store/price-store.js';
import type { AlertCenter } from './alert-center.js';
import { bodyFor, encodedBody, etagMatches } from './encoded-body.js';
import type { EventFeed } from './event-feed.js';
import type { PerfOffload } from './perf-offload.js';
import type { FeedAdmission } from './request-guard.js';
import type { CachedResponse, ResponseCache } from './response-cache.js';

/** Runs an update of the store (the scheduler's job, or `POST /api/update`), returning its outcome. */
export type UpdateRunner = () => Promise<unknown>;

export interface ServerContext {
  readonly store: PriceStore;
  readonly config: UniverseConfig;
  readonly cache: ResponseCache;
  readonly feed: EventFeed;
  readonly alerts: AlertCenter | null;
  readonly update: UpdateRunner | null;
  /** Whether the stored data is the synthetic demo market (cached per data version). */
  isDemo(): Promise<boolean>;
  /**
   * A group's members by name, the store's imported groups first, then the config's (resolveGroup),
   * remembered per data version: a cached answer for `group=NAME` must not wait for a store read.
   */
  groupMembers(name: string): Promise<readonly string[]>;
  /** Whether the request carries the server's token (false when none is configured). */
  hasToken(request: FastifyRequest): boolean;
  /** Live-feed connections per client and in total. */
  readonly feedAdmission: FeedAdmission;
  /** Large perf tables computed on a worker thread (absent: every table in process). */
  readonly perfOffload?: PerfOffload;
}

export const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Sends the cached JSON for (route, params) at the current data version, computing it on a miss.
 * The computed value is checked against the route's response schema (its contract in src/contracts/)
 * before it is cached: the compiler holds the service to the contract's type, zod to its values.
 * Demo data is labelled on every response by the `x-marketdash-source: demo` header.
 */
export async function sendCachedJson<S extends z.ZodType>(
  ctx: ServerContext,
  reply: FastifyReply,
  route: string,
  params: Readonly<Record<string, unknown>>,
  schema: S,
  compute: () => Promise<ContractInput<S>>,
): Promise<FastifyReply> {
  return sendCachedArray(ctx, reply, route, params, schema, async () => ({ rows: await compute(), warnings: [] }));
}

/** The header that carries the warnings of an answer whose body is an array or not JSON. */
export const WARNINGS_HEADER = 'x-marketdash-warnings';

/**
 * Like sendCachedJson for an array answer (perf rows, rotation points, events, sparklines) with data
 * warnings (the as-of day past the data, stale rows, pairs not computed): the body keeps its documented
 * shape and the warnings travel in the `x-marketdash-warnings` header, a JSON array of one-line strings
 * (objects carry them in their own `warnings` field).
 */
export async function sendCachedArray<S extends z.ZodType>(
  ctx: ServerContext,
  reply: FastifyReply,
  route: string,
  params: Readonly<Record<string, unknown>>,
  schema: S,
  compute: () => Promise<{ rows: ContractInput<S>; warnings: readonly { readonly message: string }[] }>,
): Promise<FastifyReply> {
  const cached = await ctx.cache.getOrCompute(route, params, async () => {
    const { rows, warnings } = await compute();
    return {
      body: await checkedJson(schema, rows),
      contentType: JSON_TYPE,
      headers: warningHeaders(warnings.map((w) => w.message)),
    };
  });
  return sendCached(ctx, reply, cached);
}

/**
 * JSON.stringify(schema.parse(rows)), an array's elements a slice at a time with the event loop handed
 * back between slices: checking and writing 3,000 perf rows takes some 30 ms, which a one-symbol
 * request arriving meanwhile would otherwise wait out. The text is the same as in one piece.
 */
export async function checkedJson(schema: z.ZodType, rows: unknown): Promise<string> {
  // a plain array schema only: checks on the array itself (length, refinements) need the whole parse
  const plain = schema instanceof z.ZodArray && (schema._zod.def.checks ?? []).length === 0;
  if (!plain || !Array.isArray(rows)) return JSON.stringify(schema.parse(rows));
  const element = schema.element as z.ZodType;
  const parts: string[] = [];
  let slice = performance.now();
  for (const row of rows) {
    if (performance.now() - slice > SLICE_MS) {
      await nextTurn();
      slice = performance.now();
    }
    parts.push(JSON.stringify(element.parse(row)));
  }
  return `[${parts.join(',')}]`;
}

/** The warnings header (ASCII-safe JSON), or none when there is nothing to say. */
export function warningHeaders(messages: readonly string[]): Record<string, string> | undefined {
  if (!messages.length) return undefined;
  const json = JSON.stringify(messages).replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return { [WARNINGS_HEADER]: json };
}

/** "data ends D; figures are as of that day" when `asOf` is past the store's last bar, else nothing. */
export async function storeEndWarnings(ctx: ServerContext, asOf: string | undefined): Promise<string[]> {
  if (asOf === undefined) return [];
  const end = await marketEnd(ctx.store);
  const w = asOfAfterData(parseIsoDate(asOf), end);
  return w ? [w.message] : [];
}

export async function sendCached(
  ctx: ServerContext,
  reply: FastifyReply,
  cached: CachedResponse,
): Promise<FastifyReply> {
  if (await ctx.isDemo()) reply.header('x-marketdash-source', 'demo');
  for (const [k, v] of Object.entries(cached.headers ?? {})) reply.header(k, v);
  // bytes, ETag and compressed copies made once per cached entry (encoded-body.ts)
  const ready = encodedBody(cached);
  reply.header('etag', ready.etag).header('vary', 'accept-encoding');
  if (etagMatches(reply.request.headers['if-none-match'], ready.etag)) return reply.code(304).send();
  const { body, encoding } = await bodyFor(ready, reply.request.headers['accept-encoding']);
  if (encoding !== null) reply.header('content-encoding', encoding);
  return reply.type(cached.contentType).send(body);
}
