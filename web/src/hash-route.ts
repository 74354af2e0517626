/**
 * Deep links: the page and its state live in the URL hash, `#/symbol?s=NVDA&ind=sma:50,rsi:14`.
 * Controls write their state back with `replaceState`, so a copied URL reopens the same view.
 */

export interface Route {
  readonly page: string;
  readonly params: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const text = hash.replace(/^#\/?/, '');
  const q = text.indexOf('?');
  const page = (q < 0 ? text : text.slice(0, q)) || 'overview';
  return { page, params: new URLSearchParams(q < 0 ? '' : text.slice(q + 1)) };
}

export function formatHash(page: string, params: URLSearchParams): string {
  const s = params.toString();
  return `#/${page}${s ? `?${s}` : ''}`;
}

/** Sets (or, with an empty value, removes) parameters of the current page without re-rendering it. */
export function updateParams(changes: Record<string, string | null | undefined>): void {
  const route = parseHash(location.hash);
  for (const [k, v] of Object.entries(changes)) {
    if (v === null || v === undefined || v === '') route.params.delete(k);
    else route.params.set(k, v);
  }
  history.replaceState(null, '', formatHash(route.page, route.params));
}
