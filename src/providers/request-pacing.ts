/**
 * How provider requests are paced: a per-provider minimum interval between requests (rate limit), and
 * the clock the retries (src/domain/retry-policy.ts) wait on. Time is injected (`sleep`, `now`,
 * `random`) so tests run instantly and deterministically; the webhooks wait on the same clock.
 */

export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
  /** Uniform in [0, 1), for jitter. */
  random(): number;
}

export const realClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: () => Math.random(),
};

/** Spaces request starts at least `minIntervalMs` apart (one instance per provider). */
export class RateLimiter {
  private next = 0;
  constructor(
    readonly minIntervalMs: number,
    private readonly clock: Clock = realClock,
  ) {}

  async acquire(): Promise<void> {
    const now = this.clock.now();
    const start = Math.max(now, this.next);
    this.next = start + this.minIntervalMs;
    if (start > now) await this.clock.sleep(start - now);
  }
}

/** Runs `fn` over `items` with at most `limit` running at once; results in input order. */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let nextIndex = 0;
  const worker = async () => {
    while (nextIndex < items.length) {
      const i = nextIndex++;
      out[i] = await fn(items[i]!, i);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return out;
}
