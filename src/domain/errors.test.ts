/** The typed errors: the CLI's line adds the hint; the message alone is what the API sends. */
import { describe, expect, test } from 'vitest';
import { cliErrorLine, DataError, NotFoundError, UsageError } from './errors.js';

describe('cliErrorLine', () => {
  test('an unknown symbol: the message names it, the CLI line adds where to look', () => {
    const e = new NotFoundError('ZZZ');
    expect(e.message).toBe("unknown symbol 'ZZZ'");
    expect(cliErrorLine(e)).toBe("unknown symbol 'ZZZ'; run 'marketdash symbols' to see what is stored");
  });
  test('a message of its own carries no default hint; one given is kept', () => {
    expect(cliErrorLine(new NotFoundError('G', "unknown group 'G'"))).toBe("unknown group 'G'");
    const e = new DataError('the store holds no data', { hint: "run 'marketdash demo'", file: 'x.csv' });
    expect([cliErrorLine(e), e.file]).toEqual(["the store holds no data; run 'marketdash demo'", 'x.csv']);
    const u = new UsageError('--as-of: bad', { parameter: '--as-of' });
    expect([cliErrorLine(u), u.parameter, u.hint]).toEqual(['--as-of: bad', '--as-of', undefined]);
  });
  test('the cause is kept', () => {
    const cause = new Error('inner');
    expect(new DataError('outer', { cause }).cause).toBe(cause);
  });
});
