/**
 * The `--ind` list of `marketdash indicators` (and the API's `ind=`): `sma:20,rsi:14,adx:14,
 * stoch:14:3:3,volatility:20:garman.klass`. Each item is a kind (TTR's function name in lower
 * case; donchian and keltner shortened) and its parameters separated by colons; trailing
 * parameters may be left out and take TTR's defaults. Each item names its output columns
 * (`macd_signal_12_26_9`, `stoch_fastk_14_3_3`, `obv`). A bad item is a UsageError that quotes
 * it. The full list with outputs and scales is in docs/analytics.md.
 */

import { ensureDefined } from '../../domain/ensure.js';
import { UsageError } from '../../domain/errors.js';
import { didYouMean } from '../../domain/nearest-names.js';
import { VOLATILITY_CALCS } from './volatility.js';

export type IndicatorKind =
  | 'sma'
  | 'ema'
  | 'rsi'
  | 'macd'
  | 'bbands'
  | 'atr'
  | 'roc'
  | 'adx'
  | 'stoch'
  | 'wpr'
  | 'cci'
  | 'mfi'
  | 'obv'
  | 'cmf'
  | 'chaikinad'
  | 'aroon'
  | 'donchian'
  | 'keltner'
  | 'sar'
  | 'ppo'
  | 'trix'
  | 'momentum'
  | 'wma'
  | 'dema'
  | 'zlema'
  | 'hma'
  | 'vwma'
  | 'kst'
  | 'ultimateoscillator'
  | 'chaikinvolatility'
  | 'snr'
  | 'volatility'
  | 'runpercentrank'
  | 'runsd'
  | 'runmax'
  | 'runmin';

/**
 * What an indicator reads: the chosen close only (`close`, or `adjClose` with --total-return),
 * or the raw bars: high+low, high+low+close, those with volume, close with volume, or all four
 * prices. Anything but `close` needs the stored high/low (or volume, or open) of the series.
 */
export type IndicatorInputs = 'close' | 'hl' | 'hlc' | 'hlcv' | 'cv' | 'ohlc';

export interface IndicatorSpec {
  readonly kind: IndicatorKind;
  /** All numeric parameters, defaults filled in, in the order of the item (macd: fast, slow, signal). */
  readonly params: readonly number[];
  /** The one word parameter, where the kind has one (volatility's calc). */
  readonly choice?: string;
  /** The item written out in full, e.g. `bbands:20:2`. */
  readonly text: string;
  /** Output column names, e.g. [`bb_lower_20_2`, `bb_middle_20_2`, `bb_upper_20_2`]. */
  readonly columns: readonly string[];
  /** The columns of the series it reads. */
  readonly inputs: IndicatorInputs;
}

interface ParamDef {
  readonly name: string;
  readonly fallback: number;
  readonly integer: boolean;
  /** Smallest accepted value (whole numbers: default 1). */
  readonly min?: number;
}

interface ChoiceDef {
  readonly name: string;
  readonly fallback: string;
  readonly choices: readonly string[];
}

interface KindDef {
  readonly params: readonly ParamDef[];
  readonly choice?: ChoiceDef;
  readonly outputs: readonly string[];
  readonly inputs: IndicatorInputs;
}

const int = (name: string, fallback: number, min = 1): ParamDef => ({ name, fallback, integer: true, min });
const num = (name: string, fallback: number): ParamDef => ({ name, fallback, integer: false });
const period = (fallback: number): ParamDef => int('period', fallback);
const closeOnly = (fallback: number, output: string, min = 1): KindDef => ({
  params: [int('period', fallback, min)],
  outputs: [output],
  inputs: 'close',
});

