/**
 * The HTTP boundary shared by the CSV providers: one fetch with a timeout, statuses mapped to
 * ProviderError (408, 429, 5xx and timeouts are retryable, with the server's Retry-After; other 4xx are not). The fetch function is
 * injectable, so tests replay recorded responses through the same code path.
 */
import { ProviderError } from '../domain/errors.js';
import { isRetryableStatus } from '../domain/retry-policy.js';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface HttpOptions {
  readonly fetch?: FetchLike | undefined;
  /** Milliseconds before a request is abandoned (default 20 s). */
  readonly timeoutMs?: number | undefined;
}

/**
 * The ProviderError for a failed HTTP answer: its status, whether the retry policy should try again
 * (src/domain/retry-policy.ts) and the server's Retry-After, if any. `what` names the request.
 */
export function httpStatusError(provider: string, response: Response, what?: string): ProviderError {
  const limited = response.status === 429 ? ' (rate limited)' : '';
  return new ProviderError(provider, `HTTP ${response.status}${limited}${what ? ` for ${what}` : ''}`, {
    status: response.status,
    retryable: isRetryableStatus(response.status),
    retryAfter: response.headers.get('retry-after') ?? undefined,
  });
}

/**
 * A fetch with the provider's timeout, linked to the caller's abort signal. `init` (headers, method,
 * body ...) is passed on as given; only its signal is replaced by one that also fires on the timeout.
 */
export async function fetchWithTimeout(
  provider: string,
  url: string,
  options: HttpOptions,
  signal?: AbortSignal,
  init?: RequestInit,
): Promise<Response> {
  const fetchFn = options.fetch ?? (globalThis.fetch as FetchLike);
  const timeoutMs = options.timeoutMs ?? 20_000;
  const controller = new AbortController();
  const timer = setTimeout(
    () => controller.abort(new ProviderError(provider, `timed out after ${timeoutMs} ms`, { retryable: true })),
    timeoutMs,
  );
  const onAbort = () => controller.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  // Race the abort too: a fetch that ignores its signal must still time out.
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
  });
  try {
    return await Promise.race([fetchFn(url, { ...init, signal: controller.signal }), aborted]);
  } catch (e) {
    if (e instanceof ProviderError) throw e;
    if (controller.signal.aborted && controller.signal.reason instanceof ProviderError) throw controller.signal.reason;
    throw new ProviderError(provider, `network error: ${(e as Error).message ?? String(e)}`, {
      cause: e,
      retryable: true,
    });
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/** The response body as text, or a ProviderError for a failed status. */
export async function okText(provider: string, response: Response, what: string): Promise<string> {
  if (!response.ok) throw httpStatusError(provider, response, what);
  return response.text();
}
