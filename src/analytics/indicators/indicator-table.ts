/**
 * Computes a list of parsed indicator specs over one symbol's history: one named Float64Array
 * column per output (NaN during warm-up), in the order of the specs. Close-based indicators read
 * `close` (price) or `adjClose` (total return); bar-based ones (ATR, ADX, stoch, MFI ...) read the
 * raw high, low, close (open, volume), and a close-only series (no high/low or volume stored) is
 * a DataError naming what is missing rather than an invented range.
 */
import { ensureDefined } from '../../domain/ensure.js';
import { DataError } from '../../domain/errors.js';
import type { CloseField, PriceSeries } from '../../domain/price-series.js';
import { formatIsoDate } from '../../domain/trading-date.js';
import { adx } from './adx.js';
import { aroon } from './aroon.js';
import { atr } from './atr.js';
import { bollingerBands } from './bollinger-bands.js';
import { cci } from './cci.js';
import { donchian, keltner } from './channels.js';
import { ema } from './ema.js';
import type { IndicatorInputs, IndicatorSpec } from './indicator-spec.js';
import { kst } from './kst.js';
import { macd } from './macd.js';
import { NonLeadingNaNError } from './nan-policy.js';
import { ppo } from './ppo.js';
import { chaikinVolatility, snr } from './range-volatility.js';
import { roc } from './roc.js';
import { momentum, runMax, runMin, runPercentRank, runSD } from './rolling.js';
import { rsi } from './rsi.js';
import { sar } from './sar.js';
import { sma } from './sma.js';
import { stoch, wpr } from './stochastic.js';
import { trix } from './trix.js';
import { ultimateOscillator } from './ultimate-oscillator.js';
import { type VolatilityCalc, volatility } from './volatility.js';
import { chaikinAD, cmf, mfi, obv } from './volume-flow.js';
import { dema, hma, vwma, wma, zlema } from './weighted-averages.js';

export interface IndicatorColumn {
  readonly name: string;
  readonly values: Float64Array;
}

function hasAny(values: Float64Array): boolean {
  for (let i = 0; i < values.length; i++) if (!Number.isNaN(values[i]!)) return true;
  return false;
}

const NEEDS: Record<Exclude<IndicatorInputs, 'close'>, readonly ('open' | 'high' | 'low' | 'volume')[]> = {
  hl: ['high', 'low'],
  hlc: ['high', 'low'],
  hlcv: ['high', 'low', 'volume'],
  cv: ['volume'],
  ohlc: ['open', 'high', 'low'],
};

const NEEDS_TEXT: Record<Exclude<IndicatorInputs, 'close'>, string> = {
  hl: 'high and low',
  hlc: 'high, low and close',
  hlcv: 'high, low, close and volume',
  cv: 'close and volume',
  ohlc: 'open, high, low and close',
};

/** "closes", "opens and closes", "opens, highs, lows and closes": the fields a series stores, in bar order. */
function storedFields(series: PriceSeries): string {
  const have = (['open', 'high', 'low', 'close', 'volume'] as const).filter((f) => hasAny(series[f]));
  const words = have.map((f) => (f === 'volume' ? 'volume' : `${f}s`));
  return words.length <= 1 ? (words[0] ?? 'no values') : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}

/**
 * Refuses, in one line, an indicator whose inputs the series does not store, saying what it does
 * store ("XLK has closes only", "FOO has opens and closes only") rather than inventing a range.
 */
function checkInputs(series: PriceSeries, spec: IndicatorSpec): void {
  if (spec.inputs === 'close') return;
  const missing = NEEDS[spec.inputs].filter((field) => !hasAny(series[field]));
  if (missing.length === 0) return;
  throw new DataError(
    `${series.symbol} has ${storedFields(series)} only (no ${missing.join('/')} stored): ${spec.text} needs ${NEEDS_TEXT[spec.inputs]}`,
  );
}