/** Defaults are TTR's; `period` is TTR's n. See docs/analytics.md. */
const KINDS: Record<IndicatorKind, KindDef> = {
  sma: closeOnly(10, 'sma'),
  ema: closeOnly(10, 'ema'),
  rsi: closeOnly(14, 'rsi'),
  macd: {
    params: [int('fast', 12), int('slow', 26), int('signal', 9)],
    outputs: ['macd', 'macd_signal', 'macd_hist'],
    inputs: 'close',
  },
  bbands: {
    params: [period(20), num('width', 2)],
    outputs: ['bb_lower', 'bb_middle', 'bb_upper'],
    inputs: 'close',
  },
  atr: { params: [period(14)], outputs: ['atr'], inputs: 'hlc' },
  roc: closeOnly(1, 'roc'),
  adx: { params: [period(14)], outputs: ['adx_dip', 'adx_din', 'adx_dx', 'adx', 'adx_adxr'], inputs: 'hlc' },
  stoch: {
    params: [int('nFastK', 14), int('nFastD', 3), int('nSlowD', 3)],
    outputs: ['stoch_fastk', 'stoch_fastd', 'stoch_slowd'],
    inputs: 'hlc',
  },
  wpr: { params: [period(14)], outputs: ['wpr'], inputs: 'hlc' },
  cci: { params: [period(20), num('c', 0.015)], outputs: ['cci'], inputs: 'hlc' },
  mfi: { params: [period(14)], outputs: ['mfi'], inputs: 'hlcv' },
  obv: { params: [], outputs: ['obv'], inputs: 'cv' },
  cmf: { params: [period(20)], outputs: ['cmf'], inputs: 'hlcv' },
  chaikinad: { params: [], outputs: ['chaikinad'], inputs: 'hlcv' },
  aroon: { params: [period(20)], outputs: ['aroon_up', 'aroon_dn', 'aroon_osc'], inputs: 'hl' },
  donchian: { params: [period(10)], outputs: ['donchian_high', 'donchian_mid', 'donchian_low'], inputs: 'hl' },
  keltner: {
    params: [period(20), num('atr', 2)],
    outputs: ['keltner_dn', 'keltner_mavg', 'keltner_up'],
    inputs: 'hlc',
  },
  sar: { params: [num('step', 0.02), num('max', 0.2)], outputs: ['sar'], inputs: 'hl' },
  ppo: {
    params: [int('nFast', 12), int('nSlow', 26), int('nSig', 9)],
    outputs: ['ppo', 'ppo_signal', 'ppo_hist'],
    inputs: 'close',
  },
  trix: { params: [period(20)], outputs: ['trix', 'trix_signal'], inputs: 'close' },
  momentum: closeOnly(1, 'momentum'),
  wma: closeOnly(10, 'wma'),
  dema: closeOnly(10, 'dema'),
  zlema: closeOnly(10, 'zlema'),
  hma: closeOnly(20, 'hma', 2),
  vwma: { params: [period(10)], outputs: ['vwma'], inputs: 'cv' },
  kst: { params: [int('nSig', 9)], outputs: ['kst', 'kst_signal'], inputs: 'close' },
  ultimateoscillator: {
    params: [int('n1', 7), int('n2', 14), int('n3', 28)],
    outputs: ['ultimateoscillator'],
    inputs: 'hlc',
  },
  chaikinvolatility: { params: [period(10)], outputs: ['chaikinvolatility'], inputs: 'hl' },
  snr: { params: [period(14)], outputs: ['snr'], inputs: 'hlc' },
  volatility: {
    params: [int('period', 10, 2)],
    choice: { name: 'calc', fallback: 'close', choices: VOLATILITY_CALCS },
    outputs: ['volatility'],
    inputs: 'ohlc',
  },
  runpercentrank: closeOnly(260, 'runpercentrank'),
  runsd: closeOnly(10, 'runsd', 2),
  runmax: closeOnly(10, 'runmax'),
  runmin: closeOnly(10, 'runmin'),
};

export const INDICATOR_KINDS = Object.keys(KINDS) as readonly IndicatorKind[];

function isKind(text: string): text is IndicatorKind {
  return Object.hasOwn(KINDS, text);
}

function usage(item: string, problem: string, parameter: string): UsageError {
  return new UsageError(`${parameter}: '${item}': ${problem}`, { parameter });
}

