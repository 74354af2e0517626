/**
 * FRED series CSV (`https://fred.stlouisfed.org/graph/fredgraph.csv?id=DGS10`): header
 * `observation_date,DGS10` (older files `DATE,DGS10`), one row per observation; a holiday has an
 * empty value (older files `.`), which is skipped. Stored as kind `rate`: close = adjClose = the
 * value (percent), open/high/low/volume unknown (NaN).
 */
import { ensureDefined } from '../../domain/ensure.js';
import { ProviderError } from '../../domain/errors.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import type { SymbolKind } from '../../domain/symbol-info.js';
import { type DayNumber, formatIsoDate, tryParseIsoDate } from '../../domain/trading-date.js';
import type { DailyHistory, DataProvider, FetchDailyRequest } from '../data-provider.js';
import { fetchWithTimeout, type HttpOptions, okText } from '../provider-http.js';

const NAME = 'fred';

/** Series ids FRED is known for, so `canHandle` works without a kind. */
const KNOWN = /^(DFF|DFEDTAR[UL]|DGS(1MO|3MO|6MO|1|2|3|5|7|10|20|30)|T10Y2Y|T10Y3M|SOFR|EFFR|DTB3)$/;

export class FredProvider implements DataProvider {
  readonly name = NAME;
  readonly testSymbol = 'DGS10';
  constructor(private readonly http: HttpOptions & { readonly baseUrl?: string } = {}) {}

  canHandle(symbol: string, kind?: SymbolKind): boolean {
    return kind === 'rate' || (kind === undefined && KNOWN.test(symbol));
  }

  async fetchDaily(request: FetchDailyRequest): Promise<DailyHistory> {
    const base = this.http.baseUrl ?? 'https://fred.stlouisfed.org/graph/fredgraph.csv';
    const url = `${base}?id=${encodeURIComponent(request.symbol)}&cosd=${formatIsoDate(request.from)}&coed=${formatIsoDate(request.to)}`;
    const response = await fetchWithTimeout(NAME, url, this.http, request.signal);
    const text = await okText(NAME, response, request.symbol);
    return parseFredCsv(request.symbol, text, request.from, request.to);
  }
}

/** Parses a fredgraph CSV for one series; rows outside [from, to] and empty or '.' values are skipped. */
export function parseFredCsv(symbol: string, text: string, from: DayNumber, to: DayNumber): DailyHistory {
  const lines = text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r?\n/);
  const headerLine = ensureDefined(lines[0], `header line of the FRED payload for ${symbol}`);
  const header = headerLine.split(',').map((h) => h.trim());
  if (header.length < 2 || !/^(observation_date|DATE)$/i.test(header[0] ?? '')) {
    throw new ProviderError(
      NAME,
      `malformed payload for ${symbol}: header '${headerLine.slice(0, 60)}' is not 'observation_date,${symbol}'`,
    );
  }
  if (header[1]!.toUpperCase() !== symbol.toUpperCase()) {
    throw new ProviderError(NAME, `malformed payload for ${symbol}: the file holds series '${header[1]}'`);
  }
  const dates: number[] = [];
  const values: number[] = [];
  for (let n = 1; n < lines.length; n++) {
    const line = lines[n]!.trim();
    if (line === '') continue;
    const [dateText, valueText = ''] = line.split(',');
    const day = tryParseIsoDate(dateText ?? '');
    if (day === null)
      throw new ProviderError(NAME, `malformed payload for ${symbol}: line ${n + 1} '${line.slice(0, 60)}'`);
    const v = valueText.trim();
    if (v === '' || v === '.') continue;
    const value = Number(v);
    if (!Number.isFinite(value))
      throw new ProviderError(NAME, `malformed payload for ${symbol}: line ${n + 1} value '${v}'`);
    if (day < from || day > to) continue;
    if (dates.length > 0 && day <= dates[dates.length - 1]!)
      throw new ProviderError(NAME, `malformed payload for ${symbol}: line ${n + 1} is not after the line before`);
    dates.push(day);
    values.push(value);
  }
  return {
    symbol,
    provider: NAME,
    series: closeOnlySeries(symbol, dates, values),
    splits: [],
    dividends: [],
    currency: null,
    name: null,
    kind: 'rate',
  };
}
