/**
 * What every route handler may use: the store, the universe config, the response cache, the live
 * feed, the alert center and the update runner. Built once by `buildApp`.
 */
import type { FastifyReply } from 'fastify';
import type { z } from 'zod';
import type { UniverseConfig } from '../config/universe-config.js';
import type { ContractInput } from '../contracts/contract-registry.js';
import type { PriceStore } from '../store/price-store.js';
import type { AlertCenter } from './alert-center.js';
import type { EventFeed } from './event-feed.js';
import type { ResponseCache } from './response-cache.js';

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
  const cached = await ctx.cache.getOrCompute(route, params, async () => ({
    body: JSON.stringify(schema.parse(await compute())),
    contentType: JSON_TYPE,
  }));
  return sendCached(ctx, reply, cached);
}

export async function sendCached(
  ctx: ServerContext,
  reply: FastifyReply,
  cached: { body: string; contentType: string },
): Promise<FastifyReply> {
  if (await ctx.isDemo()) reply.header('x-marketdash-source', 'demo');
  return reply.type(cached.contentType).send(cached.body);
}
