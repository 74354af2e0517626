/**
 * The typed errors of MarketDash. Faces map them: the CLI to exit codes and one-line messages,
 * the server to HTTP statuses and JSON bodies. A user's mistake never shows a stack trace.
 */

export type ErrorKind = 'usage' | 'data' | 'not_found' | 'provider' | 'internal';

export abstract class MarketDashError extends Error {
  abstract readonly kind: ErrorKind;
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A bad parameter, option or command line: exit code 2, HTTP 400. */
export class UsageError extends MarketDashError {
  readonly kind = 'usage' as const;
  /** The parameter at fault, when there is one (`--as-of`, `symbols`). */
  readonly parameter: string | undefined;
  constructor(message: string, options?: { cause?: unknown; parameter?: string }) {
    super(message, options);
    this.parameter = options?.parameter;
  }
}

/** Bad or missing data: a malformed file, too little history. Exit code 1, HTTP 422. */
export class DataError extends MarketDashError {
  readonly kind = 'data' as const;
  readonly file: string | undefined;
  readonly line: number | undefined;
  constructor(message: string, options?: { cause?: unknown; file?: string; line?: number }) {
    super(message, options);
    this.file = options?.file;
    this.line = options?.line;
  }
}

/** An unknown symbol, group or basket: exit code 1, HTTP 404. */
export class NotFoundError extends MarketDashError {
  readonly kind = 'not_found' as const;
  readonly what: string;
  constructor(what: string, message?: string) {
    super(message ?? `unknown symbol '${what}' (run 'marketdash symbols' to see what is stored)`);
    this.what = what;
  }
}

/** A data provider failed (network, 429, malformed payload). */
export class ProviderError extends MarketDashError {
  readonly kind = 'provider' as const;
  readonly provider: string;
  readonly status: number | undefined;
  readonly retryable: boolean;
  /** The answer's Retry-After header as sent (seconds or an HTTP-date), read by the retry policy. */
  readonly retryAfter: string | undefined;
  constructor(
    provider: string,
    message: string,
    options?: { cause?: unknown; status?: number; retryable?: boolean; retryAfter?: string | undefined },
  ) {
    super(`${provider}: ${message}`, options);
    this.provider = provider;
    this.status = options?.status;
    this.retryable = options?.retryable ?? false;
    this.retryAfter = options?.retryAfter;
  }
}

export function isMarketDashError(e: unknown): e is MarketDashError {
  return e instanceof MarketDashError;
}
