/**
 * Narrowing without `!`: `ensureDefined(map.get(k), 'what')` returns the value or throws a typed error
 * naming what was missing, where a non-null assertion would let `undefined` run on and fail later
 * ("cannot read properties of undefined") far from the cause. Use them at boundaries: DOM lookups,
 * API results, map and array lookups whose key comes from elsewhere. Proven numeric loops keep `!`.
 *
 * @example
 *   const chart = ensureNotNull(document.getElementById('chart'), '#chart element');
 *   const fund = ensureDefined(funds.get('XLK'), 'demo fund XLK');
 */
import { MarketDashError } from './errors.js';

/**
 * A value the code relies on was not there: a fault in the program or its wiring, not the user's
 * mistake (the CLI exits 1, the server answers 500 "internal error" and logs this message).
 */
export class MissingValueError extends MarketDashError {
  readonly kind = 'internal' as const;
  /** What was missing, as the caller named it (`#chart element`, `series NVDA`). */
  readonly what: string;
  constructor(what: string, found: 'undefined' | 'null') {
    super(`${what} is missing (${found})`);
    this.what = what;
  }
}

/** `value` when it is not undefined; otherwise throws MissingValueError naming `what`. */
export function ensureDefined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new MissingValueError(what, 'undefined');
  return value;
}

/** `value` when it is not null; otherwise throws MissingValueError naming `what`. */
export function ensureNotNull<T>(value: T | null, what: string): T {
  if (value === null) throw new MissingValueError(what, 'null');
  return value;
}
