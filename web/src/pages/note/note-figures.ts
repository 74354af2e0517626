/**
 * The note's provenance list, made usable: it collapses (a figure link opens it at its row), and
 * each figure gets a link to the chart of its symbol (or its pair's ratio) at the figure's last
 * date, with the dates the figure read marked on the chart.
 */
import { pageLink } from '../../as-of.js';
import { el } from '../../element-builder.js';

interface FigureJson {
  readonly id: string;
  readonly metric: string;
  readonly symbols: readonly string[];
  readonly dates: readonly string[];
}

function figuresOf(json: unknown): FigureJson[] {
  const figs = (json as { figures?: unknown } | null)?.figures;
  if (!Array.isArray(figs)) return [];
  return figs.filter(
    (f): f is FigureJson =>
      typeof f === 'object' &&
      f !== null &&
      typeof (f as FigureJson).id === 'string' &&
      Array.isArray((f as FigureJson).symbols),
  );
}

/** The chart link of a figure: a pair's ratio on the Rotation page, a symbol's chart otherwise. */
export function figureHref(f: FigureJson): string | null {
  const dates = f.dates.filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d)).sort();
  const last = dates[dates.length - 1];
  if (!f.symbols.length || !last) return null;
  if (f.symbols.length === 2 && /ratio|trend|break/.test(f.metric))
    return pageLink('rotation', { pair: f.symbols.join('/'), asOf: last });
  return pageLink('symbol', { s: f.symbols[0], asOf: last, mark: dates.join(',') });
}

export function linkFigures(container: HTMLElement, json: unknown): void {
  const footer = container.querySelector('footer');
  const list = footer?.querySelector('ol');
  if (footer && list) {
    const heading = footer.querySelector('h2');
    const details = el(
      'details',
      { class: 'provenance-list', id: 'provenance' },
      el('summary', {}, heading?.textContent ?? 'Where every figure comes from', ` (${list.children.length} figures)`),
    );
    heading?.remove();
    list.replaceWith(details);
    details.append(list);
  }
  for (const f of figuresOf(json)) {
    const li = container.querySelector(`[id="fig-${CSS.escape(f.id)}"]`);
    const href = figureHref(f);
    if (li && href) li.append(' ', el('a', { href, class: 'fig-chart', 'data-figure': f.id }, 'chart'));
  }
}
