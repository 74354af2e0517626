/**
 * The `--ind` list of `marketdash indicators`: `sma:20,ema:20,rsi:14,macd:12:26:9,bbands:20:2,
 * atr:14,roc:10`. Each item is a kind and its parameters separated by colons; trailing
 * parameters may be left out and take TTR's defaults (sma/ema 10, rsi 14, macd 12:26:9,
 * bbands 20:2, atr 14, roc 1). Each item names its output columns (`macd_signal_12_26_9`,
 * `bb_upper_20_2`). A bad item is a UsageError that quotes it.
 */
import { UsageError } from '../../domain/errors.js';

export type IndicatorKind = 'sma' | 'ema' | 'rsi' | 'macd' | 'bbands' | 'atr' | 'roc';

export interface IndicatorSpec {
  readonly kind: IndicatorKind;
  /** All parameters, defaults filled in, in the order of the item (macd: fast, slow, signal). */
  readonly params: readonly number[];
  /** The item written out in full, e.g. `bbands:20:2`. */
  readonly text: string;
  /** Output column names, e.g. [`bb_lower_20_2`, `bb_middle_20_2`, `bb_upper_20_2`]. */
  readonly columns: readonly string[];
}

interface ParamDef {
  readonly name: string;
  readonly fallback: number;
  readonly integer: boolean;
}

const period = (fallback: number): ParamDef => ({ name: 'period', fallback, integer: true });

const KINDS: Record<IndicatorKind, { readonly params: readonly ParamDef[]; readonly outputs: readonly string[] }> = {
  sma: { params: [period(10)], outputs: ['sma'] },
  ema: { params: [period(10)], outputs: ['ema'] },
  rsi: { params: [period(14)], outputs: ['rsi'] },
  macd: {
    params: [
      { name: 'fast', fallback: 12, integer: true },
      { name: 'slow', fallback: 26, integer: true },
      { name: 'signal', fallback: 9, integer: true },
    ],
    outputs: ['macd', 'macd_signal', 'macd_hist'],
  },
  bbands: {
    params: [period(20), { name: 'width', fallback: 2, integer: false }],
    outputs: ['bb_lower', 'bb_middle', 'bb_upper'],
  },
  atr: { params: [period(14)], outputs: ['atr'] },
  roc: { params: [period(1)], outputs: ['roc'] },
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
  const kind = parts[0]!.toLowerCase();
  if (!isKind(kind))
    throw usage(item, `unknown indicator '${parts[0]}' (known: ${INDICATOR_KINDS.join(', ')})`, parameter);
  const defs = KINDS[kind].params;
  const given = parts.slice(1);
  if (given.length > defs.length) {
    throw usage(
      item,
      `${kind} takes at most ${defs.length} parameter(s) (${defs.map((d) => d.name).join(':')}), got ${given.length}`,
      parameter,
    );
  }
  const params = defs.map((def, i) => {
    const raw = given[i];
    if (raw === undefined) return def.fallback;
    const value = raw === '' ? Number.NaN : Number(raw);
    if (def.integer ? !Number.isInteger(value) || value < 1 : !Number.isFinite(value) || value <= 0) {
      const want = def.integer ? 'a whole number >= 1' : 'a number > 0';
      throw usage(item, `${def.name} must be ${want}, got '${raw}'`, parameter);
    }
    return value;
  });
  if (kind === 'macd' && params[0]! >= params[1]!) {
    throw usage(item, `fast (${params[0]}) must be shorter than slow (${params[1]})`, parameter);
  }
  const suffix = params.map(String).join('_');
  return {
    kind,
    params,
    text: [kind, ...params.map(String)].join(':'),
    columns: KINDS[kind].outputs.map((o) => `${o}_${suffix}`),
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
