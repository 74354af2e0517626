/**
 * Yahoo Finance daily bars through the `yahoo-finance2` package (the v8 chart API): stocks, ETFs and
 * indices (^VIX, ^RUT, ^SP600, ^GSPC). Yahoo's close is split-adjusted and its adjclose also folds in
 * dividends, which is our convention; splits and dividends come from the chart's events.
 * Days are exchange-local: a bar's timestamp plus the exchange's GMT offset.
 * HTTP failures are caught at the fetch boundary (before the library logs them) and become
 * ProviderErrors: 429 and 5xx retryable; a malformed payload is not.
 */
import YahooFinance from 'yahoo-finance2';
import { ProviderError } from '../../domain/errors.js';
import { seriesOfLength } from '../../domain/price-series.js';
import type { SymbolKind } from '../../domain/symbol-info.js';
import { type DayNumber, formatIsoDate } from '../../domain/trading-date.js';
import type {
  DailyHistory,
  DataProvider,
  DividendEvent,
  FetchDailyRequest,
  SearchResult,
  SplitEvent,
} from '../data-provider.js';
import { fetchWithTimeout, type HttpOptions, httpStatusError } from '../provider-http.js';

const NAME = 'yahoo';
const DAY_SECONDS = 86_400;

/** Our ticker as Yahoo spells it: class shares use a dash (BRK.B -> BRK-B); indices keep their caret. */
export function yahooSymbol(ticker: string): string {
  // Class shares use a dash at Yahoo (BRK.B -> BRK-B); exchange suffixes (WSU.DE) and indices stay.
  return /^[A-Z]+\.[A-C]$/.test(ticker) ? ticker.replace('.', '-') : ticker;
}

interface ChartObject {
  meta: {
    currency?: string | null;
    symbol: string;
    gmtoffset?: number;
    instrumentType?: string;
    longName?: string;
    shortName?: string;
  };
  timestamp?: number[];
  events?: {
    dividends?: Record<string, { amount: number; date: Date | number }>;
    splits?: Record<string, { date: Date | number; numerator: number; denominator: number }>;
  };
  indicators: {
    quote: {
      open?: (number | null)[];
      high?: (number | null)[];
      low?: (number | null)[];
      close?: (number | null)[];
      volume?: (number | null)[];
    }[];
    adjclose?: { adjclose?: (number | null)[] }[];
  };
}

const silentLogger = { info() {}, warn() {}, error() {}, debug() {}, dir() {} };

function kindOf(instrumentType: string | undefined): SymbolKind | null {
  switch (instrumentType) {
    case 'EQUITY':
      return 'stock';
    case 'ETF':
    case 'MUTUALFUND':
      return 'etf';
    case 'INDEX':
      return 'index';
    default:
      return null;
  }
}

function epochOf(d: Date | number): number {
  return typeof d === 'number' ? d : Math.floor(d.getTime() / 1000);
}

export class YahooProvider implements DataProvider {
  readonly name = NAME;
  readonly testSymbol = 'SPY';
  private readonly client: InstanceType<typeof YahooFinance>;

  constructor(private readonly http: HttpOptions = {}) {
    // Every request goes through fetchWithTimeout: HTTP errors become ProviderErrors right there. The
    // library's own request options pass through whole (its User-Agent, the cookie and crumb it keeps).
    const boundary = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const response = await fetchWithTimeout(NAME, url, this.http, init?.signal ?? undefined, init);
      if (!response.ok) throw httpStatusError(NAME, response);
      return response;
    };
    this.client = new YahooFinance({
      fetch: boundary as typeof fetch,
      suppressNotices: ['yahooSurvey'],
      versionCheck: false,
      validation: { logErrors: false, logOptionsErrors: false },
      logger: silentLogger,
    });
  }

  canHandle(symbol: string, kind?: SymbolKind): boolean {
    return kind !== 'rate' && kind !== 'basket' && /^\^?[A-Z0-9.\-=]+$/i.test(symbol);
  }

  async fetchDaily(request: FetchDailyRequest): Promise<DailyHistory> {
    const { symbol, from, to } = request;
    let chart: ChartObject;
    try {
      chart = (await this.client.chart(
        yahooSymbol(symbol),
        {
          period1: formatIsoDate(from),
          period2: formatIsoDate(to + 1),
          interval: '1d',
          events: 'div|split',
          return: 'object',
        },
        { fetchOptions: { signal: request.signal } },
      )) as unknown as ChartObject;
    } catch (e) {
      throw toProviderError(e, symbol);
    }
    return parseYahooChart(symbol, chart, from, to);
  }

  async search(name: string): Promise<SearchResult[]> {
    try {
      const r = (await this.client.search(name, { quotesCount: 10, newsCount: 0 })) as unknown as {
        quotes: { symbol?: string; longname?: string; shortname?: string; quoteType?: string; exchange?: string }[];
      };
      return r.quotes
        .filter((q) => typeof q.symbol === 'string')
        .map((q) => ({
          symbol: q.symbol!,
          name: q.longname ?? q.shortname ?? null,
          kind: kindOf(q.quoteType),
          exchange: q.exchange ?? null,
        }));
    } catch (e) {
      throw toProviderError(e, name);
    }
  }
}

