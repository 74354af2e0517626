/** The figure strip above the symbol chart: close, returns, ATH, 52-week range, streak, as of the page's day. */
import type { PerfRow } from '../../api-client.js';
import { el } from '../../element-builder.js';
import { formatPercent, formatPrice, formatSignedPercent, signClass, streakText } from '../../number-format.js';
import { type PageContext, staleMark } from '../../page-context.js';

export function figureStrip(r: PerfRow, ctx: PageContext): HTMLElement {
  const item = (label: string, value: string, cls = '', metric = '') =>
    el('div', { class: 'figure' }, el('span', {}, label), el('b', { class: cls, 'data-metric': metric }, value));
  return el(
    'div',
    { class: 'figure-row', 'data-symbol': r.symbol, id: 'symbol-figures' },
    el(
      'div',
      { class: 'figure' },
      el('span', {}, `Close ${r.asOf} `, staleMark(r.asOf, ctx)),
      el('b', { 'data-metric': 'close' }, formatPrice(r.close)),
    ),
    item('1D', formatSignedPercent(r.returns['1d']), signClass(r.returns['1d']), '1d'),
    item('YTD', formatSignedPercent(r.returns.ytd), signClass(r.returns.ytd), 'ytd'),
    item('1Y', formatSignedPercent(r.returns['1y']), signClass(r.returns['1y']), '1y'),
    item('ATH', r.ath ? `${formatPrice(r.ath.close)} (${r.ath.date})` : 'n/a', '', 'athClose'),
    item('From ATH', formatPercent(r.ath?.distance), signClass(r.ath?.distance), 'ath'),
    item(
      '52w range',
      r.low52w && r.high52w ? `${formatPrice(r.low52w.close)} – ${formatPrice(r.high52w.close)}` : 'n/a',
    ),
    item('Streak', streakText(r.streak), signClass(r.streak)),
  );
}
