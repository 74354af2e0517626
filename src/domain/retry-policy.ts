/**
 * The one retry policy for every request MarketDash sends out (data providers and webhooks): which
 * answers are worth another try, how long to wait before it, and when to give up. The wait is
 * exponential backoff with "equal jitter" (half fixed, half random, so many clients do not retry in
 * step), and never shorter than what the server asked for in `Retry-After` (RFC 9110 section 10.2.3:
 * delay-seconds or an HTTP-date). A server asking for longer than `maxRetryAfterMs` is not retried:
 * waiting that long inside one run helps nobody, and asking sooner would ignore it.
 * Pure: the caller brings the clock's time and random draw, so tests are instant and exact.
 */

export interface RetryPolicy {
  /** Retries after the first try (0 = try once). */
  readonly retries: number;
  /** The backoff before the first retry; it doubles for each one after. */
  readonly baseDelayMs: number;
  /** The longest backoff. */
  readonly maxDelayMs: number;
  /** The longest Retry-After honoured (default 60 s); a longer one ends the retries. */
  readonly maxRetryAfterMs?: number;
}

/** Data providers: 4 tries in all, 0.5 s then doubling to at most 8 s. */
export const PROVIDER_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 500, maxDelayMs: 8000 };

/** Webhooks: 5 tries in all, 1 s then doubling to at most 16 s. */
export const WEBHOOK_RETRY: RetryPolicy = { retries: 4, baseDelayMs: 1000, maxDelayMs: 16_000 };

const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;

/** Whether an HTTP status is worth retrying: request timeout (408), rate limit (429) and server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/**
 * A `Retry-After` header as milliseconds from `nowMs`: delay-seconds ("120") or an HTTP-date
 * ("Wed, 21 Oct 2015 07:28:00 GMT"; a date already past is 0). Null when absent or unreadable.
 * @example parseRetryAfter('3', 0) // 3000
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // An HTTP-date names its weekday and ends in GMT; Date.parse reads all three RFC 9110 forms.
  if (!/^[A-Za-z]{3}/.test(text) || !/GMT$/.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/**
 * The backoff before retry number `attempt` (1-based): base x 2^(attempt-1), capped, with equal
 * jitter; `random` is uniform in [0, 1).
 */
export function backoffDelay(policy: RetryPolicy, attempt: number, random: number): number {
  const capped = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
  return capped / 2 + (capped / 2) * random;
}

/**
 * The wait before retry number `attempt` (1-based) after a retryable failure, or null to give up:
 * the retries are spent, or the server's Retry-After (`retryAfterMs`, from parseRetryAfter) is
 * longer than the policy honours. Otherwise the longer of the backoff and the Retry-After.
 * @example retryDelay(PROVIDER_RETRY, 1, 0.5, 2000) // 2000 (the server's 2 s beats a 375 ms backoff)
 */
export function retryDelay(
  policy: RetryPolicy,
  attempt: number,
  random: number,
  retryAfterMs: number | null = null,
): number | null {
  if (attempt > policy.retries) return null;
  const backoff = backoffDelay(policy, attempt, random);
  if (retryAfterMs === null) return backoff;
  if (retryAfterMs > (policy.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS)) return null;
  return Math.max(backoff, retryAfterMs);
}
