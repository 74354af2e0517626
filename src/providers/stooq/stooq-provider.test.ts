/**
 * The Stooq provider on hand-written samples of its daily CSV (test/fixtures/providers/stooq), through
 * the HTTP boundary with a replayed fetch: symbol mapping, the `No data` answer, errors.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hang, ReplayFetch, textResponse } from '../../../test/fixtures/providers/replay-fetch.js';
import { ProviderError } from '../../domain/errors.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import { StooqProvider, stooqSymbol } from './stooq-provider.js';

const d = parseIsoDate;
const sample = readFileSync(
  join(import.meta.dirname, '../../../test/fixtures/providers/stooq/aapl.us-2020-08-27-to-2020-09-02.csv'),
  'utf8',
);

function stooq(respond: (url: URL) => Response | Promise<Response>, timeoutMs = 1000) {
  const replay = new ReplayFetch([{ match: (u) => u.hostname === 'stooq.com', respond }]);
  return { replay, provider: new StooqProvider({ fetch: replay.fetch, timeoutMs }) };
}

describe('StooqProvider', () => {
  it('maps tickers to Stooq codes', () => {
    expect(stooqSymbol('AAPL')).toBe('aapl.us');
    expect(stooqSymbol('BRK.B')).toBe('brk-b.us');
    expect(stooqSymbol('^GSPC')).toBe('^spx');
    expect(stooqSymbol('^SP600')).toBeNull();
    const p = new StooqProvider();
    expect(p.canHandle('^VIX')).toBe(false);
    expect(p.canHandle('DGS10', 'rate')).toBe(false);
  });

  it('requests the mapped code and range, and parses bars (adjClose = close, NaN never invented)', async () => {
    const { provider, replay } = stooq(() => textResponse(200, sample));
    const h = await provider.fetchDaily({ symbol: 'AAPL', from: d('2020-08-28'), to: d('2020-09-01') });
    const url = new URL(replay.requests[0]!);
    expect([
      url.searchParams.get('s'),
      url.searchParams.get('i'),
      url.searchParams.get('d1'),
      url.searchParams.get('d2'),
    ]).toEqual(['aapl.us', 'd', '20200828', '20200901']);
    expect(h.provider).toBe('stooq');
    expect(Array.from(h.series.dates, formatIsoDate)).toEqual(['2020-08-28', '2020-08-31', '2020-09-01']);
    expect(Array.from(h.series.close)).toEqual([124.808, 129.04, 134.18]);
    expect(Array.from(h.series.adjClose)).toEqual([124.808, 129.04, 134.18]);
    expect(h.series.volume[1]).toBe(225702700);
  });

  it('index CSVs without a Volume column give NaN volume', async () => {
    const { provider } = stooq(() =>
      textResponse(200, 'Date,Open,High,Low,Close\n2025-01-02,5903.26,5935.09,5829.53,5868.55\n'),
    );
    const h = await provider.fetchDaily({ symbol: '^GSPC', from: d('2025-01-01'), to: d('2025-01-03') });
    expect(h.series.close[0]).toBe(5868.55);
    expect(Number.isNaN(h.series.volume[0]!)).toBe(true);
  });

  it("answers 'No data' for an unknown symbol: a non-retryable 404", async () => {
    const { provider } = stooq(() => textResponse(200, 'No data'));
    const e = (await provider
      .fetchDaily({ symbol: 'ZZZZ', from: d('2025-01-01'), to: d('2025-01-03') })
      .catch((x) => x)) as ProviderError;
    expect(e).toBeInstanceOf(ProviderError);
    expect(e.message).toMatch(/unknown symbol ZZZZ/);
    expect([e.status, e.retryable]).toEqual([404, false]);
  });

  it('a malformed line names the line; 503 and timeouts are retryable', async () => {
    const bad = await stooq(() => textResponse(200, 'Date,Open,High,Low,Close,Volume\n2025-01-02,1,2,0.5,abc,10\n'))
      .provider.fetchDaily({ symbol: 'SPY', from: d('2025-01-01'), to: d('2025-01-03') })
      .catch((x) => x);
    expect((bad as Error).message).toMatch(/malformed payload for SPY: line 2/);
    const e503 = (await stooq(() => textResponse(503, 'busy'))
      .provider.fetchDaily({ symbol: 'SPY', from: d('2025-01-01'), to: d('2025-01-03') })
      .catch((x) => x)) as ProviderError;
    expect([e503.status, e503.retryable]).toEqual([503, true]);
    const slow = (await stooq(hang, 20)
      .provider.fetchDaily({ symbol: 'SPY', from: d('2025-01-01'), to: d('2025-01-03') })
      .catch((x) => x)) as ProviderError;
    expect(slow.retryable).toBe(true);
    expect(slow.message).toMatch(/timed out/);
  });
});
