/**
 * The typed errors of MarketDash. Faces map them: the CLI to exit codes and one-line messages,
 * the server to HTTP statuses and JSON bodies. A user's mistake never shows a stack trace.
 */

export type ErrorKind = 'usage' | 'data' | 'not_found' | 'provider' | 'internal';

/**
 * The messages are interface-neutral: they say what is wrong or missing in the product's terms, since the
 * API and the web page show them as they are. What to type next in the CLI goes in `hint`, which only the
 * CLI prints (`cliErrorLine`): "unknown symbol 'ZZZ'; run 'marketdash symbols' to see what is stored".
 */
export interface ErrorOptions {
  readonly cause?: unknown;
  /** The CLI's next step ("run 'marketdash symbols' to see what is stored"); the API leaves it out. */
  readonly hint?: string | undefined;
}

export abstract class MarketDashError extends Error {
  abstract readonly kind: ErrorKind;
  readonly hint: string | undefined;
  constructor(message: string, options?: ErrorOptions) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.hint = options?.hint;
  }
}

/** The one line the CLI prints for a MarketDash error: the message, then the CLI's hint when there is one. */
export function cliErrorLine(e: MarketDashError): string {
  return e.hint === undefined ? e.message : `${e.message}; ${e.hint}`;
}

/** A bad parameter, option or command line: exit code 2, HTTP 400. */
export class UsageError extends MarketDashError {
  readonly kind = 'usage' as const;
  /** The parameter at fault, when there is one (`--as-of`, `symbols`). */
  readonly parameter: string | undefined;
  constructor(message: string, options?: ErrorOptions & { parameter?: string }) {
    super(message, options);
    this.parameter = options?.parameter;
  }
}

/** Bad or missing data: a malformed file, too little history. Exit code 1, HTTP 422. */
export class DataError extends MarketDashError {
  readonly kind = 'data' as const;
  readonly file: string | undefined;
  readonly line: number | undefined;
  constructor(message: string, options?: ErrorOptions & { file?: string; line?: number }) {
    super(message, options);
    this.file = options?.file;
    this.line = options?.line;
  }
}

/** An unknown symbol, group or basket: exit code 1, HTTP 404. */
export class NotFoundError extends MarketDashError {
  readonly kind = 'not_found' as const;
  readonly what: string;
  constructor(what: string, message?: string, options?: ErrorOptions) {
    super(
      message ?? `unknown symbol '${what}'`,
      message === undefined ? { hint: "run 'marketdash symbols' to see what is stored", ...options } : options,
    );
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
