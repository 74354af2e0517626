/**
 * The registry's order, switches, retries with backoff, fallback and key redaction, with scripted
 * providers and a fake clock (no waiting). Then the default registry over replayed HTTP: Yahoo answers
 * 429 every time, Stooq serves, and the outcome says so.
 */
import { describe, expect, it } from 'vitest';
import {
  localFixture,
  ReplayFetch,
  textResponse,
  toResponse,
  yahooChart,
} from '../../test/fixtures/providers/replay-fetch.js';
import { FakeClock } from '../../test/support/fake-clock.js';
import { ProviderError } from '../domain/errors.js';
import { closeOnlySeries } from '../domain/price-series.js';
import { parseIsoDate } from '../domain/trading-date.js';
import type { DailyHistory, DataProvider, FetchDailyRequest } from './data-provider.js';
import { createDefaultRegistry } from './default-providers.js';
import { AllProvidersFailedError, ProviderRegistry } from './provider-registry.js';
import { ProviderSecrets } from './provider-secrets.js';
import { mapWithConcurrency, RateLimiter } from './request-pacing.js';

function scripted(
  name: string,
  script: (Error | 'ok')[],
  kinds: string[] = ['stock', 'etf', 'index'],
): DataProvider & { calls: number } {
  const p = {
    name,
    testSymbol: 'SPY',
    calls: 0,
    canHandle: (_s: string, kind?: string) => kind === undefined || kinds.includes(kind),
    async fetchDaily(req: FetchDailyRequest): Promise<DailyHistory> {
      const step = script[Math.min(p.calls++, script.length - 1)]!;
      if (step !== 'ok') throw step;
      return {
        symbol: req.symbol,
        provider: name,
        series: closeOnlySeries(req.symbol, [req.from], [1]),
        splits: [],
        dividends: [],
        currency: 'USD',
        name: null,
        kind: null,
      };
    },
  };
  return p;
}
const req = { symbol: 'AAPL', from: parseIsoDate('2025-01-02'), to: parseIsoDate('2025-01-03') };
const e429 = () => new ProviderError('yahoo', 'HTTP 429 (rate limited)', { status: 429, retryable: true });

