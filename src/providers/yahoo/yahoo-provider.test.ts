/**
 * The Yahoo provider replayed on real recorded chart payloads (../shared/fixtures/providers/yahoo,
 * recorded by the yahoo-finance2 project) and hand-recorded ones (test/fixtures/providers/yahoo):
 * the library's pipeline and our mapping run for real; only the network is replaced.
 * Expected values are read off the recorded JSON by hand.
 */
import { describe, expect, it } from 'vitest';
import {
  hang,
  localFixture,
  ReplayFetch,
  sharedYahoo,
  toResponse,
  yahooChart,
} from '../../../test/fixtures/providers/replay-fetch.js';
import { hasSharedFixtures } from '../../../test/support/shared-data.js';
import { ProviderError } from '../../domain/errors.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import { unadjustedCloses } from '../data-provider.js';
import { YahooProvider, yahooSymbol } from './yahoo-provider.js';

const d = parseIsoDate;
/** Tests that replay ../shared/fixtures/providers/yahoo run where it exists and are reported as skipped elsewhere. */
const itOnRecordings = hasSharedFixtures() ? it : it.skip;

function provider(routes: ConstructorParameters<typeof ReplayFetch>[0], timeoutMs = 2000) {
  const replay = new ReplayFetch(routes);
  return { replay, yahoo: new YahooProvider({ fetch: replay.fetch, timeoutMs }) };
}

