/**
 * Delivers one alert to a webhook: a JSON POST signed with HMAC-SHA256 over the exact body bytes
 * (`X-MarketDash-Signature: sha256=<hex>`, the GitHub convention, so receivers can reuse their
 * verifier), retried with exponential backoff on network errors, timeouts, 429 and 5xx. Other 4xx
 * answers are final: the receiver rejected the payload and repeating it would not help.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { allowedWebhookHosts, guardedLookup, webhookUrlProblem } from './webhook-target-guard.js';

export interface WebhookTarget {
  readonly url: string;
  /** The shared secret for the signature; no signature header when absent. */
  readonly secret?: string | undefined;
}

export interface DeliveryOptions {
  /** Attempts in all, the first included. */
  readonly attempts?: number;
  /** Delay before the 2nd attempt; doubles each time (plus up to 20% jitter). */
  readonly baseDelayMs?: number;
  readonly timeoutMs?: number;
  /** Waits between attempts; replaced in tests. */
  readonly sleep?: (ms: number) => Promise<void>;
  /** Hosts exempt from the private-address guard (default: MARKETDASH_WEBHOOK_ALLOW_HOSTS). */
  readonly allowHosts?: ReadonlySet<string>;
}

export interface DeliveryOutcome {
  readonly delivered: boolean;
  readonly attempts: number;
  /** The last HTTP status seen, or null when no answer came. */
  readonly status: number | null;
  readonly error: string | null;
  readonly deliveryId: string;
}

export const SIGNATURE_HEADER = 'x-marketdash-signature';
export const DELIVERY_HEADER = 'x-marketdash-delivery';

/** `sha256=` + hex HMAC-SHA256 of the body with the secret. */
export function signBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

function isRetryable(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

export async function deliverWebhook(
  target: WebhookTarget,
  payload: unknown,
  options: DeliveryOptions = {},
): Promise<DeliveryOutcome> {
  const attempts = Math.max(1, options.attempts ?? 5);
  const baseDelay = options.baseDelayMs ?? 1000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const body = JSON.stringify(payload);
  const deliveryId = randomUUID();
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'marketdash-webhook/1',
    [DELIVERY_HEADER]: deliveryId,
  };
  if (target.secret) headers[SIGNATURE_HEADER] = signBody(body, target.secret);

  const allow = options.allowHosts ?? allowedWebhookHosts();
  const refused = webhookUrlProblem(target.url, allow);
  if (refused !== null)
    return { delivered: false, attempts: 0, status: null, error: `webhook URL ${refused}`, deliveryId };
  let status: number | null = null;
  let error: string | null = null;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      status = await post(target.url, headers, body, options.timeoutMs ?? 10_000, allow);
      if (status >= 200 && status < 300) return { delivered: true, attempts: attempt, status, error: null, deliveryId };
      // a redirect is not followed: it could point at an address the guard refuses
      error = status >= 300 && status < 400 ? `HTTP ${status} (redirects are not followed)` : `HTTP ${status}`;
      if (!isRetryable(status)) return { delivered: false, attempts: attempt, status, error, deliveryId };
    } catch (e) {
      status = null;
      error = e instanceof Error ? e.message : String(e);
      if ((e as NodeJS.ErrnoException).code === 'EBLOCKEDADDRESS')
        return { delivered: false, attempts: attempt, status, error, deliveryId };
    }
    if (attempt < attempts) {
      const delay = baseDelay * 2 ** (attempt - 1);
      await sleep(delay + Math.floor(Math.random() * delay * 0.2));
    }
  }
  return { delivered: false, attempts, status, error, deliveryId };
}

/** One POST through node:http(s) whose DNS lookup is the guarded one; resolves the status. */
function post(
  url: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
  allow: ReadonlySet<string>,
): Promise<number> {
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
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(body);
  });
}
