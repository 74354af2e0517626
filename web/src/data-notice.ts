/**
 * The API's data warnings as the notices a reader sees: the one-line strings of `warnings` (and the
 * x-marketdash-warnings header) are written for a log; the ones that name a problem without its cure
 * ("not computed: SPSM/MAG7 (no bars stored for MAG7)") are said here in plain words with what fixes them.
 */

/** "A", "A and B", "A, B and C". */
function joined(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * The notice for one data warning of the API.
 * @example plainWarning('not computed: SPSM/MAG7 (no bars stored for MAG7)')
 *   // 'Not computed: SPSM/MAG7, because no prices are stored for MAG7. MAG7 is a basket: it appears once its
 *   //  seven members' prices are stored.'
 */
export function plainWarning(message: string): string {
  const notComputed = /^not computed: (.+)$/.exec(message);
  if (!notComputed) return `Note: ${message}.`;
  const missing: string[] = [];
  const need = (s: string) => {
    if (!missing.includes(s)) missing.push(s);
  };
  let gap = false;
  const parts = (notComputed[1] ?? '').split('; ').map((item) => {
    const m = /^(.+?) \((.+)\)$/.exec(item);
    if (!m) return item;
    const [, name = '', reason = ''] = m;
    const noBars = /^no bars stored for (.+)$/.exec(reason);
    if (noBars) {
      const symbols = (noBars[1] ?? '').split(' and ');
      for (const s of symbols) need(s);
      return `${name}, because no prices are stored for ${joined(symbols)}`;
    }
    if (reason === 'no stored bars') {
      need(name);
      return `${name}, because no prices are stored for it`;
    }
    const noCommon = /^no common bar within (\d+) days of (.+)$/.exec(reason);
    if (noCommon) {
      gap = true;
      return `${name}, because its two series have no day in common within ${noCommon[1]} days of ${noCommon[2]}`;
    }
    return `${name} (${reason})`;
  });
  // In the page's own words: what is missing, never a command to run.
  const fixes: string[] = [];
  if (missing.includes('MAG7')) fixes.push("MAG7 is a basket: it appears once its seven members' prices are stored.");
  if (gap) fixes.push('It is drawn once both sides have prices for the same recent days.');
  return `Not computed: ${parts.join('; ')}. ${fixes.join(' ')}`.trim();
}

/** The API's warning about rows (or series) whose data ends before the answer's day, read back; null for any other. */
export function parseStaleWarning(message: string): { symbols: string[]; more: number } | null {
  const m = /^(?:rows with data|series) ending before \d{4}-\d{2}-\d{2} \([^)]*\): (.+)$/.exec(message);
  if (!m) return null;
  const items = (m[1] ?? '').split(', ');
  const last = /^(.+) and (\d+) more$/.exec(items[items.length - 1] ?? '');
  if (last) items[items.length - 1] = last[1] ?? '';
  return { symbols: items.filter((s) => s !== ''), more: last ? Number(last[2]) : 0 };
}

/**
 * The one notice for every series on a page whose data ends before the page's day, grouped by their own
 * last day (oldest first); series the page has not dated (named by the API only) come last.
 * @example staleBanner('2026-08-03', new Map([['^RUT', '2026-02-23'], ['^VIX', '2026-02-23'], ['DGS2', '2026-07-27']]))
 *   // 'Series ending before 2026-08-03, each marked stale and shown as of its own last day: ^RUT and ^VIX
 *   //  (2026-02-23); DGS2 (2026-07-27).'
 */
export function staleBanner(day: string, series: ReadonlyMap<string, string | null>, more = 0): string {
  const byDay = new Map<string, string[]>();
  const undated: string[] = [];
  for (const [symbol, date] of series) {
    if (date === null) undated.push(symbol);
    else byDay.set(date, [...(byDay.get(date) ?? []), symbol]);
  }
  // Within a day, in natural order (DGS2 before DGS10), so the notice reads the same whichever answer came first.
  const order = (list: string[]) => [...list].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  const parts = [...byDay.keys()].sort().map((d) => `${joined(order(byDay.get(d) ?? []))} (${d})`);
  if (undated.length) parts.push(joined(order(undated)));
  const tail = more > 0 ? ` and ${more} more` : '';
  return `Series ending before ${day}, each marked stale and shown as of its own last day: ${parts.join('; ')}${tail}.`;
}
