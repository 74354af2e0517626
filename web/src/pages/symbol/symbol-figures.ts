/** The figure strip above the symbol chart: close, returns, ATH, 52-week range, streak, as of the page's day. */
import type { PerfRow } from '../../api-client.js';
import { el } from '../../element-builder.js';
import { type HighWords, highWords } from '../../high-words.js';
import { formatPercent, formatPrice, formatSignedPercent, signClass, streakText } from '../../number-format.js';
import { type PageContext, staleMark } from '../../page-context.js';

/**
 * A yield's change in basis points from its period return: the base level is close / (1 + return),
 * so the change is (close - base) x 100 bp (a yield of 3.52% after -17.18% came from 4.25%: -73 bp).
 */
export function changeBp(close: number, ret: number | null | undefined): number | null {
  if (ret === null || ret === undefined || ret === -1 || !Number.isFinite(ret)) return null;
  return Math.round((close - close / (1 + ret)) * 100);
}

const bpText = (v: number | null) => (v === null ? 'n/a' : `${v > 0 ? '+' : ''}${v}\u00a0bp`);

/** A yield's move between two levels in percent, in basis points: 3.54 -> 3.52 is "-2 bp". */
export function bpChange(now: number, before: number): string {
  return bpText(Math.round((now - before) * 100));
}

export function figureStrip(
  r: PerfRow,
  ctx: PageContext,
  rate = false,
  high: HighWords = highWords(rate, null),
): HTMLElement {
  const item = (label: string, value: string, cls = '', metric = '') =>
    el('div', { class: 'figure' }, el('span', {}, label), el('b', { class: cls, 'data-metric': metric }, value));
  const level = (v: number | null) => (rate && v !== null ? `${formatPrice(v)}%` : formatPrice(v));
  // A yield is a level in percent (3.52%) and moves in basis points, not percent of itself (a chartist reads DGS2 -73 bp YTD, not -17%).
  const change = (k: '1d' | 'ytd' | '1y') => {
    if (!rate) return item(k.toUpperCase(), formatSignedPercent(r.returns[k]), signClass(r.returns[k]), k);
    const bp = changeBp(r.close, r.returns[k]);
    return item(k.toUpperCase(), bpText(bp), signClass(bp), k);
  };
  return el(
    'div',
    { class: 'figure-row', 'data-symbol': r.symbol, id: 'symbol-figures' },
    el(
      'div',
      { class: 'figure' },
      el('span', {}, `Close ${r.asOf} `, staleMark(r.asOf, ctx, r.symbol)),
      el('b', { 'data-metric': 'close' }, level(r.close)),
    ),
    change('1d'),
    change('ytd'),
    change('1y'),
    item(high.label, r.ath ? `${level(r.ath.close)} (${r.ath.date})` : 'n/a', '', 'athClose'),
    rate
      ? item(high.fromLabel, bpText(r.ath ? Math.round((r.close - r.ath.close) * 100) : null), '', 'ath')
      : item(high.fromLabel, formatPercent(r.ath?.distance), signClass(r.ath?.distance), 'ath'),
    item('52w range', r.low52w && r.high52w ? `${level(r.low52w.close)} – ${level(r.high52w.close)}` : 'n/a'),
    item('Streak', streakText(r.streak), signClass(r.streak)),
  );
}