function toProviderError(e: unknown, symbol: string): ProviderError {
  if (e instanceof ProviderError) return e;
  const message = e instanceof Error ? e.message : String(e);
  if (
    /not parsable|Unexpected result|No timestamp|count mismatch|Failed Yahoo Schema validation|validation/i.test(
      message,
    )
  ) {
    return new ProviderError(NAME, `malformed payload for ${symbol}: ${message.slice(0, 160)}`, { cause: e });
  }
  if (/No data found|symbol may be delisted|Not Found/i.test(message)) {
    return new ProviderError(NAME, `unknown symbol ${symbol}`, { cause: e, status: 404 });
  }
  if (/crumb|cookie|consent/i.test(message)) {
    return new ProviderError(NAME, `cookie/crumb handshake failed: ${message.slice(0, 160)}`, {
      cause: e,
      retryable: true,
    });
  }
  return new ProviderError(NAME, `${symbol}: ${message.slice(0, 200)}`, { cause: e });
}

/**
 * Maps one chart result to a DailyHistory: rows without a close are dropped; null open/high/low/volume
 * become NaN; the day is the bar's exchange-local date; only days in [from, to] are kept.
 */
export function parseYahooChart(symbol: string, chart: ChartObject, from: DayNumber, to: DayNumber): DailyHistory {
  const ts = chart.timestamp ?? [];
  const q = chart.indicators.quote[0] ?? {};
  const adj = chart.indicators.adjclose?.[0]?.adjclose;
  const offset = chart.meta.gmtoffset ?? 0;
  const dayOf = (epoch: number) => Math.floor((epoch + offset) / DAY_SECONDS);
  const keep: number[] = [];
  for (let i = 0; i < ts.length; i++) {
    const d = dayOf(ts[i]!);
    const c = q.close?.[i];
    if (d < from || d > to || c === null || c === undefined || !Number.isFinite(c)) continue;
    if (keep.length > 0 && dayOf(ts[keep[keep.length - 1]!]!) === d)
      keep[keep.length - 1] = i; // a duplicate day keeps the last
    else keep.push(i);
  }
  const s = seriesOfLength(symbol, keep.length);
  const num = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? Number.NaN : v);
  keep.forEach((i, k) => {
    s.dates[k] = dayOf(ts[i]!);
    s.open[k] = num(q.open?.[i]);
    s.high[k] = num(q.high?.[i]);
    s.low[k] = num(q.low?.[i]);
    s.close[k] = q.close![i]!;
    const a = num(adj?.[i]);
    s.adjClose[k] = Number.isNaN(a) ? s.close[k]! : a;
    s.volume[k] = num(q.volume?.[i]);
  });
  const splits: SplitEvent[] = Object.values(chart.events?.splits ?? {})
    .map((e) => ({ day: dayOf(epochOf(e.date)), numerator: e.numerator, denominator: e.denominator }))
    .filter((e) => e.day >= from && e.day <= to)
    .sort((a, b) => a.day - b.day);
  const dividends: DividendEvent[] = Object.values(chart.events?.dividends ?? {})
    .map((e) => ({ day: dayOf(epochOf(e.date)), amount: e.amount }))
    .filter((e) => e.day >= from && e.day <= to)
    .sort((a, b) => a.day - b.day);
  return {
    symbol,
    provider: NAME,
    series: s,
    splits,
    dividends,
    currency: chart.meta.currency ?? null,
    name: chart.meta.longName ?? chart.meta.shortName ?? null,
    kind: kindOf(chart.meta.instrumentType),
  };
}