describe('ProviderRegistry', () => {
  it('retries a retryable failure with exponential backoff and jitter, then succeeds', async () => {
    const clock = new FakeClock();
    const yahoo = scripted('yahoo', [e429(), e429(), 'ok']);
    const reg = new ProviderRegistry(
      [yahoo],
      { order: ['yahoo'], rates: [], disabled: [] },
      { clock, retry: { retries: 3, baseDelayMs: 100, maxDelayMs: 1000 }, minIntervalMs: { yahoo: 0 } },
    );
    const out = await reg.fetchDaily(req);
    expect(out.provider).toBe('yahoo');
    expect(out.attempts).toEqual([{ provider: 'yahoo', tries: 3, error: null }]);
    // equal jitter with random 0.5: 100 -> 75, 200 -> 150
    expect(clock.sleeps).toEqual([75, 150]);
  });

  it('waits as long as the Retry-After of a 429 asks, in seconds or as an HTTP-date', async () => {
    // 2026-12-05T12:00:00Z; the HTTP-date below is 7 s later
    const clock = new FakeClock(Date.UTC(2026, 11, 5, 12, 0, 0));
    const limited = (retryAfter: string) =>
      new ProviderError('yahoo', 'HTTP 429 (rate limited)', { status: 429, retryable: true, retryAfter });
    const yahoo = scripted('yahoo', [limited('3'), limited('Sat, 05 Dec 2026 12:00:10 GMT'), 'ok']);
    const reg = new ProviderRegistry(
      [yahoo],
      { order: ['yahoo'], rates: [], disabled: [] },
      { clock, retry: { retries: 3, baseDelayMs: 100, maxDelayMs: 1000 }, minIntervalMs: { yahoo: 0 } },
    );
    expect((await reg.fetchDaily(req)).attempts).toEqual([{ provider: 'yahoo', tries: 3, error: null }]);
    // 3 s asked (over the 75 ms backoff); then at 12:00:03 the date is 7 s away
    expect(clock.sleeps).toEqual([3000, 7000]);
  });

  it('gives up at once when Retry-After asks for longer than the policy waits', async () => {
    const clock = new FakeClock();
    const yahoo = scripted('yahoo', [
      new ProviderError('yahoo', 'HTTP 503', { status: 503, retryable: true, retryAfter: '3600' }),
    ]);
    const reg = new ProviderRegistry([yahoo], { order: ['yahoo'], rates: [], disabled: [] }, { clock });
    const e = (await reg.fetchDaily(req).catch((x) => x)) as AllProvidersFailedError;
    expect(e).toBeInstanceOf(AllProvidersFailedError);
    expect([yahoo.calls, clock.sleeps.length]).toEqual([1, 0]);
  });

  it('falls back to the next provider when one keeps failing, and names who served', async () => {
    const clock = new FakeClock();
    const yahoo = scripted('yahoo', [e429()]);
    const stooq = scripted('stooq', ['ok']);
    const reg = new ProviderRegistry(
      [yahoo, stooq],
      { order: ['yahoo', 'stooq'], rates: [], disabled: [] },
      { clock, retry: { retries: 2, baseDelayMs: 10, maxDelayMs: 100 } },
    );
    const out = await reg.fetchDaily(req);
    expect(out.provider).toBe('stooq');
    expect(out.history.provider).toBe('stooq');
    expect(out.attempts.map((a) => [a.provider, a.tries, a.error])).toEqual([
      ['yahoo', 3, 'yahoo: HTTP 429 (rate limited)'],
      ['stooq', 1, null],
    ]);
  });

  it('does not retry a non-retryable failure', async () => {
    const yahoo = scripted('yahoo', [new ProviderError('yahoo', 'malformed payload for AAPL')]);
    const reg = new ProviderRegistry(
      [yahoo],
      { order: ['yahoo'], rates: [], disabled: [] },
      { clock: new FakeClock() },
    );
    const e = (await reg.fetchDaily(req).catch((x) => x)) as AllProvidersFailedError;
    expect(e).toBeInstanceOf(AllProvidersFailedError);
    expect(yahoo.calls).toBe(1);
    expect(e.retryable).toBe(false);
    expect(e.message).toMatch(/malformed payload/);
  });

  it('skips disabled providers, uses the rates order for rates, and honours --provider', async () => {
    const yahoo = scripted('yahoo', ['ok']);
    const stooq = scripted('stooq', ['ok']);
    const fred = scripted('fred', ['ok'], ['rate']);
    const reg = new ProviderRegistry(
      [yahoo, stooq, fred],
      { order: ['yahoo', 'stooq'], rates: ['fred'], disabled: ['yahoo'] },
      { clock: new FakeClock() },
    );
    expect(reg.candidates('AAPL', 'stock').map((p) => p.name)).toEqual(['stooq']);
    expect(reg.candidates('DGS10', 'rate').map((p) => p.name)).toEqual(['fred']);
    expect(() => reg.candidates('AAPL', 'stock', 'yahoo')).toThrow(/switched off/);
    expect(() => reg.candidates('AAPL', 'stock', 'nope')).toThrow(/--provider: 'nope'/);
    expect((await reg.fetchDaily(req, 'stooq')).provider).toBe('stooq');
  });

  it('never shows an API key in an error', async () => {
    const secrets = new ProviderSecrets({}, { MARKETDASH_TIINGO_API_KEY: 'sekrit-key-123' });
    expect(secrets.keyFor('tiingo')).toBe('sekrit-key-123');
    const tiingo = scripted('tiingo', [
      new ProviderError('tiingo', 'HTTP 401 for https://api.tiingo.com/x?token=sekrit-key-123'),
    ]);
    const reg = new ProviderRegistry(
      [tiingo],
      { order: ['tiingo'], rates: [], disabled: [] },
      { clock: new FakeClock(), secrets },
    );
    const e = (await reg.fetchDaily(req).catch((x) => x)) as Error;
    expect(e.message).not.toContain('sekrit-key-123');
    expect(e.message).toContain('token=***');
  });
});

describe('pacing', () => {
  it('the rate limiter spaces request starts', async () => {
    const clock = new FakeClock();
    const rl = new RateLimiter(500, clock);
    await rl.acquire();
    await rl.acquire();
    await rl.acquire();
    expect(clock.sleeps).toEqual([500, 500]);
  });

  it('mapWithConcurrency keeps order and never runs more than the limit', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapWithConcurrency([1, 2, 3, 4, 5, 6], 2, async (x) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, 2));
      running--;
      return x * 10;
    });
    expect(out).toEqual([10, 20, 30, 40, 50, 60]);
    expect(peak).toBe(2);
  });
});

describe('default registry over replayed HTTP', () => {
  it('Yahoo answering 429 throughout: Stooq serves and the outcome names it', async () => {
    const replay = new ReplayFetch([
      {
        match: yahooChart('AAPL'),
        respond: () => toResponse(localFixture('yahoo/chart-429-too-many-requests.hand.json')),
      },
      {
        match: (u) => u.hostname === 'stooq.com',
        respond: () =>
          textResponse(
            200,
            'Date,Open,High,Low,Close,Volume\n2025-01-02,248.93,249.1,241.82,243.85,55740731\n2025-01-03,243.36,244.18,241.89,243.36,40244114\n',
          ),
      },
    ]);
    const clock = new FakeClock();
    const reg = createDefaultRegistry(
      { order: ['yahoo', 'stooq'], rates: ['fred'], disabled: [] },
      { fetch: replay.fetch, clock, retry: { retries: 2, baseDelayMs: 1000, maxDelayMs: 4000 }, env: {} },
    );
    const out = await reg.fetchDaily({ ...req, kind: 'stock' });
    expect(out.provider).toBe('stooq');
    expect(out.attempts[0]).toEqual({ provider: 'yahoo', tries: 3, error: 'yahoo: HTTP 429 (rate limited)' });
    expect(replay.requests.filter((u) => u.includes('finance.yahoo.com')).length).toBe(3);
    expect(Array.from(out.history.series.close)).toEqual([243.85, 243.36]);
  });
});
