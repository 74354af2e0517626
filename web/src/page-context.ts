/**
 * What a page gets: the stored symbols and config groups (fetched once), the as-of day of the URL,
 * a place to register clean-ups (charts, listeners) run when the page is left, a notice area, and
 * the shared loading (skeleton), empty and error blocks.
 */
import { ApiError, type Health, type SymbolsResponse } from './api-client.js';
import { el } from './element-builder.js';

export interface PageContext {
  readonly health: Health;
  readonly symbols: SymbolsResponse;
  /** The as-of day asked for in the URL (validated), or undefined for the latest data. */
  readonly asOf: string | undefined;
  /** The day the page shows: the as-of day, or the last stored day when it is later or unset. */
  readonly day: string;
  onDispose(fn: () => void): void;
  /** True once the page has been left: late async work must not draw. */
  readonly disposed: () => boolean;
  /** Shows a plain notice at the top of the page (ignored parameters, data ending early). */
  notice(text: string, kind?: 'info' | 'warning'): void;
  /** Names a series shown on the page whose data ends before the page's day in the page's one stale notice. */
  reportStale(symbol: string, lastDay: string): void;
}

export type Page = (root: HTMLElement, params: URLSearchParams, ctx: PageContext) => Promise<void>;

/** A placeholder with the shape of what is coming (so the layout does not jump when it arrives). */
export function loadingBlock(text = 'Loading…', shape: 'lines' | 'chart' | 'table' | 'cards' = 'lines'): HTMLElement {
  const rows = shape === 'cards' ? 4 : shape === 'table' ? 8 : shape === 'chart' ? 1 : 3;
  return el(
    'div',
    { class: `loading skeleton skeleton-${shape}`, role: 'status', 'aria-live': 'polite' },
    el('span', { class: 'visually-hidden' }, text),
    Array.from({ length: rows }, () => el('span', { class: 'skeleton-bar', 'aria-hidden': 'true' })),
  );
}

export function emptyBlock(text: string): HTMLElement {
  return el('p', { class: 'empty' }, text);
}

export function errorMessage(e: unknown): string {
  const raw = e instanceof ApiError ? e.message : e instanceof Error ? e.message : String(e);
  // The server's messages are shared with the CLI; a hint to run a command means nothing here.
  return raw
    .replace(/\s*\(run '[^']*'[^)]*\)/, ': it is not in the store')
    .replace(/;?\s*(run|try) `?marketdash [^.;]*[.;]?/gi, '')
    .trim();
}

export function errorBlock(e: unknown): HTMLElement {
  return el('p', { class: 'error', role: 'alert' }, errorMessage(e));
}

/**
 * The tickers with prices stored: the ones a page offers as choices. A member list (S&P 500, S&P 600)
 * names some thousand companies without a single bar; offering them would lead to an error page.
 */
export function storedTickers(ctx: PageContext): Set<string> {
  return new Set(ctx.symbols.symbols.filter(hasPrices).map((s) => s.ticker));
}

/** True when the store holds at least one bar of the symbol. */
export function hasPrices(s: { readonly lastDate: string | null; readonly rows: number }): boolean {
  return s.lastDate !== null && s.rows > 0;
}

/** The display name of a ticker: stored name, else the ticker itself. */
export function displayName(ctx: PageContext, ticker: string): string {
  return ctx.symbols.symbols.find((s) => s.ticker === ticker)?.name ?? ticker;
}

/** Runs `work` into `slot`, showing a skeleton first and an error block on failure. */
export async function fill(
  slot: HTMLElement,
  ctx: PageContext,
  work: () => Promise<Node>,
  loadingText?: string,
  shape: 'lines' | 'chart' | 'table' | 'cards' = 'lines',
): Promise<void> {
  slot.replaceChildren(loadingBlock(loadingText, shape));
  slot.setAttribute('aria-busy', 'true');
  try {
    const node = await work();
    if (!ctx.disposed()) slot.replaceChildren(node);
  } catch (e) {
    if (!ctx.disposed()) slot.replaceChildren(errorBlock(e));
  } finally {
    slot.removeAttribute('aria-busy');
  }
}

/** A date that never breaks at its hyphens. */
export function dateSpan(iso: string): HTMLElement {
  return el('span', { class: 'date' }, iso);
}

/**
 * A "stale" mark for a figure whose own last bar is before the page's day; with `symbol`, the series is
 * also named (with its day) in the page's stale notice, so the notice lists every stale series on the page.
 */
export function staleMark(rowAsOf: string, ctx: PageContext, symbol?: string): HTMLElement | null {
  if (rowAsOf >= ctx.day) return null;
  if (symbol) ctx.reportStale(symbol, rowAsOf);
  return el(
    'span',
    { class: 'stale', title: `its data ends ${rowAsOf}, before ${ctx.day}`, 'data-stale': rowAsOf },
    `stale: ${rowAsOf}`,
  );
}
