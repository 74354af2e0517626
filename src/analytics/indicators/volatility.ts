/**
 * The volatility estimators of R's TTR `volatility(OHLC, n, calc, N = 260)` (0.24.3), annualised
 * with N = 260 as TTR does, as fractions (0.2 = 20%):
 * - close: sqrt(N) x the sample sd of one-day log returns over n - 1 returns (TTR's window);
 * - garman.klass, parkinson, rogers.satchell: the range estimators over n bars;
 * - gk.yz: Garman-Klass plus the overnight gap log(open / previous close);
 * - yang.zhang: overnight variance + k x open-to-close variance + (1 - k) x Rogers-Satchell,
 *   k = 0.34 / (1.34 + (n + 1) / (n - 1)).
 */
import { UsageError } from '../../domain/errors.js';
import { checkPeriod } from './nan-policy.js';
import { runCov, runSD, runSum } from './rolling.js';

export const VOLATILITY_CALCS = [
  'close',
  'garman.klass',
  'parkinson',
  'rogers.satchell',
  'gk.yz',
  'yang.zhang',
] as const;
export type VolatilityCalc = (typeof VOLATILITY_CALCS)[number];

export interface OhlcColumns {
  readonly open: Float64Array;
  readonly high: Float64Array;
  readonly low: Float64Array;
  readonly close: Float64Array;
}

const ANNUAL = 260;
const GK = 2 * Math.log(2) - 1;

function perRow(n: number, f: (i: number) => number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = f(i);
  return out;
}

function sqrtScaled(values: Float64Array, scale: number): Float64Array {
  for (let i = 0; i < values.length; i++) values[i] = Math.sqrt(scale * values[i]!);
  return values;
}

function rogersSatchell(b: OhlcColumns, period: number): Float64Array {
  const { open: o, high: h, low: l, close: c } = b;
  const terms = perRow(c.length, (i) => {
    return Math.log(h[i]! / c[i]!) * Math.log(h[i]! / o[i]!) + Math.log(l[i]! / c[i]!) * Math.log(l[i]! / o[i]!);
  });
  return sqrtScaled(runSum(terms, period, 'volatility'), ANNUAL / period);
}

/**
 * Close-only series may use calc 'close' alone (the others read open, high and low).
 * @example volatility(bars, 20, 'yang.zhang')
 */
export function volatility(b: OhlcColumns, period: number, calc: VolatilityCalc): Float64Array {
  checkPeriod(period, 'volatility');
  if (period < 2) throw new UsageError(`volatility: n must be at least 2, got ${period}`, { parameter: 'n' });
  const { open: o, high: h, low: l, close: c } = b;
  const n = c.length;
  const prevClose = (i: number) => (i === 0 ? Number.NaN : c[i - 1]!);
  switch (calc) {
    case 'close': {
      const r = perRow(n, (i) => Math.log(c[i]!) - Math.log(prevClose(i)));
      const sd = runSD(r, period - 1, 'volatility');
      for (let i = 0; i < n; i++) sd[i] = Math.sqrt(ANNUAL) * sd[i]!;
      return sd;
    }
    case 'garman.klass': {
      const t = perRow(n, (i) => 0.5 * Math.log(h[i]! / l[i]!) ** 2 - GK * Math.log(c[i]! / o[i]!) ** 2);
      return sqrtScaled(runSum(t, period, 'volatility'), ANNUAL / period);
    }
    case 'parkinson': {
      const t = perRow(n, (i) => Math.log(h[i]! / l[i]!) ** 2);
      return sqrtScaled(runSum(t, period, 'volatility'), ANNUAL / (4 * period * Math.log(2)));
    }
    case 'rogers.satchell':
      return rogersSatchell(b, period);
    case 'gk.yz': {
      const t = perRow(
        n,
        (i) =>
          Math.log(o[i]! / prevClose(i)) ** 2 + 0.5 * Math.log(h[i]! / l[i]!) ** 2 - GK * Math.log(c[i]! / o[i]!) ** 2,
      );
      return sqrtScaled(runSum(t, period, 'volatility'), ANNUAL / period);
    }
    case 'yang.zhang': {
      const k = (1.34 - 1) / (1.34 + (period + 1) / (period - 1));
      const overnight = perRow(n, (i) => Math.log(o[i]! / prevClose(i)));
      const intraday = perRow(n, (i) => Math.log(c[i]! / o[i]!));
      const so = runCov(overnight, overnight, period, 'volatility');
      const sc = runCov(intraday, intraday, period, 'volatility');
      const rs = rogersSatchell(b, period);
      return perRow(n, (i) => Math.sqrt(ANNUAL * so[i]! + k * ANNUAL * sc[i]! + (1 - k) * rs[i]! ** 2));
    }
  }
}