describe('YahooProvider on recorded payloads', () => {
  itOnRecordings(
    'maps the AAPL chart across the 4:1 split of 2020-08-31 (bars already split-adjusted, event reported)',
    async () => {
      const { yahoo, replay } = provider([
        {
          match: yahooChart('AAPL'),
          respond: () => toResponse(sharedYahoo('chart-AAPL-2020-08-31-to-2020-11-07.json')),
        },
      ]);
      const h = await yahoo.fetchDaily({ symbol: 'AAPL', from: d('2020-08-31'), to: d('2020-11-06') });
      expect(replay.requests[0]).toContain('/v8/finance/chart/AAPL');
      expect(h.provider).toBe('yahoo');
      expect(h.kind).toBe('stock');
      expect(h.currency).toBe('USD');
      expect(formatIsoDate(h.series.dates[0]!)).toBe('2020-08-31');
      // First row of the recording: open 127.58, high 131, low 126, close 129.04, adjclose 125.8267, volume 225,702,700.
      expect(h.series.open[0]).toBeCloseTo(127.58, 4);
      expect(h.series.high[0]).toBe(131);
      expect(h.series.low[0]).toBe(126);
      expect(h.series.close[0]).toBeCloseTo(129.04, 4);
      expect(h.series.adjClose[0]).toBeCloseTo(125.8267, 3);
      expect(h.series.volume[0]).toBe(225702700);
      expect(h.splits).toEqual([{ day: d('2020-08-31'), numerator: 4, denominator: 1 }]);
      expect(h.dividends).toEqual([{ day: d('2020-11-06'), amount: 0.205 }]);
      // Dates strictly ascending, all weekdays.
      for (let i = 1; i < h.series.dates.length; i++)
        expect(h.series.dates[i]!).toBeGreaterThan(h.series.dates[i - 1]!);
      // Unadjusted closes: the split is on the first day, so nothing in range is before it.
      expect(unadjustedCloses(h.series, h.splits)[0]).toBeCloseTo(129.04, 4);
    },
  );

  itOnRecordings('gives the unadjusted close before a split as the adjusted close times the ratio', async () => {
    const { yahoo } = provider([
      { match: yahooChart('AAPL'), respond: () => toResponse(sharedYahoo('chart-AAPL-2020-01-01-to-2020-01-03.json')) },
    ]);
    const h = await yahoo.fetchDaily({ symbol: 'AAPL', from: d('2020-01-01'), to: d('2020-01-03') });
    // 2020-01-02 close 75.0875 split-adjusted = 300.35 as traded before the 4:1 split.
    expect(h.series.close[0]).toBeCloseTo(75.0875, 3);
    expect(unadjustedCloses(h.series, [{ day: d('2020-08-31'), numerator: 4, denominator: 1 }])[0]).toBeCloseTo(
      300.35,
      2,
    );
  });

  itOnRecordings(
    'reads the MSFT dividends of 2021 (0.56 x 3, then 0.62) and an adjusted close below the close',
    async () => {
      const { yahoo } = provider([
        {
          match: yahooChart('MSFT'),
          respond: () =>
            toResponse(sharedYahoo('historical-via-chart-MSFT-dividends-2021-02-01-to-2022-01-31.csv.json')),
        },
      ]);
      const h = await yahoo.fetchDaily({ symbol: 'MSFT', from: d('2021-02-01'), to: d('2022-01-31') });
      expect(h.dividends.map((x) => [formatIsoDate(x.day), x.amount])).toEqual([
        ['2021-02-17', 0.56],
        ['2021-05-19', 0.56],
        ['2021-08-18', 0.56],
        ['2021-11-17', 0.62],
      ]);
      expect(h.series.dates.length).toBe(252);
      expect(h.series.adjClose[0]!).toBeLessThan(h.series.close[0]!);
    },
  );

  it('maps an index (^VIX): kind index, volume 0, exchange-local dates', async () => {
    const { yahoo, replay } = provider([
      {
        match: yahooChart('^VIX'),
        respond: () => toResponse(localFixture('yahoo/chart-VIX-2020-03-12-to-2020-03-19.hand.json')),
      },
    ]);
    const h = await yahoo.fetchDaily({ symbol: '^VIX', from: d('2020-03-12'), to: d('2020-03-19') });
    expect(decodeURIComponent(replay.requests[0]!)).toContain('/chart/^VIX');
    expect(h.kind).toBe('index');
    expect(Array.from(h.series.dates, formatIsoDate)).toEqual([
      '2020-03-12',
      '2020-03-13',
      '2020-03-16',
      '2020-03-17',
      '2020-03-18',
      '2020-03-19',
    ]);
    expect(Array.from(h.series.close)).toEqual([75.47, 57.83, 82.69, 75.91, 76.45, 72]);
    expect(h.series.volume.every((v) => v === 0)).toBe(true);
  });

  itOnRecordings('maps an ETF, and a non-US listing in its own time zone and currency', async () => {
    const { yahoo } = provider([
      { match: yahooChart('QQQ'), respond: () => toResponse(sharedYahoo('chart-QQQ-2020-01-01-to-2020-01-03.json')) },
      {
        match: yahooChart('WSU.DE'),
        respond: () => toResponse(sharedYahoo('chart-WSU.DE-2023-08-04-to-2023-08-09.json')),
      },
    ]);
    const qqq = await yahoo.fetchDaily({ symbol: 'QQQ', from: d('2020-01-01'), to: d('2020-01-03') });
    expect(qqq.kind).toBe('etf');
    expect(formatIsoDate(qqq.series.dates[0]!)).toBe('2020-01-02');
    expect(qqq.series.close[0]).toBeCloseTo(216.16, 2);
    const wsu = await yahoo.fetchDaily({ symbol: 'WSU.DE', from: d('2023-08-04'), to: d('2023-08-09') });
    expect(wsu.currency).toBe('EUR');
    expect(Array.from(wsu.series.dates, formatIsoDate)).toEqual(['2023-08-04', '2023-08-07', '2023-08-08']);
  });

  it('returns an empty series for an empty range (no timestamps, one empty quote)', async () => {
    const { yahoo } = provider([
      { match: yahooChart('AAPL'), respond: () => toResponse(localFixture('yahoo/chart-empty-range.hand.json')) },
    ]);
    const h = await yahoo.fetchDaily({ symbol: 'AAPL', from: d('2020-01-04'), to: d('2020-01-05') });
    expect(h.series.dates.length).toBe(0);
    expect(h.splits).toEqual([]);
  });

  itOnRecordings('searches by name (recorded search endpoint)', async () => {
    const { yahoo } = provider([
      { match: (u) => u.pathname.includes('/search'), respond: () => toResponse(sharedYahoo('search-AAPL.json')) },
    ]);
    const results = await yahoo.search('AAPL');
    expect(results[0]).toMatchObject({ symbol: 'AAPL', kind: 'stock' });
    expect(results[0]!.name).toMatch(/Apple/);
  });

  it('maps our tickers to Yahoo spellings', () => {
    expect(yahooSymbol('BRK.B')).toBe('BRK-B');
    expect(yahooSymbol('^SP600')).toBe('^SP600');
    expect(yahooSymbol('WSU.DE')).toBe('WSU.DE');
  });
});

