/**
 * What a page gets: the stored symbols and config groups (fetched once), a place to register
 * clean-ups (charts, listeners) run when the page is left, and the shared loading/empty/error blocks.
 */
import { ApiError, type Health, type SymbolsResponse } from './api-client.js';
import { el } from './element-builder.js';

export interface PageContext {
  readonly health: Health;
  readonly symbols: SymbolsResponse;
  onDispose(fn: () => void): void;
  /** True once the page has been left: late async work must not draw. */
  readonly disposed: () => boolean;
}

export type Page = (root: HTMLElement, params: URLSearchParams, ctx: PageContext) => Promise<void>;

export function loadingBlock(text = 'Loading…'): HTMLElement {
  return el('p', { class: 'loading', role: 'status' }, text);
}

export function emptyBlock(text: string): HTMLElement {
  return el('p', { class: 'empty' }, text);
}

export function errorBlock(e: unknown): HTMLElement {
  const raw = e instanceof ApiError ? e.message : e instanceof Error ? e.message : String(e);
  // The server's messages are shared with the CLI; a hint to run a command means nothing here.
  const message = raw.replace(/\s*\(run '[^']*'[^)]*\)/, ': it is not in the store');
  return el('p', { class: 'error', role: 'alert' }, message);
}

export function storedTickers(ctx: PageContext): Set<string> {
  return new Set(ctx.symbols.symbols.map((s) => s.ticker));
}

/** The display name of a ticker: stored name, else the ticker itself. */
export function displayName(ctx: PageContext, ticker: string): string {
  return ctx.symbols.symbols.find((s) => s.ticker === ticker)?.name ?? ticker;
}

/** Runs `work` into `slot`, showing a loading block first and an error block on failure. */
export async function fill(
  slot: HTMLElement,
  ctx: PageContext,
  work: () => Promise<Node>,
  loadingText?: string,
): Promise<void> {
  slot.replaceChildren(loadingBlock(loadingText));
  try {
    const node = await work();
    if (!ctx.disposed()) slot.replaceChildren(node);
  } catch (e) {
    if (!ctx.disposed()) slot.replaceChildren(errorBlock(e));
  }
}
