/** The one retry policy; expected values by hand from the formulas in retry-policy.ts and RFC 9110 section 10.2.3. */
import { describe, expect, it } from 'vitest';
import { backoffDelay, isRetryableStatus, parseRetryAfter, retryDelay } from './retry-policy.js';

const policy = { retries: 5, baseDelayMs: 100, maxDelayMs: 300 };

describe('retry policy', () => {
  it('backoff doubles and caps, half of it jittered', () => {
    expect([1, 2, 3, 4].map((a) => backoffDelay(policy, a, 1))).toEqual([100, 200, 300, 300]);
    expect(backoffDelay(policy, 1, 0)).toBe(50);
    expect(backoffDelay(policy, 2, 0.5)).toBe(150);
  });

  it('retries 408, 429 and 5xx only', () => {
    expect([400, 401, 404, 408, 429, 500, 503].map(isRetryableStatus)).toEqual([
      false,
      false,
      false,
      true,
      true,
      true,
      true,
    ]);
  });

  it('reads Retry-After as delay-seconds or as an HTTP-date', () => {
    const now = Date.UTC(2015, 9, 21, 7, 27, 30); // 30 s before the RFC's example date
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', now)).toBe(30_000);
    // the obsolete RFC 850 and asctime forms are still HTTP-dates
    expect(parseRetryAfter('Wednesday, 21-Oct-15 07:28:00 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:27:00 GMT', now)).toBe(0); // already past
    expect([parseRetryAfter(undefined, now), parseRetryAfter('soon', now), parseRetryAfter('-5', now)]).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('waits the longer of the backoff and Retry-After, and gives up past the retries or the longest Retry-After', () => {
    expect(retryDelay(policy, 1, 0.5)).toBe(75);
    expect(retryDelay(policy, 1, 0.5, 2000)).toBe(2000);
    expect(retryDelay(policy, 3, 1, 10)).toBe(300);
    expect(retryDelay(policy, 6, 0.5)).toBeNull();
    expect(retryDelay(policy, 1, 0.5, 60_000)).toBe(60_000);
    expect(retryDelay(policy, 1, 0.5, 60_001)).toBeNull();
    expect(retryDelay({ ...policy, maxRetryAfterMs: 1000 }, 1, 0.5, 1001)).toBeNull();
  });
});
