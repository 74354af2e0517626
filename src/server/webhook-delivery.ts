/**
 * Delivers one alert to a webhook: a JSON POST signed with HMAC-SHA256 over the exact body bytes
 * (`X-MarketDash-Signature: sha256=<hex>`, the GitHub convention, so receivers can reuse their
 * verifier), retried with exponential backoff on network errors, timeouts, 429 and 5xx. Other 4xx
 * answers are final: the receiver rejected the payload and repeating it would not help.
 */
import { createHmac, randomUUID } from 'node:crypto';

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

  let status: number | null = null;
  let error: string | null = null;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    try {
      const res = await fetch(target.url, {
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(options.timeoutMs ?? 10_000),
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
      if (res.ok) return { delivered: true, attempts: attempt, status, error: null, deliveryId };
      error = `HTTP ${res.status}`;
      if (!isRetryable(res.status)) return { delivered: false, attempts: attempt, status, error, deliveryId };
    } catch (e) {
      status = null;
      error = e instanceof Error ? e.message : String(e);
    }
    if (attempt < attempts) {
      const delay = baseDelay * 2 ** (attempt - 1);
      await sleep(delay + Math.floor(Math.random() * delay * 0.2));
    }
  }
  return { delivered: false, attempts, status, error, deliveryId };
}