describe('YahooProvider request headers', () => {
  // Regression: the fetch boundary passed only the URL and the abort signal, dropping the library's own
  // headers (its User-Agent, and the cookie it keeps from earlier responses), which Yahoo needs.
  itOnRecordings(
    "forwards yahoo-finance2's headers: its User-Agent, and the cookie a previous response set",
    async () => {
      const seen: Headers[] = [];
      const { yahoo } = provider([
        {
          match: yahooChart('AAPL'),
          respond: (_url, init) => {
            seen.push(new Headers(init?.headers));
            const r = toResponse(sharedYahoo('chart-AAPL-2020-08-31-to-2020-11-07.json'));
            r.headers.append('set-cookie', 'A3=d=AQABBKx; Domain=.yahoo.com; Path=/; Secure');
            return r;
          },
        },
      ]);
      await yahoo.fetchDaily({ symbol: 'AAPL', from: d('2020-08-31'), to: d('2020-11-06') });
      await yahoo.fetchDaily({ symbol: 'AAPL', from: d('2020-08-31'), to: d('2020-11-06') });
      expect(seen.length).toBe(2);
      expect(seen[0]!.get('user-agent')).toMatch(/^Mozilla\/5\.0 /);
      expect(seen[1]!.get('cookie')).toBe('A3=d=AQABBKx');
    },
  );
});

describe('YahooProvider failures', () => {
  const fail = async (respond: Parameters<typeof provider>[0][0]['respond'], timeoutMs?: number) => {
    const { yahoo } = provider([{ match: yahooChart('AAPL'), respond }], timeoutMs);
    return yahoo.fetchDaily({ symbol: 'AAPL', from: d('2020-01-01'), to: d('2020-01-03') }).then(
      () => null,
      (e: unknown) => e,
    );
  };

  it('429 is a retryable ProviderError naming the status', async () => {
    const e = await fail(() => toResponse(localFixture('yahoo/chart-429-too-many-requests.hand.json')));
    expect(e).toBeInstanceOf(ProviderError);
    expect((e as ProviderError).status).toBe(429);
    expect((e as ProviderError).retryable).toBe(true);
    expect((e as ProviderError).message).toMatch(/^yahoo: HTTP 429/);
  });

  it('5xx is retryable, 404 is not', async () => {
    const e5 = (await fail(() => new Response('upstream', { status: 502 }))) as ProviderError;
    expect([e5.status, e5.retryable]).toEqual([502, true]);
    const e4 = (await fail(
      () =>
        new Response(
          '{"chart":{"result":null,"error":{"code":"Not Found","description":"No data found, symbol may be delisted"}}}',
          { status: 404 },
        ),
    )) as ProviderError;
    expect([e4.status, e4.retryable]).toEqual([404, false]);
  });

  it('a timeout is a retryable ProviderError', async () => {
    const e = (await fail(hang, 30)) as ProviderError;
    expect(e).toBeInstanceOf(ProviderError);
    expect(e.message).toMatch(/timed out after 30 ms/);
    expect(e.retryable).toBe(true);
  });

  itOnRecordings(
    "quotes without timestamps (the yahoo-finance2 project's fake payload) are a malformed payload",
    async () => {
      const e = (await fail(() =>
        toResponse(sharedYahoo('chart-notimestamp-quotes-length.fake.json')),
      )) as ProviderError;
      expect(e).toBeInstanceOf(ProviderError);
      expect(e.message).toMatch(/malformed payload/);
    },
  );

  it('a malformed (truncated) payload is a non-retryable ProviderError', async () => {
    const e = (await fail(() =>
      toResponse(localFixture('yahoo/chart-malformed-truncated.hand.json')),
    )) as ProviderError;
    expect(e).toBeInstanceOf(ProviderError);
    expect(e.message).toMatch(/malformed payload/);
    expect(e.retryable).toBe(false);
  });
});
