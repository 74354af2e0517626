/**
 * Computes a list of parsed indicator specs over one symbol's history: one named Float64Array
 * column per output (NaN during warm-up), in the order of the specs. Close-based indicators read
 * `close` (price) or `adjClose` (total return); ATR always reads high, low and close, and a
 * close-only series (no high/low stored) is a DataError rather than an invented range.
 */
import { DataError } from '../../domain/errors.js';
import type { CloseField, PriceSeries } from '../../domain/price-series.js';
import { formatIsoDate } from '../../domain/trading-date.js';
import { atr } from './atr.js';
import { bollingerBands } from './bollinger-bands.js';
import { ema } from './ema.js';
import type { IndicatorSpec } from './indicator-spec.js';
import { macd } from './macd.js';
import { NonLeadingNaNError } from './nan-policy.js';
import { roc } from './roc.js';
import { rsi } from './rsi.js';
import { sma } from './sma.js';

export interface IndicatorColumn {
  readonly name: string;
  readonly values: Float64Array;
}

function hasAny(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) return true;
  return false;
}

function compute(series: PriceSeries, spec: IndicatorSpec, closes: Float64Array): Float64Array[] {
  const p = spec.params;
  switch (spec.kind) {
    case 'sma':
      return [sma(closes, p[0]!)];
    case 'ema':
      return [ema(closes, p[0]!)];
    case 'rsi':
      return [rsi(closes, p[0]!)];
    case 'roc':
      return [roc(closes, p[0]!)];
    case 'macd': {
      const m = macd(closes, { fast: p[0]!, slow: p[1]!, signal: p[2]! });
      return [m.macd, m.signal, m.histogram];
    }
    case 'bbands': {
      const b = bollingerBands(closes, { period: p[0]!, width: p[1]! });
      return [b.lower, b.middle, b.upper];
    }
    case 'atr':
      if (!hasAny(series.high) || !hasAny(series.low)) {
        throw new DataError(
          `${series.symbol} has closes only (no high/low stored): ${spec.text} needs high, low and close`,
        );
      }
      return [atr(series.high, series.low, series.close, p[0]!)];
  }
}

/**
 * Every output column of every spec over the whole series, named as the specs name them.
 * @example computeIndicators(series, parseIndicatorSpecs('sma:20,macd:12:26:9'))[1]!.name // 'macd_12_26_9'
 */
export function computeIndicators(
  series: PriceSeries,
  specs: readonly IndicatorSpec[],
  field: CloseField = 'close',
): IndicatorColumn[] {
  const closes = series[field];
  const columns: IndicatorColumn[] = [];
  for (const spec of specs) {
    let outputs: Float64Array[];
    try {
      outputs = compute(series, spec, closes);
    } catch (e) {
      if (e instanceof NonLeadingNaNError) {
        const day = series.dates[e.index];
        const where = day === undefined ? `row ${e.index}` : formatIsoDate(day);
        throw new DataError(
          `${series.symbol}: ${spec.text}: a value is missing on ${where} inside the history (indicators skip only leading gaps, as R's TTR does)`,
          { cause: e },
        );
      }
      throw e;
    }
    outputs.forEach((values, i) => {
      columns.push({ name: spec.columns[i]!, values });
    });
  }
  return columns;
}
