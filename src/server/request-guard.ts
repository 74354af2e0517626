/**
 * The server's edges, checked before any route runs (docs/security.md):
 * - Host: on a loopback server the Host header must name the loopback (`localhost`, `127.0.0.1`,
 *   `[::1]`) or a configured name, so a page on another site that rebinds its DNS name to 127.0.0.1
 *   is refused (421) before it reaches the API.
 * - Cross-site writes: every request that can change state (POST, PUT, PATCH, DELETE under /api) must
 *   carry `Content-Type: application/json` or the `X-MarketDash-Client` header (POST /api/check, which
 *   changes nothing, also takes text/plain). A web page on another
 *   origin can only send those after a CORS preflight, which this server never grants, so a "simple"
 *   form or `fetch(..., {mode: 'no-cors'})` POST cannot trigger an update.
 * - Live feed: server-sent-event connections are capped per client address (429) and in total (503).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody } from './http-errors.js';
import { isLoopbackHost } from './request-auth.js';

export const CLIENT_HEADER = 'x-marketdash-client';
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface GuardOptions {
  /** The address the server listens on. */
  readonly host: string;
  /** Extra names the Host header may carry (a reverse proxy's name), from --allowed-host. */
  readonly allowedHosts?: readonly string[];
}

/** The host name of a Host header: `localhost:8080` -> localhost, `[::1]:80` -> ::1. */
export function hostName(header: string): string {
  const h = header.trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') < 0 ? undefined : h.indexOf(']'));
  const colon = h.lastIndexOf(':');
  return colon >= 0 && h.indexOf(':') === colon ? h.slice(0, colon) : h;
}

/** Whether the Host header is acceptable for a server bound to `options.host`. */
export function hostAllowed(header: string | undefined, options: GuardOptions): boolean {
  const allowed = (options.allowedHosts ?? []).map((h) => h.toLowerCase());
  if (header === undefined || header.trim() === '') return false;
  const name = hostName(header);
  if (allowed.includes(name)) return true;
  if (isLoopbackHost(options.host)) return isLoopbackHost(name);
  // bound to one address: that address; bound to every interface: any name unless names were configured
  const bound = hostName(options.host);
  if (bound === '0.0.0.0' || bound === '::' || bound === '') return allowed.length === 0;
  return name === bound;
}

function refuse(reply: FastifyReply, status: number, kind: ErrorBody['error']['kind'], message: string): FastifyReply {
  return reply
    .status(status)
    .type('application/json; charset=utf-8')
    .send({ error: { status, kind, message } } satisfies ErrorBody);
}

/** The onRequest hook for the Host and cross-site checks. */
export function makeRequestGuard(options: GuardOptions) {
  return async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
    if (!hostAllowed(request.headers.host, options)) {
      return refuse(
        reply,
        421,
        'usage',
        `this server does not answer for host '${hostName(request.headers.host ?? '').slice(0, 100)}' (not one of its allowed hosts)`,
      );
    }
    // POST /api/check only reads (it checks a pasted note, text/plain included)
    // a request no route answers (404, or 405 for a method the path does not have) changes nothing
    if (
      !request.is404 &&
      STATE_CHANGING.has(request.method) &&
      request.url.startsWith('/api/') &&
      !request.url.startsWith('/api/check')
    ) {
      const type = String(request.headers['content-type'] ?? '').toLowerCase();
      const json = /^application\/json\s*(;|$)/.test(type);
      if (!json && request.headers[CLIENT_HEADER] === undefined) {
        return refuse(
          reply,
          415,
          'usage',
          `${request.method} needs Content-Type: application/json or an X-MarketDash-Client header (cross-site requests are refused)`,
        );
      }
    }
    return undefined;
  };
}

export interface FeedLimits {
  readonly perClient: number;
  readonly total: number;
}

export const DEFAULT_FEED_LIMITS: FeedLimits = { perClient: 8, total: 1000 };

/** Counts live-feed connections per client address; `admit` says why not when over a cap. */
export class FeedAdmission {
  private readonly byClient = new Map<string, number>();
  private total = 0;
  constructor(private readonly limits: FeedLimits = DEFAULT_FEED_LIMITS) {}

  /** null when admitted (call `release` when the connection ends), else the refusal. */
  admit(client: string): { status: 429 | 503; message: string } | null {
    const mine = this.byClient.get(client) ?? 0;
    if (mine >= this.limits.perClient)
      return { status: 429, message: `at most ${this.limits.perClient} live-feed connections per client` };
    if (this.total >= this.limits.total)
      return { status: 503, message: `the server has its maximum of ${this.limits.total} live-feed connections` };
    this.byClient.set(client, mine + 1);
    this.total++;
    return null;
  }

  release(client: string): void {
    const mine = this.byClient.get(client) ?? 0;
    if (mine <= 1) this.byClient.delete(client);
    else this.byClient.set(client, mine - 1);
    this.total = Math.max(0, this.total - 1);
  }
}
