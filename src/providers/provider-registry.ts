/**
 * The providers in one place: which are on, in which order each symbol tries them, and the fetch that
 * walks that order. Per provider: a rate limit, and retries with backoff on retryable failures. When a
 * provider still fails (Yahoo answering 429, or its cookie/crumb handshake failing, for hours), the
 * next one in the symbol's order serves, and the outcome names the provider that did.
 * Rate series (kind `rate`) use the `rates` order (FRED); everything else the main `order`.
 */
import { ensureDefined } from '../domain/ensure.js';
import { ProviderError, UsageError } from '../domain/errors.js';
import { PROVIDER_RETRY, parseRetryAfter, type RetryPolicy, retryDelay } from '../domain/retry-policy.js';
import type { SymbolKind } from '../domain/symbol-info.js';
import type { DailyHistory, DataProvider, FetchDailyRequest } from './data-provider.js';
import { ProviderSecrets } from './provider-secrets.js';
import { type Clock, RateLimiter, realClock } from './request-pacing.js';

export interface ProviderSettings {
  readonly order: readonly string[];
  readonly rates: readonly string[];
  readonly disabled: readonly string[];
}

export interface ProviderAttempt {
  readonly provider: string;
  readonly tries: number;
  /** Why it failed (keys redacted), or null when it served the request. */
  readonly error: string | null;
}

export interface FetchOutcome {
  readonly history: DailyHistory;
  readonly provider: string;
  readonly attempts: readonly ProviderAttempt[];
}

/** Every provider in a symbol's order failed; `attempts` says how each one did. */
export class AllProvidersFailedError extends ProviderError {
  readonly attempts: readonly ProviderAttempt[];
  constructor(symbol: string, attempts: readonly ProviderAttempt[], retryable: boolean) {
    super(
      attempts.map((a) => a.provider).join('+') || 'none',
      `${symbol}: ${attempts.map((a) => `${a.provider}: ${a.error}`).join('; ')}`,
      { retryable },
    );
    this.attempts = attempts;
  }
}

export interface RegistryOptions {
  readonly retry?: RetryPolicy;
  /** Minimum milliseconds between two requests to one provider (default 250 ms; 0 = unpaced). */
  readonly minIntervalMs?: Readonly<Record<string, number>>;
  readonly clock?: Clock;
  readonly secrets?: ProviderSecrets;
  /** Per-request timeout for the abort signal handed to providers (they also time out themselves). */
  readonly onRetry?: (info: {
    symbol: string;
    provider: string;
    attempt: number;
    delayMs: number;
    error: string;
  }) => void;
}

export class ProviderRegistry {
  private readonly byName = new Map<string, DataProvider>();
  private readonly limiters = new Map<string, RateLimiter>();
  private readonly retry: RetryPolicy;
  private readonly clock: Clock;
  readonly secrets: ProviderSecrets;

  constructor(
    providers: readonly DataProvider[],
    private readonly settings: ProviderSettings,
    private readonly options: RegistryOptions = {},
  ) {
    for (const p of providers) this.byName.set(p.name, p);
    this.retry = options.retry ?? PROVIDER_RETRY;
    this.clock = options.clock ?? realClock;
    this.secrets = options.secrets ?? new ProviderSecrets();
    for (const p of providers)
      this.limiters.set(p.name, new RateLimiter(options.minIntervalMs?.[p.name] ?? 250, this.clock));
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  isEnabled(name: string): boolean {
    return this.byName.has(name) && !this.settings.disabled.includes(name);
  }

  /** The providers a symbol tries, in order: enabled, able to handle it; `only` forces one provider. */
  candidates(symbol: string, kind?: SymbolKind, only?: string): DataProvider[] {
    if (only !== undefined) {
      const p = this.byName.get(only);
      if (!p)
        throw new UsageError(`--provider: '${only}' is not one of ${this.names().join(', ')}`, {
          parameter: '--provider',
        });
      if (!this.isEnabled(only))
        throw new UsageError(`--provider: '${only}' is switched off in the config (providers.disabled)`, {
          parameter: '--provider',
        });
      return p.canHandle(symbol, kind) ? [p] : [];
    }
    const order = kind === 'rate' ? this.settings.rates : this.settings.order;
    return order
      .filter((n) => this.isEnabled(n))
      .map((n) => ensureDefined(this.byName.get(n), `provider '${n}' of the provider order`))
      .filter((p) => p.canHandle(symbol, kind));
  }

  /** Fetches from the first provider in the symbol's order that succeeds (after its retries). */
  async fetchDaily(request: FetchDailyRequest, only?: string): Promise<FetchOutcome> {
    const providers = this.candidates(request.symbol, request.kind, only);
    if (providers.length === 0) {
      throw new AllProvidersFailedError(
        request.symbol,
        [{ provider: only ?? 'none', tries: 0, error: 'no enabled provider handles this symbol' }],
        false,
      );
    }
    const attempts: ProviderAttempt[] = [];
    let anyRetryable = false;
    for (const provider of providers) {
      let tries = 0;
      for (;;) {
        tries++;
        await ensureDefined(this.limiters.get(provider.name), `request pacing of ${provider.name}`).acquire();
        try {
          const history = await provider.fetchDaily(request);
          attempts.push({ provider: provider.name, tries, error: null });
          return { history, provider: provider.name, attempts };
        } catch (e) {
          const error =
            e instanceof ProviderError
              ? e
              : new ProviderError(provider.name, e instanceof Error ? e.message : String(e), { cause: e });
          const message = this.secrets.redact(error.message);
          const retryAfterMs = parseRetryAfter(error.retryAfter, this.clock.now());
          const delayMs = error.retryable ? retryDelay(this.retry, tries, this.clock.random(), retryAfterMs) : null;
          if (delayMs !== null) {
            this.options.onRetry?.({
              symbol: request.symbol,
              provider: provider.name,
              attempt: tries,
              delayMs,
              error: message,
            });
            await this.clock.sleep(delayMs);
            continue;
          }
          anyRetryable ||= error.retryable;
          attempts.push({ provider: provider.name, tries, error: message });
          break;
        }
      }
    }
    throw new AllProvidersFailedError(request.symbol, attempts, anyRetryable);
  }
}
