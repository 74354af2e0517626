/**
 * Who may change state. Reads are open; endpoints that change state (trigger an update, edit alert
 * rules) need `Authorization: Bearer <token>` whenever a token is configured or the server listens
 * beyond loopback. Without a configured token such a server refuses them outright.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { UnauthorizedError } from './http-errors.js';

export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  return h === 'localhost' || h === '::1' || h.startsWith('127.') || h === '::ffff:127.0.0.1';
}

/** Whether a client address is the local machine (for the generous loopback rate limit). */
export function isLoopbackAddress(ip: string): boolean {
  return isLoopbackHost(ip);
}

export interface AuthPolicy {
  readonly token: string | undefined;
  /** The address the server listens on. */
  readonly host: string;
}

export function tokenRequired(policy: AuthPolicy): boolean {
  return policy.token !== undefined || !isLoopbackHost(policy.host);
}

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Whether the request carries the configured token (false when none is configured). */
export function carriesToken(request: FastifyRequest, token: string | undefined): boolean {
  if (token === undefined) return false;
  const m = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
  return m !== null && sameSecret(m[1]!.trim(), token);
}

/** A preHandler for state-changing routes. */
export function makeRequireToken(policy: AuthPolicy): (request: FastifyRequest) => Promise<void> {
  return async (request) => {
    if (!tokenRequired(policy)) return;
    if (policy.token === undefined) {
      throw new UnauthorizedError(
        'this server listens beyond loopback without a token: restart it with --token or MARKETDASH_TOKEN to allow changes',
      );
    }
    const header = request.headers.authorization ?? '';
    const m = /^Bearer\s+(.+)$/i.exec(header);
    if (!m || !sameSecret(m[1]!.trim(), policy.token))
      throw new UnauthorizedError('a bearer token is required (Authorization: Bearer <token>)');
  };
}
