/**
 * A date field that shows and takes YYYY-MM-DD whatever the browser's locale (a native date input shows
 * 12/31/2025 in en-US, while every date of the app is ISO): a text input, and beside it a calendar button
 * that opens the browser's own date picker (a hidden native input's showPicker) and writes the picked day
 * back as YYYY-MM-DD, firing the text input's change event as typing would.
 */
import { tryParseIsoDate } from '../../src/domain/trading-date.js';
import { el, svg } from './element-builder.js';

/** A small calendar icon (drawn, so it needs no emoji font). */
function calendarIcon(): SVGSVGElement {
  const icon = svg('svg', { viewBox: '0 0 16 16', width: 16, height: 16, 'aria-hidden': 'true' });
  icon.append(
    svg('path', {
      d: 'M2.5 3.5h11v10h-11zM2.5 6.5h11M5 2v3M11 2v3',
      fill: 'none',
      stroke: 'currentColor',
      'stroke-width': 1.4,
    }),
  );
  return icon;
}

export interface IsoDateField {
  readonly root: HTMLElement;
  readonly input: HTMLInputElement;
  /** Sets the range the calendar offers (YYYY-MM-DD, empty for none). */
  setRange(min: string | null, max: string | null): void;
  /**
   * The typed day: YYYY-MM-DD, '' when empty, or null when it is not a date (the field is then marked
   * invalid, its title saying what to type).
   */
  read(): string | null;
}

export function isoDateField(options: {
  readonly id: string;
  readonly value: string;
  /** The calendar button's name: "Pick the as-of day on a calendar". */
  readonly pickLabel: string;
  readonly min?: string | null;
  readonly max?: string | null;
  readonly describedBy?: string;
}): IsoDateField {
  const input = el('input', {
    type: 'text',
    id: options.id,
    class: 'iso-date',
    value: options.value,
    inputmode: 'numeric',
    placeholder: 'YYYY-MM-DD',
    pattern: '\\d{4}-\\d{2}-\\d{2}',
    maxlength: 10,
    size: 10,
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': options.describedBy,
  });
  // The browser's calendar only: never seen, never tabbed to.
  const picker = el('input', { type: 'date', class: 'iso-date-picker', tabindex: -1, 'aria-hidden': 'true' });
  const pick = el(
    'button',
    {
      type: 'button',
      id: `${options.id}-pick`,
      class: 'iso-date-pick',
      'aria-label': options.pickLabel,
      title: 'Pick on a calendar',
    },
    calendarIcon(),
  );
  pick.addEventListener('click', () => {
    picker.value = /^\d{4}-\d{2}-\d{2}$/.test(input.value.trim()) ? input.value.trim() : '';
    try {
      picker.showPicker();
    } catch {
      input.focus();
    }
  });
  picker.addEventListener('change', () => {
    if (!picker.value || picker.value === input.value) return;
    input.value = picker.value;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  const setRange = (min: string | null, max: string | null) => {
    picker.min = min ?? '';
    picker.max = max ?? '';
  };
  setRange(options.min ?? null, options.max ?? null);
  const read = () => {
    const text = input.value.trim();
    const ok = text === '' || (/^\d{4}-\d{2}-\d{2}$/.test(text) && tryParseIsoDate(text) !== null);
    if (ok) input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', 'true');
    input.title = ok ? '' : `'${text}' is not a date: type YYYY-MM-DD`;
    return ok ? text : null;
  };
  return { root: el('span', { class: 'iso-date-field' }, input, pick, picker), input, setRange, read };
}
