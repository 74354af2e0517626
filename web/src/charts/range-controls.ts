/** The range buttons (1M … All) and the log/linear toggle above a price or ratio chart. */
import { RANGE_KEYS, RANGE_LABEL, type RangeKey } from '../chart-range.js';
import { el } from '../element-builder.js';

export function rangeControls(
  range: RangeKey,
  log: boolean,
  onRange: (r: RangeKey) => void,
  onLog: (log: boolean) => void,
  id: string,
): HTMLElement {
  const buttons = RANGE_KEYS.map((k) =>
    el(
      'button',
      {
        type: 'button',
        class: 'range-button',
        'data-range': k,
        'aria-pressed': String(k === range),
        onclick: () => {
          for (const b of buttons) b.setAttribute('aria-pressed', String(b.dataset.range === k));
          onRange(k);
        },
      },
      RANGE_LABEL[k],
    ),
  );
  const scale = el(
    'button',
    {
      type: 'button',
      class: 'scale-toggle',
      id: `${id}-scale`,
      'aria-pressed': String(log),
      title: 'Log scale (equal distances are equal percentage moves)',
      onclick: () => {
        const next = scale.getAttribute('aria-pressed') !== 'true';
        scale.setAttribute('aria-pressed', String(next));
        scale.textContent = next ? 'Log' : 'Linear';
        onLog(next);
      },
    },
    log ? 'Log' : 'Linear',
  );
  return el(
    'div',
    { class: 'range-controls', id: `${id}-ranges` },
    el('div', { class: 'range-buttons', role: 'group', 'aria-label': 'Range' }, buttons),
    el('span', { class: 'scale-label' }, 'Scale ', scale),
  );
}