/**
 * Parses one item such as `macd:12:26:9`.
 * @example parseIndicatorSpec('bbands:10:1.5').columns // ['bb_lower_10_1.5', 'bb_middle_10_1.5', 'bb_upper_10_1.5']
 */
export function parseIndicatorSpec(item: string, parameter = '--ind'): IndicatorSpec {
  const parts = item
    .trim()
    .split(':')
    .map((p) => p.trim());
  const kind = ensureDefined(parts[0], `indicator name in '${item}'`).toLowerCase();
  if (!isKind(kind))
    throw usage(
      item,
      `unknown indicator '${parts[0]}'${didYouMean(kind, INDICATOR_KINDS).toLowerCase() || ` (known: ${INDICATOR_KINDS.join(', ')})`}`,
      parameter,
    );
  const def = KINDS[kind];
  const defs = def.params;
  const given = parts.slice(1);
  const most = defs.length + (def.choice ? 1 : 0);
  if (given.length > most) {
    const names = [...defs.map((d) => d.name), ...(def.choice ? [def.choice.name] : [])];
    throw usage(
      item,
      `${kind} takes at most ${most} parameter(s) (${names.join(':') || 'none'}), got ${given.length}`,
      parameter,
    );
  }
  const params = defs.map((d, i) => {
    const raw = given[i];
    if (raw === undefined) return d.fallback;
    const value = raw === '' ? Number.NaN : Number(raw);
    const min = d.min ?? 1;
    if (d.integer ? !Number.isInteger(value) || value < min : !Number.isFinite(value) || value <= 0) {
      const want = d.integer ? `a whole number >= ${min}` : 'a number > 0';
      throw usage(item, `${d.name} must be ${want}, got '${raw}'`, parameter);
    }
    return value;
  });
  let choice: string | undefined;
  if (def.choice) {
    const raw = given[defs.length];
    choice = raw === undefined ? def.choice.fallback : raw.toLowerCase();
    if (!def.choice.choices.includes(choice)) {
      throw usage(item, `${def.choice.name} must be one of ${def.choice.choices.join(', ')}, got '${raw}'`, parameter);
    }
  }
  const param = (i: number): number => ensureDefined(params[i], `parameter ${i + 1} of ${kind} in '${item}'`);
  if ((kind === 'macd' || kind === 'ppo') && param(0) >= param(1)) {
    throw usage(item, `fast (${params[0]}) must be shorter than slow (${params[1]})`, parameter);
  }
  if (kind === 'sar' && param(0) > param(1)) {
    throw usage(item, `step (${params[0]}) must not exceed max (${params[1]})`, parameter);
  }
  const words = [...params.map(String), ...(choice === undefined ? [] : [choice])];
  const suffix = words.length === 0 ? '' : `_${words.join('_')}`;
  return {
    kind,
    params,
    ...(choice === undefined ? {} : { choice }),
    text: [kind, ...words].join(':'),
    columns: def.outputs.map((o) => `${o}${suffix}`),
    inputs: kind === 'volatility' && choice === 'close' ? 'close' : def.inputs,
  };
}

/**
 * Parses the comma-separated list; an empty list, an empty item or the same item twice is an error.
 * @example parseIndicatorSpecs('sma:20,rsi:14').map((s) => s.columns[0]) // ['sma_20', 'rsi_14']
 */
export function parseIndicatorSpecs(text: string, parameter = '--ind'): IndicatorSpec[] {
  if (text.trim() === '') throw new UsageError(`${parameter}: no indicators given (e.g. sma:20,rsi:14)`, { parameter });
  const specs: IndicatorSpec[] = [];
  const seen = new Set<string>();
  text.split(',').forEach((item, i) => {
    if (item.trim() === '') throw new UsageError(`${parameter}: item ${i + 1} of '${text}' is empty`, { parameter });
    const spec = parseIndicatorSpec(item, parameter);
    if (seen.has(spec.text)) throw usage(item, `given twice (as ${spec.text})`, parameter);
    seen.add(spec.text);
    specs.push(spec);
  });
  return specs;
}
