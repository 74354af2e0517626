/**
 * Caches serialised API responses per (route, canonical parameters, store data version). A change of
 * `store.dataVersion()` makes every older entry unreachable (and the whole map is dropped), so an
 * update, by this server or by another process writing the same store, is seen within `versionTtlMs`.
 */
import type { PriceStore } from '../store/price-store.js';

export interface CachedResponse {
  /** The JSON text, or its UTF-8 bytes when they were made elsewhere (perf-offload.ts). */
  readonly body: string | Buffer;
  /** The body's weak ETag when it was made with the bytes (else encoded-body.ts makes it). */
  readonly etag?: string;
  readonly contentType: string;
  /** Extra response headers kept with the body (the warnings of an array answer). */
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ResponseCacheOptions {
  /** How long a read of `store.dataVersion()` is trusted before asking the store again. */
  readonly versionTtlMs?: number;
  /** Most entries kept; the least recently used goes first. */
  readonly maxEntries?: number;
  /** The clock, for tests. */
  readonly now?: () => number;
}

export class ResponseCache {
  private readonly entries = new Map<string, CachedResponse>();
  private readonly inflight = new Map<string, Promise<CachedResponse>>();
  private version: string | null = null;
  private versionReadAt = Number.NEGATIVE_INFINITY;
  private pendingVersion: Promise<string> | null = null;
  private readonly versionTtlMs: number;
  private readonly maxEntries: number;
  private readonly now: () => number;
  hits = 0;
  misses = 0;

  constructor(
    private readonly store: PriceStore,
    options: ResponseCacheOptions = {},
  ) {
    this.versionTtlMs = options.versionTtlMs ?? 1000;
    this.maxEntries = options.maxEntries ?? 1000;
    this.now = options.now ?? (() => performance.now());
  }

  /** The store's data version, re-read at most once per TTL (concurrent callers share one read). */
  async dataVersion(): Promise<string> {
    if (this.version !== null && this.now() - this.versionReadAt < this.versionTtlMs) return this.version;
    if (!this.pendingVersion) {
      this.pendingVersion = this.store
        .dataVersion()
        .then((v) => {
          if (v !== this.version) this.entries.clear();
          this.version = v;
          this.versionReadAt = this.now();
          return v;
        })
        .finally(() => {
          this.pendingVersion = null;
        });
    }
    return this.pendingVersion;
  }

  /** Forgets the version read so the next request asks the store (after this server wrote to it). */
  invalidate(): void {
    this.versionReadAt = Number.NEGATIVE_INFINITY;
  }

  /** The cached response for `key` at the current data version, computing and storing it on a miss. */
  async getOrCompute(
    route: string,
    params: Readonly<Record<string, unknown>>,
    compute: () => Promise<CachedResponse>,
  ): Promise<CachedResponse> {
    const version = await this.dataVersion();
    const key = `${version}\u0000${route}\u0000${canonicalParams(params)}`;
    const hit = this.entries.get(key);
    if (hit) {
      this.hits++;
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    // one computation per key at a time: requests arriving while it runs wait for it instead of
    // starting their own (50 clients asking for a new whole-table answer would otherwise compute it 50 times)
    const running = this.inflight.get(key);
    if (running) return running;
    this.misses++;
    const pending = compute();
    this.inflight.set(key, pending);
    let value: CachedResponse;
    try {
      value = await pending;
    } finally {
      this.inflight.delete(key);
    }
    if (this.version === version) {
      this.entries.set(key, value);
      if (this.entries.size > this.maxEntries) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
    }
    return value;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** Parameters in a stable order, undefined dropped: `{b:1,a:2}` and `{a:2,b:1}` share an entry. */
export function canonicalParams(params: Readonly<Record<string, unknown>>): string {
  return Object.keys(params)
    .filter((k) => params[k] !== undefined)
    .sort()
    .map((k) => `${k}=${JSON.stringify(params[k])}`)
    .join('&');
}
