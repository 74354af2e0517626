/**
 * The registry the CLI uses: Yahoo, Stooq and FRED (and the offline demo market, only when asked for
 * with --provider demo or put in the order) with the config's order and switches, keys from
 * the config or environment. Tests pass their own `fetch` (replayed responses) and clock.
 */
import { defaultConfig } from '../config/universe-config.js';
import { DemoProvider } from './demo/demo-provider.js';
import { FredProvider } from './fred/fred-provider.js';
import type { FetchLike } from './provider-http.js';
import { ProviderRegistry, type ProviderSettings, type RegistryOptions } from './provider-registry.js';
import { ProviderSecrets } from './provider-secrets.js';
import { StooqProvider } from './stooq/stooq-provider.js';
import { YahooProvider } from './yahoo/yahoo-provider.js';

export interface DefaultProvidersOptions extends RegistryOptions {
  readonly fetch?: FetchLike;
  readonly timeoutMs?: number;
  readonly keys?: Readonly<Record<string, string>>;
  readonly env?: NodeJS.ProcessEnv;
}

/** Default pacing: Yahoo and Stooq tolerate about two requests a second from one client; FRED more. */
export const DEFAULT_MIN_INTERVAL_MS: Readonly<Record<string, number>> = { yahoo: 500, stooq: 500, fred: 200, demo: 0 };

export function createDefaultRegistry(
  settings: ProviderSettings,
  options: DefaultProvidersOptions = {},
): ProviderRegistry {
  const http = { fetch: options.fetch, timeoutMs: options.timeoutMs };
  const demo = new DemoProvider(defaultConfig().symbols);
  return new ProviderRegistry(
    [new YahooProvider(http), new StooqProvider(http), new FredProvider(http), demo],
    settings,
    {
      ...options,
      minIntervalMs: options.minIntervalMs ?? DEFAULT_MIN_INTERVAL_MS,
      secrets: options.secrets ?? new ProviderSecrets(options.keys ?? {}, options.env ?? process.env),
    },
  );
}
