/**
 * Stooq daily CSV (`https://stooq.com/q/d/l/?s=aapl.us&i=d`): header `Date,Open,High,Low,Close,Volume`,
 * ascending dates, prices split-adjusted, no adjusted close (adjClose = close here, so total returns
 * from Stooq bars leave dividends out). An unknown symbol answers 200 with the body `No data`.
 * Tickers map to Stooq's: US stocks and ETFs get `.us` (aapl.us, brk-b.us); the indices Stooq carries
 * under its own names map by table (^GSPC -> ^spx); other indices are not served.
 */
import { ensureDefined } from '../../domain/ensure.js';
import { ProviderError } from '../../domain/errors.js';
import { seriesOfLength } from '../../domain/price-series.js';
import type { SymbolKind } from '../../domain/symbol-info.js';
import { civilFromDays, type DayNumber, tryParseIsoDate } from '../../domain/trading-date.js';
import type { DailyHistory, DataProvider, FetchDailyRequest } from '../data-provider.js';
import { fetchWithTimeout, type HttpOptions, okText } from '../provider-http.js';

const NAME = 'stooq';

const INDEX_MAP: Readonly<Record<string, string>> = {
  '^GSPC': '^spx',
  '^DJI': '^dji',
  '^NDX': '^ndx',
  '^IXIC': '^ndq',
};

/** Our ticker as Stooq spells it, or null when Stooq does not carry it. */
export function stooqSymbol(ticker: string): string | null {
  if (ticker.startsWith('^')) return INDEX_MAP[ticker] ?? null;
  if (!/^[A-Z][A-Z0-9]*(\.[A-Z])?$/.test(ticker)) return null;
  return `${ticker.toLowerCase().replace('.', '-')}.us`;
}

function compact(day: DayNumber): string {
  const [y, m, d] = civilFromDays(day);
  return `${y}${String(m).padStart(2, '0')}${String(d).padStart(2, '0')}`;
}

export class StooqProvider implements DataProvider {
  readonly name = NAME;
  readonly testSymbol = 'SPY';
  constructor(private readonly http: HttpOptions & { readonly baseUrl?: string } = {}) {}

  canHandle(symbol: string, kind?: SymbolKind): boolean {
    return kind !== 'rate' && kind !== 'basket' && stooqSymbol(symbol) !== null;
  }

  async fetchDaily(request: FetchDailyRequest): Promise<DailyHistory> {
    const code = stooqSymbol(request.symbol);
    if (code === null) throw new ProviderError(NAME, `does not carry ${request.symbol}`, { status: 404 });
    const base = this.http.baseUrl ?? 'https://stooq.com/q/d/l/';
    const url = `${base}?s=${encodeURIComponent(code)}&i=d&d1=${compact(request.from)}&d2=${compact(request.to)}`;
    const response = await fetchWithTimeout(NAME, url, this.http, request.signal);
    const text = await okText(NAME, response, request.symbol);
    return parseStooqCsv(request.symbol, text, request.from, request.to);
  }
}

/** Parses a Stooq daily CSV; rows outside [from, to] are dropped. */
export function parseStooqCsv(symbol: string, text: string, from: DayNumber, to: DayNumber): DailyHistory {
  const body = text.replace(/^\uFEFF/, '').trim();
  if (body === '' || /^no data/i.test(body))
    throw new ProviderError(NAME, `unknown symbol ${symbol} (Stooq answered 'No data')`, { status: 404 });
  if (/exceeded the daily hits limit/i.test(body))
    throw new ProviderError(NAME, 'daily request limit exceeded', { status: 429 });
  const lines = body.split(/\r?\n/);
  const header = ensureDefined(lines[0], `header line of the Stooq payload for ${symbol}`)
    .split(',')
    .map((h) => h.trim().toLowerCase());
  const col = (name: string) => header.indexOf(name);
  const [iDate, iOpen, iHigh, iLow, iClose, iVol] = ['date', 'open', 'high', 'low', 'close', 'volume'].map(col) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (iDate < 0 || iClose < 0)
    throw new ProviderError(NAME, `malformed payload for ${symbol}: header '${lines[0]}' has no Date/Close`);
  const rows: number[][] = [];
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (line === '') continue;
    const cells = line.split(',');
    const day = tryParseIsoDate(cells[iDate] ?? '');
    const close = Number(cells[iClose]);
    if (day === null || !Number.isFinite(close))
      throw new ProviderError(NAME, `malformed payload for ${symbol}: line ${n + 1} '${line.slice(0, 60)}'`);
    if (day < from || day > to) continue;
    if (rows.length > 0 && day <= rows[rows.length - 1]![0]!)
      throw new ProviderError(NAME, `malformed payload for ${symbol}: line ${n + 1} is not after the line before`);
    const num = (i: number) => (i < 0 || cells[i] === undefined || cells[i] === '' ? Number.NaN : Number(cells[i]));
    rows.push([day, num(iOpen), num(iHigh), num(iLow), close, num(iVol)]);
  }
  const s = seriesOfLength(symbol, rows.length);
  rows.forEach(([day, o, h, l, c, v], k) => {
    s.dates[k] = day!;
    s.open[k] = o!;
    s.high[k] = h!;
    s.low[k] = l!;
    s.close[k] = c!;
    s.adjClose[k] = c!;
    s.volume[k] = v!;
  });
  return { symbol, provider: NAME, series: s, splits: [], dividends: [], currency: 'USD', name: null, kind: null };
}
