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
import { isoDateField } from './iso-date-field.js';

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

/**
 * Why a typed as-of day is refused, or null when it is a date (YYYY-MM-DD) on or after the first
 * stored day. A day past the data is allowed: the pages then say where the data ends.
 * @example typedDayProblem('12/11/2025', '1990-01-02') // "'12/11/2025' is not a date: type YYYY-MM-DD"
 */
export function typedDayProblem(text: string, first: string | null): string | null {
  const t = text.trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(t) || tryParseIsoDate(t) === null) return `'${t}' is not a date: type YYYY-MM-DD`;
  if (first && t < first) return `${t} is before the first stored day (${first})`;
  return null;
}

/**
 * The header's date control. `render` refreshes it for the current URL, the data's extent and how old
 * the newest day is. The day is typed and shown as YYYY-MM-DD (a native date input shows the browser's
 * locale format, 12/11/2025 in en-US); the calendar button opens the browser's date picker.
 */
export function asOfControl(): {
  readonly root: HTMLElement;
  render(first: string | null, last: string | null, age: string | null): void;
} {
  const field = isoDateField({
    id: 'asof-input',
    value: '',
    pickLabel: 'Pick the as-of day on a calendar',
    describedBy: 'asof-age asof-error',
  });
  const input = field.input;
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
  const presets = el('select', { id: 'asof-preset' });
  // One control for "latest": a button shown only when a past day is chosen (the date input already
  // shows the latest day otherwise, with "›" disabled), never a pressed button beside a "latest" label.
  // Hidden until the first render knows the page's day (shown, then hidden, it moved the header on a phone).
  const latest = el('button', { type: 'button', id: 'asof-latest', hidden: true }, 'Latest');
  // How old the newest stored day is, when it is more than a few sessions before today.
  const ageNote = el('span', { id: 'asof-age', class: 'asof-age', hidden: true });
  const error = el('span', { id: 'asof-error', class: 'asof-error', role: 'alert' });
  const root = el(
    'div',
    { class: 'asof', role: 'group', 'aria-label': 'As-of date for every page' },
    el(
      'div',
      { class: 'asof-row' },
      el('label', { class: 'asof-label asof-label-day', for: 'asof-input' }, 'As of'),
      prev,
      field.root,
      next,
      // The label and its box wrap together (on a phone "Month end" was left at a line's end, its box below).
      el(
        'span',
        { class: 'asof-preset' },
        el('label', { class: 'asof-label', for: 'asof-preset' }, 'Month end'),
        presets,
      ),
      latest,
    ),
    ageNote,
    error,
  );
  let current = '';
  let firstDay: string | null = null;
  const submit = () => {
    const text = input.value.trim();
    if (text === current) {
      input.removeAttribute('aria-invalid');
      error.textContent = '';
      return;
    }
    const problem = typedDayProblem(text, firstDay);
    if (problem) {
      input.setAttribute('aria-invalid', 'true');
      error.textContent = problem;
      return;
    }
    goToAsOf(text);
  };
  input.addEventListener('change', submit);
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') submit();
    if (e.key === 'Escape') {
      input.value = current;
      input.removeAttribute('aria-invalid');
      error.textContent = '';
    }
  });
  prev.addEventListener('click', () => current && goToAsOf(stepTradingDay(current, -1)));
  next.addEventListener('click', () => current && goToAsOf(stepTradingDay(current, 1)));
  presets.addEventListener('change', () => {
    if (presets.value) goToAsOf(presets.value);
  });
  latest.addEventListener('click', () => goToAsOf(null));
  return {
    root,
    render(first, last, age) {
      const asOf = readAsOf(parseHash(location.hash).params);
      const isLatest = asOf.kind !== 'day';
      current = asOf.kind === 'day' ? asOf.day : (last ?? '');
      firstDay = first;
      input.value = current;
      input.removeAttribute('aria-invalid');
      error.textContent = '';
      field.setRange(first, last);
      latest.hidden = isLatest;
      latest.title = last ? `Back to the latest data (${last})` : 'Back to the latest data';
      input.title = isLatest ? `Latest data (${current}); type a day as YYYY-MM-DD` : `As of ${current}`;
      next.disabled = !last || current >= last;
      prev.disabled = !first || current <= first;
      ageNote.hidden = age === null;
      ageNote.textContent = age ?? '';
      presets.replaceChildren(
        el('option', { value: '' }, 'Pick…'),
        ...(last ? monthEndPresets(last, 12) : []).map((d) => el('option', { value: d, selected: d === current }, d)),
      );
    },
  };
}
