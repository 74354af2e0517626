/**
 * The dashboard's only way to data: typed calls to the MarketDash JSON API. Every error comes back
 * as an ApiError carrying the server's message (and the parameter it names), shown on the page.
 */

import type { AlertsResponse } from '../../src/contracts/alerts-contract.js';
import type { CheckResponse, ClaimVerdictJson } from '../../src/contracts/check-contract.js';
import type { ErrorBody } from '../../src/contracts/common-contract.js';
import type { MarketEventJson } from '../../src/contracts/events-contract.js';
import type { PerfRow } from '../../src/contracts/perf-contract.js';
import type { RatioResponse, TrendJson } from '../../src/contracts/ratio-contract.js';
import type { NoteJson } from '../../src/contracts/report-contract.js';
import type { RotationPoint } from '../../src/contracts/rotation-contract.js';
import type { SeriesResponse, Sparkline } from '../../src/contracts/series-contract.js';
import type { Health, SymbolSummary, SymbolsResponse } from '../../src/contracts/store-contract.js';
import type { PeriodKey } from '../../src/domain/period-keys.js';

// The response shapes are the server's own contracts (src/contracts/, zod): types only, no zod in the bundle.
export type {
  AlertsResponse,
  CheckResponse,
  Health,
  NoteJson,
  PerfRow,
  PeriodKey,
  RatioResponse,
  RotationPoint,
  SeriesResponse,
  Sparkline,
  SymbolSummary,
  SymbolsResponse,
};
export type MarketEvent = MarketEventJson;
export type CheckClaim = ClaimVerdictJson;
export type TrendInfo = TrendJson;
/** A number column: one value per date, null where unknown. */
export type Column = readonly (number | null)[];

/** The parts of GET /api/rates the Overview shows (the rates service's rows pass through as they are). */
export interface RatesAnswer {
  readonly asOf: string;
  readonly levels: readonly {
    readonly symbol: string;
    readonly name: string;
    readonly date: string;
    readonly level: number;
    readonly changesBp: Readonly<Record<'1m' | '3m' | 'ytd', number | null>>;
  }[];
  readonly curve: { readonly level: number } | null;
  readonly lastDecision: { readonly date: string; readonly decisionBp: number } | null;
}

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly parameter: string | undefined,
  ) {
    super(message);
  }
}

/** Which of an answer's data warnings concern the page that asked (all of them unless said otherwise). */
type WarningFilter = (message: string) => boolean;

async function request<T>(path: string, init?: RequestInit, keep: WarningFilter = () => true): Promise<T> {
  // The page that asked: an answer arriving after the reader moved on never puts its warnings on the next page.
  const listener = warningListener;
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError(`cannot reach the MarketDash server (${(e as Error).message})`, 0, undefined);
  }
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok) {
    if (type.includes('json')) {
      const body = (await res.json()) as Partial<ErrorBody>;
      throw new ApiError(body.error?.message ?? `HTTP ${res.status}`, res.status, body.error?.parameter);
    }
    throw new ApiError(`HTTP ${res.status}`, res.status, undefined);
  }
  const body: unknown = type.includes('json') ? await res.json() : await res.text();
  if (listener)
    for (const w of answerWarnings(res.headers.get('x-marketdash-warnings'), body)) if (keep(w)) listener(w);
  return body as T;
}

let warningListener: ((message: string) => void) | null = null;

/**
 * Where the data warnings of every answer go (the page shows them as notices); null to drop them.
 * Objects carry them in their `warnings` field, arrays in the `x-marketdash-warnings` header (a JSON
 * array of one-line strings): the as-of day past the data, stale rows, a pair not computed.
 */
export function onDataWarning(listener: ((message: string) => void) | null): void {
  warningListener = listener;
}

function answerWarnings(header: string | null, body: unknown): string[] {
  const list: unknown[] = [];
  if (header) {
    try {
      const parsed: unknown = JSON.parse(header);
      if (Array.isArray(parsed)) list.push(...parsed);
    } catch {
      // a malformed header is not worth failing the page over
    }
  }
  const inBody = (body as { warnings?: unknown } | null)?.warnings;
  if (Array.isArray(inBody)) list.push(...inBody);
  return list.filter((w): w is string => typeof w === 'string');
}

function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export const api = {
  health: () => request<Health>('/api/health'),
  symbols: () => request<SymbolsResponse>('/api/symbols'),
  perf: (p: { symbols?: string; group?: string; asOf?: string; totalReturn?: boolean }) =>
    request<PerfRow[]>(
      `/api/perf${query({ symbols: p.symbols, group: p.group, asOf: p.asOf, totalReturn: p.totalReturn ? 1 : undefined })}`,
    ),
  rates: (asOf?: string) => request<RatesAnswer>(`/api/rates${query({ asOf })}`),
  sparklines: (symbols: string, days: number, asOf?: string) =>
    request<Sparkline[]>(`/api/sparklines${query({ symbols, days, asOf })}`),
  series: (symbol: string, p: { from?: string; asOf?: string; ind?: string }) =>
    request<SeriesResponse>(`/api/series/${encodeURIComponent(symbol)}${query(p)}`),
  ratio: (
    a: string,
    b: string,
    p: { asOf?: string; trend?: boolean; series?: boolean; from?: string; totalReturn?: boolean },
  ) =>
    request<RatioResponse>(
      `/api/ratio${query({ a, b, asOf: p.asOf, from: p.from, trend: p.trend ? 1 : undefined, series: p.series ? 1 : undefined, totalReturn: p.totalReturn ? 1 : undefined })}`,
    ),
  rotation: (p: { group: string; benchmark: string; asOf?: string; tail?: number }) =>
    request<RotationPoint[]>(`/api/rotation${query(p)}`),
  // The events' warnings about the configured pairs ("not computed") and the series left out as stale concern
  // the whole market, not the one symbol whose events a page lists: only "data ends" (past the data) is kept.
  events: (p: { asOf?: string; group?: string }) =>
    request<MarketEvent[]>(`/api/events${query(p)}`, undefined, (w) => w.startsWith('data ends')),
  reportJson: (asOf?: string) => request<NoteJson>(`/api/report${query({ asOf, format: 'json' })}`),
  reportHtml: (asOf?: string) => request<string>(`/api/report${query({ asOf, format: 'html' })}`),
  /** `asOf` checks as of that day over the note's own date; `undatedAsOf` only a note that states no date. */
  check: (text: string, day: { asOf?: string | undefined; undatedAsOf?: string | undefined } = {}) =>
    request<CheckResponse>('/api/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        text,
        ...(day.asOf ? { asOf: day.asOf } : day.undatedAsOf ? { undatedAsOf: day.undatedAsOf } : {}),
      }),
    }),
};

/** A rotation point with its figures known (what the chart can place). */
export type PlacedRotationPoint = RotationPoint & {
  readonly rsRatio: number;
  readonly rsMomentum: number;
  readonly quadrant: string;
};

export function isPlaced(p: RotationPoint): p is PlacedRotationPoint {
  return p.rsRatio !== null && p.rsMomentum !== null && p.quadrant !== null;
}
