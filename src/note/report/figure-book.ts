/**
 * Makes the note's figures and keeps their provenance: every number the note prints is created here,
 * from a series and the bars it reads, with the formula written out. Ids are stable and readable
 * (`return-ytd-NVDA`, `ath-IWM`), so the same data gives the same note and the same links.
 */
import { allTimeHigh } from '../../analytics/returns/highs-lows.js';
import { periodBaseIndex, periodReturn } from '../../analytics/returns/period-returns.js';
import { highestSince, lowestSince } from '../../analytics/returns/since.js';
import { streak } from '../../analytics/returns/streak.js';
import {
  fixed,
  formatLongDate,
  formatPrice,
  formatSignedPercent,
  formatUnsignedPercent,
} from '../../domain/format/display-format.js';
import type { PeriodKey } from '../../domain/period-keys.js';
import type { PriceSeries } from '../../domain/price-series.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import type { Figure } from './note-model.js';
import { cardinal } from './wording.js';

export class FigureBook {
  private readonly byId = new Map<string, Figure>();

  constructor(readonly asOfIso: string) {}

  add(f: Figure): string {
    const existing = this.byId.get(f.id);
    if (existing && (existing.value !== f.value || existing.display !== f.display))
      throw new RangeError(`figure id ${f.id} used for two different values`);
    this.byId.set(f.id, f);
    return f.id;
  }

  get(id: string): Figure {
    const f = this.byId.get(id);
    if (!f) throw new RangeError(`no figure ${id}`);
    return f;
  }

  all(): Figure[] {
    return [...this.byId.values()];
  }

  /** A period return on closes (price return), shown unsigned ("6.55%") for prose or signed for tables ("+6.55%", "-1.20%"). */
  periodReturn(s: PriceSeries, k: number, period: PeriodKey, signed = false): { id: string; value: number } | null {
    const value = periodReturn(s.dates, s.close, k, period);
    if (value === null) return null;
    const base = periodBaseIndex(s.dates, k, period);
    const b = formatIsoDate(s.dates[base]!);
    const a = formatIsoDate(s.dates[k]!);
    const id = this.add({
      id: `return-${period}-${s.symbol}${signed ? '-table' : ''}`,
      metric: `return.${period}`,
      symbols: [s.symbol],
      dates: [b, a],
      value,
      formula: `close(${a}) / close(${b}) - 1`,
      display: signed ? formatSignedPercent(value) : formatUnsignedPercent(value),
    });
    return { id, value };
  }

  /** Distance below the all-time closing high; `ceil` shows "within X%" rounded away from zero so it stays true. */
  athDistance(s: PriceSeries, k: number, ceil = false): { id: string; value: number; recordDay: string } {
    const ath = allTimeHigh(s.dates, s.close, k)!;
    const a = formatIsoDate(s.dates[k]!);
    const r = formatIsoDate(ath.day);
    const shown = ceil
      ? `${fixed(Math.ceil(-ath.distance * 10000 - 1e-9) / 100, 2)}%`
      : formatUnsignedPercent(ath.distance);
    const id = this.add({
      id: `ath-${s.symbol}${ceil ? '-within' : ''}`,
      metric: 'ath.distance',
      symbols: [s.symbol],
      dates: [r, a],
      value: ath.distance,
      formula: `close(${a}) / max(close up to ${a}) - 1, record close ${formatPrice(ath.value)} on ${r}`,
      display: shown,
    });
    return { id, value: ath.distance, recordDay: r };
  }

  /** The record date itself, as text ("November 8, 2021"). */
  recordDate(s: PriceSeries, k: number): string {
    const ath = allTimeHigh(s.dates, s.close, k)!;
    const r = formatIsoDate(ath.day);
    return this.add({
      id: `ath-date-${s.symbol}`,
      metric: 'ath.date',
      symbols: [s.symbol],
      dates: [r],
      value: r,
      formula: `date of max(close up to ${formatIsoDate(s.dates[k]!)})`,
      display: formatLongDate(ath.day, parseIsoDate(this.asOfIso)),
    });
  }

  close(s: PriceSeries, k: number, digits = 2): string {
    const a = formatIsoDate(s.dates[k]!);
    return this.add({
      id: `close-${s.symbol}`,
      metric: 'close',
      symbols: [s.symbol],
      dates: [a],
      value: s.close[k]!,
      formula: `close(${a})`,
      display: fixed(s.close[k]!, digits),
    });
  }

  /** The date of the most recent earlier close beyond today's ("lowest close since September 12"). */
  since(s: PriceSeries, k: number, direction: 'lowest' | 'highest'): { id: string; day: number } | null {
    const day = direction === 'lowest' ? lowestSince(s.dates, s.close, k) : highestSince(s.dates, s.close, k);
    if (day === null) return null;
    const a = formatIsoDate(s.dates[k]!);
    const d = formatIsoDate(day);
    const id = this.add({
      id: `since-${direction}-${s.symbol}`,
      metric: `since.${direction}`,
      symbols: [s.symbol],
      dates: [d, a],
      value: d,
      formula: `last date before ${a} with a close ${direction === 'lowest' ? 'below' : 'above'} close(${a})`,
      display: formatLongDate(day, parseIsoDate(this.asOfIso)),
    });
    return { id, day };
  }

  streak(s: PriceSeries, k: number, atIndex = k): { id: string; value: number } {
    const value = streak(s.close, atIndex);
    const a = formatIsoDate(s.dates[atIndex]!);
    const id = this.add({
      id: `streak-${s.symbol}${atIndex === k ? '' : '-before'}`,
      metric: 'streak',
      symbols: [s.symbol],
      dates: [a],
      value,
      formula: `signed count of consecutive up (+) or down (-) closes ending ${a}`,
      display: cardinal(Math.abs(value)),
    });
    return { id, value };
  }
}