function compute(series: PriceSeries, spec: IndicatorSpec, closes: Float64Array): Float64Array[] {
  const arg = (i: number): number => ensureDefined(spec.params[i], `parameter ${i + 1} of indicator ${spec.text}`);
  const bars = { high: series.high, low: series.low, close: series.close };
  checkInputs(series, spec);
  switch (spec.kind) {
    case 'sma':
      return [sma(closes, arg(0))];
    case 'ema':
      return [ema(closes, arg(0))];
    case 'rsi':
      return [rsi(closes, arg(0))];
    case 'roc':
      return [roc(closes, arg(0))];
    case 'macd': {
      const m = macd(closes, { fast: arg(0), slow: arg(1), signal: arg(2) });
      return [m.macd, m.signal, m.histogram];
    }
    case 'bbands': {
      const b = bollingerBands(closes, { period: arg(0), width: arg(1) });
      return [b.lower, b.middle, b.upper];
    }
    case 'atr':
      return [atr(series.high, series.low, series.close, arg(0))];
    case 'adx': {
      const a = adx(bars, arg(0));
      return [a.plusDi, a.minusDi, a.dx, a.adx, a.adxr];
    }
    case 'stoch': {
      const s = stoch(bars, { fastK: arg(0), fastD: arg(1), slowD: arg(2) });
      return [s.fastK, s.fastD, s.slowD];
    }
    case 'wpr':
      return [wpr(bars, arg(0))];
    case 'cci':
      return [cci(bars, arg(0), arg(1))];
    case 'mfi':
      return [mfi(bars, series.volume, arg(0))];
    case 'obv':
      return [obv(closes, series.volume)];
    case 'cmf':
      return [cmf(bars, series.volume, arg(0))];
    case 'chaikinad':
      return [chaikinAD(bars, series.volume)];
    case 'aroon': {
      const a = aroon(series.high, series.low, arg(0));
      return [a.up, a.down, a.oscillator];
    }
    case 'donchian': {
      const d = donchian(series.high, series.low, arg(0));
      return [d.upper, d.middle, d.lower];
    }
    case 'keltner': {
      const k = keltner(bars, arg(0), arg(1));
      return [k.lower, k.middle, k.upper];
    }
    case 'sar':
      return [sar(series.high, series.low, arg(0), arg(1))];
    case 'ppo': {
      const m = ppo(closes, { fast: arg(0), slow: arg(1), signal: arg(2) });
      return [m.macd, m.signal, m.histogram];
    }
    case 'trix': {
      const t = trix(closes, arg(0));
      return [t.trix, t.signal];
    }
    case 'momentum':
      return [momentum(closes, arg(0))];
    case 'wma':
      return [wma(closes, arg(0))];
    case 'dema':
      return [dema(closes, arg(0))];
    case 'zlema':
      return [zlema(closes, arg(0))];
    case 'hma':
      return [hma(closes, arg(0))];
    case 'vwma':
      return [vwma(closes, series.volume, arg(0))];
    case 'kst': {
      const k = kst(closes, arg(0));
      return [k.kst, k.signal];
    }
    case 'ultimateoscillator':
      return [ultimateOscillator(bars, [arg(0), arg(1), arg(2)])];
    case 'chaikinvolatility':
      return [chaikinVolatility(series.high, series.low, arg(0))];
    case 'snr':
      return [snr(bars, arg(0))];
    case 'volatility': {
      const calc = spec.choice as VolatilityCalc;
      // calc close reads the chosen close (adjusted with --total-return); the others raw OHLC.
      const ohlc = calc === 'close' ? { ...series, close: closes } : series;
      return [volatility(ohlc, arg(0), calc)];
    }
    case 'runpercentrank':
      return [runPercentRank(closes, arg(0))];
    case 'runsd':
      return [runSD(closes, arg(0))];
    case 'runmax':
      return [runMax(closes, arg(0))];
    case 'runmin':
      return [runMin(closes, arg(0))];
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
