/**
 * Delivers one alert to a webhook: a JSON POST signed as the Standard Webhooks scheme says
 * (standardwebhooks.com; the `standardwebhooks` package signs): `webhook-id` (the same on every retry,
 * so a receiver can de-duplicate), `webhook-timestamp` (Unix seconds of this attempt) and
 * `webhook-signature: v1,<base64 HMAC-SHA256 of "id.timestamp.body">`. A receiver that checks the
 * signature and refuses timestamps older than a few minutes cannot be fed a captured delivery again
 * (docs/security.md, "Verifying a webhook"). Retries follow the one retry policy
 * (src/domain/retry-policy.ts): network errors, timeouts, 408, 429 and 5xx, honouring Retry-After.
 * Other 4xx answers are final: the receiver rejected the payload and repeating it would not help.
 */
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Webhook } from 'standardwebhooks';
import {
  isRetryableStatus,
  parseRetryAfter,
  type RetryPolicy,
  retryDelay,
  WEBHOOK_RETRY,
} from '../domain/retry-policy.js';
import { type Clock, realClock } from '../providers/request-pacing.js';
import { allowedWebhookHosts, guardedLookup, webhookUrlProblem } from './webhook-target-guard.js';

export interface WebhookTarget {
  readonly url: string;
  /**
   * The shared secret; no signature headers when absent. A Standard Webhooks secret (`whsec_` and
   * base64) is used as that key; any other string is used as its UTF-8 bytes.
   */
  readonly secret?: string | undefined;
}

export interface DeliveryOptions {
  /** Retries and their waits (default WEBHOOK_RETRY: 5 tries in all). */
  readonly retry?: RetryPolicy;
  readonly timeoutMs?: number;
  /** The time stamped into the signature and the waits between attempts; replaced in tests. */
  readonly clock?: Clock;
  /** Hosts exempt from the private-address guard (default: MARKETDASH_WEBHOOK_ALLOW_HOSTS). */
  readonly allowHosts?: ReadonlySet<string>;
}

export interface DeliveryOutcome {
  readonly delivered: boolean;
  readonly attempts: number;
  /** The last HTTP status seen, or null when no answer came. */
  readonly status: number | null;
  readonly error: string | null;
  /** The `webhook-id` of the delivery. */
  readonly deliveryId: string;
}

/** The Standard Webhooks signer for a configured secret (see WebhookTarget.secret). */
export function webhookSigner(secret: string): Webhook {
  return secret.startsWith('whsec_')
    ? new Webhook(secret)
    : new Webhook(new TextEncoder().encode(secret), { format: 'raw' });
}

/** The three Standard Webhooks headers for one attempt at `nowMs`. */
export function signedHeaders(signer: Webhook, id: string, nowMs: number, body: string): Record<string, string> {
  const timestamp = new Date(Math.floor(nowMs / 1000) * 1000);
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp.getTime() / 1000),
    'webhook-signature': signer.sign(id, timestamp, body),
  };
}

export async function deliverWebhook(
  target: WebhookTarget,
  payload: unknown,
  options: DeliveryOptions = {},
): Promise<DeliveryOutcome> {
  const policy = options.retry ?? WEBHOOK_RETRY;
  const clock = options.clock ?? realClock;
  const body = JSON.stringify(payload);
  const deliveryId = `msg_${randomUUID()}`;
  const signer = target.secret ? webhookSigner(target.secret) : null;
  const allow = options.allowHosts ?? allowedWebhookHosts();
  const refused = webhookUrlProblem(target.url, allow);
  if (refused !== null)
    return { delivered: false, attempts: 0, status: null, error: `webhook URL ${refused}`, deliveryId };
  let status: number | null = null;
  let error: string | null = null;
  for (let attempt = 1; ; attempt++) {
    let retryAfter: string | undefined;
    try {
      const headers: Record<string, string> = {
        'content-type': 'application/json',
        'user-agent': 'marketdash-webhook/1',
        'webhook-id': deliveryId,
        ...(signer ? signedHeaders(signer, deliveryId, clock.now(), body) : {}),
      };
      const answer = await post(target.url, headers, body, options.timeoutMs ?? 10_000, allow);
      status = answer.status;
      retryAfter = answer.retryAfter;
      if (status >= 200 && status < 300) return { delivered: true, attempts: attempt, status, error: null, deliveryId };
      // a redirect is not followed: it could point at an address the guard refuses
      error = status >= 300 && status < 400 ? `HTTP ${status} (redirects are not followed)` : `HTTP ${status}`;
      if (!isRetryableStatus(status)) return { delivered: false, attempts: attempt, status, error, deliveryId };
    } catch (e) {
      status = null;
      error = e instanceof Error ? e.message : String(e);
      if ((e as NodeJS.ErrnoException).code === 'EBLOCKEDADDRESS')
        return { delivered: false, attempts: attempt, status, error, deliveryId };
    }
    const delay = retryDelay(policy, attempt, clock.random(), parseRetryAfter(retryAfter, clock.now()));
    if (delay === null) return { delivered: false, attempts: attempt, status, error, deliveryId };
    await clock.sleep(delay);
  }
}

/** One POST through node:http(s) whose DNS lookup is the guarded one; resolves the status and Retry-After. */
function post(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  allow: ReadonlySet<string>,
): Promise<{ status: number; retryAfter: string | undefined }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const send = u.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      u,
      {
        method: 'POST',
        headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
        lookup: guardedLookup(allow) as never,
        timeout: timeoutMs,
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          const retryAfter = res.headers['retry-after'];
          resolve({ status: res.statusCode ?? 0, retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter });
        });
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
