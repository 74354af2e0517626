/**
 * The dashboard's only way to data: typed calls to the MarketDash JSON API. Every error comes back
 * as an ApiError carrying the server's message (and the parameter it names), shown on the page.
 */

import type { PeriodKey } from '../../src/domain/period-keys.js';

export type { PeriodKey };

export interface DatedClose {
  readonly close: number;
  readonly date: string;
}

/** One row of `marketdash perf --format json`. */
export interface PerfRow {
  readonly symbol: string;
  readonly asOf: string;
  readonly close: number;
  readonly returns: Readonly<Record<PeriodKey, number | null>>;
  readonly ath: (DatedClose & { readonly distance: number }) | null;
  readonly high52w: { readonly close: number | null; readonly date: string | null } | null;
  readonly low52w: { readonly close: number | null; readonly date: string | null } | null;
  readonly highestSince: string | null;
  readonly lowestSince: string | null;
  readonly streak: number;
}

export interface Health {
  readonly status: string;
  readonly backend: string;
  readonly dataVersion: string;
  readonly demo: boolean;
  readonly symbols: number;
  readonly lastDate: string | null;
}

export interface SymbolSummary {
  readonly ticker: string;
  readonly name: string | null;
  readonly kind: string;
  readonly firstDate: string | null;
  readonly lastDate: string | null;
  readonly rows: number;
}

export interface SymbolsResponse {
  readonly demo: boolean;
  readonly symbols: readonly SymbolSummary[];
  readonly groups: Readonly<Record<string, readonly string[]>>;
  readonly baskets: readonly string[];
  readonly pairs: readonly string[];
}

export type Column = readonly (number | null)[];

export interface SeriesResponse {
  readonly symbol: string;
  readonly name: string | null;
  readonly dates: readonly string[];
  readonly open: Column;
  readonly high: Column;
  readonly low: Column;
  readonly close: Column;
  readonly adjClose: Column;
  readonly volume: Column;
  /** Each requested indicator written out in full, its kind and the columns it fills. */
  readonly indicatorSpecs: readonly {
    readonly spec: string;
    readonly kind: string;
    readonly columns: readonly string[];
  }[];
  readonly indicators: Readonly<Record<string, Column>>;
}

export interface Sparkline {
  readonly symbol: string;
  readonly dates: readonly string[];
  readonly close: Column;
}

export interface TrendInfo {
  readonly kind: 'downtrend' | 'uptrend';
  readonly anchors: readonly { readonly date: string; readonly value: number }[];
  readonly touches: number;
  readonly slopeLogPerYear: number;
  readonly levelAtAsOf: number;
  readonly distance: number;
}

export interface RatioResponse {
  readonly numerator: string;
  readonly denominator: string;
  readonly asOf: string;
  readonly last: number;
  readonly returns: Readonly<Record<PeriodKey, number | null>>;
  readonly trend?: TrendInfo | null;
  readonly breakout?: { readonly state: string; readonly since: string | null } | null;
  /** With `from`: the base day used (last common date on or before it) and the ratio's return since. */
  readonly window?: { readonly from: string; readonly return: number } | null;
  readonly series?: { readonly dates: readonly string[]; readonly values: Column };
  /** Said when the as-of day is past the data (the figures are then as of the last day used). */
  readonly warnings?: readonly string[];
}

/** A member's rotation; the figures are null when its history is too short for the windows. */
export interface RotationPoint {
  readonly symbol: string;
  readonly rsRatio: number | null;
  readonly rsMomentum: number | null;
  readonly quadrant: string | null;
  readonly heading: number | null;
  readonly tail: readonly { readonly date: string; readonly rsRatio: number; readonly rsMomentum: number }[];
}

export interface MarketEvent {
  readonly type: string;
  readonly symbol: string;
  readonly date: string;
  readonly since?: string | null;
  readonly [figure: string]: unknown;
}

export interface CheckClaim {
  readonly text: string;
  readonly symbol: string | null;
  readonly metric: string;
  readonly period: string | null;
  readonly claimed: unknown;
  readonly actual: unknown;
  readonly verdict: 'supported' | 'contradicted' | 'unverifiable';
  readonly reason: string | null;
  readonly [more: string]: unknown;
}

export interface CheckResponse {
  readonly asOf: string;
  readonly claims: readonly CheckClaim[];
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

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new ApiError(`cannot reach the MarketDash server (${(e as Error).message})`, 0, undefined);
  }
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok) {
    if (type.includes('json')) {
      const body = (await res.json()) as { error?: { message?: string; parameter?: string } };
      throw new ApiError(body.error?.message ?? `HTTP ${res.status}`, res.status, body.error?.parameter);
    }
    throw new ApiError(`HTTP ${res.status}`, res.status, undefined);
  }
  return (type.includes('json') ? res.json() : res.text()) as Promise<T>;
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
  sparklines: (symbols: string, days: number, asOf?: string) =>
    request<Sparkline[]>(`/api/sparklines${query({ symbols, days, asOf })}`),
  series: (symbol: string, p: { from?: string; to?: string; ind?: string }) =>
    request<SeriesResponse>(`/api/series/${encodeURIComponent(symbol)}${query(p)}`),
  ratio: (a: string, b: string, p: { asOf?: string; trend?: boolean; series?: boolean; from?: string }) =>
    request<RatioResponse>(
      `/api/ratio${query({ a, b, asOf: p.asOf, from: p.from, trend: p.trend ? 1 : undefined, series: p.series ? 1 : undefined })}`,
    ),
  rotation: (p: { group: string; benchmark: string; asOf?: string; tail?: number }) =>
    request<RotationPoint[]>(`/api/rotation${query(p)}`),
  events: (p: { asOf?: string; group?: string }) => request<MarketEvent[]>(`/api/events${query(p)}`),
  reportJson: (asOf?: string) => request<unknown>(`/api/report${query({ asOf, format: 'json' })}`),
  reportHtml: (asOf?: string) => request<string>(`/api/report${query({ asOf, format: 'html' })}`),
  check: (text: string, asOf?: string) =>
    request<CheckResponse>('/api/check', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ text, ...(asOf ? { asOf } : {}) }),
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
