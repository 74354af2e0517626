/**
 * Tracking difference of a fund against its index over a window: fund return minus index return
 * (-0.0015 = the fund lagged by 0.15 percentage points). Each side takes its own base, the last bar
 * on or before `from`, and its own end, the last bar on or before `to` (fund and index calendars can
 * differ). Usually the fund is read with adjClose (its distributions count) and a price index with close;
 * the caller says which.
 */
import type { CloseField, PriceSeries } from '../../domain/price-series.js';
import type { DayNumber } from '../../domain/trading-date.js';
import { windowReturn } from '../returns/period-returns.js';

export interface TrackingDifference {
  readonly fundReturn: number;
  readonly indexReturn: number;
  /** fundReturn - indexReturn. */
  readonly difference: number;
}

export function trackingDifference(
  fund: PriceSeries,
  index: PriceSeries,
  from: DayNumber,
  to: DayNumber,
  fields: { readonly fund: CloseField; readonly index: CloseField } = { fund: 'close', index: 'close' },
): TrackingDifference | null {
  const f = windowReturn(fund.dates, fund[fields.fund], from, to);
  const x = windowReturn(index.dates, index[fields.index], from, to);
  if (f === null || x === null) return null;
  return { fundReturn: f.value, indexReturn: x.value, difference: f.value - x.value };
}
