/**
 * One as-of day for the whole app: `asOf=YYYY-MM-DD` in the hash query of every page. The header
 * control (date input, previous/next trading day, month-end presets, Latest) writes it; every page
 * passes it to every API call. Trading days come from the domain's NYSE calendar (pure, shared
 * with the server), so "previous trading day" skips weekends and holidays the same way everywhere.
 */
import { nextTradingDay, previousTradingDay, tradingDayOnOrBefore } from '../../src/domain/nyse-calendar.js';
import { daysFromCivil, daysInMonth, formatIsoDate, tryParseIsoDate } from '../../src/domain/trading-date.js';
import { el } from './element-builder.js';
import { formatHash, parseHash } from './hash-route.js';

/** The page's as-of day as read from the URL: a valid date, or the reason it was ignored. */
export type AsOfParam =
  | { readonly kind: 'latest' }
  | { readonly kind: 'day'; readonly day: string }
  | { readonly kind: 'invalid'; readonly text: string };

export function readAsOf(params: URLSearchParams): AsOfParam {
  const text = params.get('asOf');
  if (text === null || text === '') return { kind: 'latest' };
  const day = /^\d{4}-\d{2}-\d{2}$/.test(text) ? tryParseIsoDate(text) : null;
  return day === null ? { kind: 'invalid', text } : { kind: 'day', day: formatIsoDate(day) };
}

/** The trading day before / after `iso` on the NYSE calendar. */
export function stepTradingDay(iso: string, direction: -1 | 1): string {
  const day = tryParseIsoDate(iso);
  if (day === null) return iso;
  return formatIsoDate(direction < 0 ? previousTradingDay(day) : nextTradingDay(day));
}

/**
 * The last trading day of each of the `count` months ending before the month of `last` (and of that
 * month itself when `last` is its last trading day), newest first: the presets of the date control.
 */
export function monthEndPresets(last: string, count: number): string[] {
  const lastDay = tryParseIsoDate(last);
  if (lastDay === null) return [];
  const [y, m] = [Number(last.slice(0, 4)), Number(last.slice(5, 7))];
  const out: string[] = [];
  for (let back = 0; out.length < count && back < count + 1; back++) {
    const total = y * 12 + (m - 1) - back;
    const ty = Math.floor(total / 12);
    const tm = (total % 12) + 1;
    const end = tradingDayOnOrBefore(daysFromCivil(ty, tm, daysInMonth(ty, tm)));
    if (end <= lastDay && (back > 0 || end === lastDay)) out.push(formatIsoDate(end));
  }
  return out;
}

/** A hash link to `page` that keeps the current as-of day (so moving between pages keeps the day). */
export function pageLink(page: string, params: Record<string, string | undefined> = {}): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, v);
  const asOf = parseHash(location.hash).params.get('asOf');
  if (asOf && !q.has('asOf')) q.set('asOf', asOf);
  return formatHash(page, q);
}

/** Sets (or with null removes) the as-of day of the current page; the hash change re-renders it. */
export function goToAsOf(day: string | null): void {
  const route = parseHash(location.hash);
  if (day) route.params.set('asOf', day);
  else route.params.delete('asOf');
  location.hash = formatHash(route.page, route.params);
}

/** The header's date control. `render` refreshes it for the current URL and the data's extent. */
export function asOfControl(): { readonly root: HTMLElement; render(first: string | null, last: string | null): void } {
  const input = el('input', { type: 'date', id: 'asof-input' });
  const prev = el(
    'button',
    { type: 'button', id: 'asof-prev', 'aria-label': 'Previous trading day', title: 'Previous trading day' },
    '‹',
  );
  const next = el(
    'button',
    { type: 'button', id: 'asof-next', 'aria-label': 'Next trading day', title: 'Next trading day' },
    '›',
  );
  const presets = el('select', { id: 'asof-preset', 'aria-label': 'Jump to a month end' });
  // One control for "latest": a button shown only when a past day is chosen (the date input already
  // shows the latest day otherwise, with "›" disabled), never a pressed button beside a "latest" label.
  const latest = el('button', { type: 'button', id: 'asof-latest' }, 'Latest');
  const root = el(
    'div',
    { class: 'asof', role: 'group', 'aria-label': 'As-of date for every page' },
    el('label', { class: 'asof-label', for: 'asof-input' }, 'As of'),
    prev,
    input,
    next,
    presets,
    latest,
  );
  let current = '';
  input.addEventListener('change', () => {
    if (input.value && input.value !== current) goToAsOf(input.value);
  });
  prev.addEventListener('click', () => current && goToAsOf(stepTradingDay(current, -1)));
  next.addEventListener('click', () => current && goToAsOf(stepTradingDay(current, 1)));
  presets.addEventListener('change', () => {
    if (presets.value) goToAsOf(presets.value);
  });
  latest.addEventListener('click', () => goToAsOf(null));
  return {
    root,
    render(first, last) {
      const asOf = readAsOf(parseHash(location.hash).params);
      const isLatest = asOf.kind !== 'day';
      current = asOf.kind === 'day' ? asOf.day : (last ?? '');
      input.value = current;
      if (first) input.min = first;
      if (last) input.max = last;
      latest.hidden = isLatest;
      latest.title = last ? `Back to the latest data (${last})` : 'Back to the latest data';
      input.title = isLatest ? `Latest data (${current})` : `As of ${current}`;
      next.disabled = !last || current >= last;
      prev.disabled = !first || current <= first;
      presets.replaceChildren(
        el('option', { value: '' }, 'Month end'),
        ...(last ? monthEndPresets(last, 12) : []).map((d) =>
          el('option', { value: d, selected: d === current }, `${d.slice(0, 7)} (${d.slice(8)})`),
        ),
      );
    },
  };
}
