/** ensureDefined / ensureNotNull: the value through, or a typed error naming what was missing. */
import { describe, expect, it } from 'vitest';
import { ensureDefined, ensureNotNull, MissingValueError } from './ensure.js';
import { isMarketDashError } from './errors.js';

describe('ensureDefined and ensureNotNull', () => {
  it('pass a present value through, falsy ones included', () => {
    expect(ensureDefined(0, 'zero')).toBe(0);
    expect(ensureDefined('', 'empty text')).toBe('');
    expect(ensureDefined(null, 'null is defined')).toBeNull();
    expect(ensureNotNull(false, 'false')).toBe(false);
    expect(ensureNotNull(undefined, 'undefined is not null')).toBeUndefined();
  });

  it('throw a MissingValueError (kind internal) naming what was missing', () => {
    const m = new Map([['a', 1]]);
    expect(() => ensureDefined(m.get('b'), 'close of b')).toThrow(new MissingValueError('close of b', 'undefined'));
    expect(() => ensureDefined(m.get('b'), 'close of b')).toThrow('close of b is missing (undefined)');
    let caught: unknown;
    try {
      ensureNotNull(null, '#chart element');
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(MissingValueError);
    expect(isMarketDashError(caught) && caught.kind).toBe('internal');
    expect((caught as MissingValueError).what).toBe('#chart element');
    expect((caught as Error).message).toBe('#chart element is missing (null)');
  });
});
