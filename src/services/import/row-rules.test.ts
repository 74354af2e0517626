/** The row rules used to name a bad line, and the junk-line test. */
import { describe, expect, it } from 'vitest';
import { splitCsvLine } from './csv-fields.js';
import { detectCsvLayout } from './csv-layout.js';
import { checkRow, isJunkLine, parseDateCell, parseNumberCell } from './row-rules.js';
import { symbolFromPath } from './symbol-from-path.js';

const yahoo = detectCsvLayout(['Date', 'Open', 'High', 'Low', 'Close', 'Adj Close', 'Volume'], 'f.csv');

describe('cells', () => {
  it('reads numbers the way DuckDB does, or more leniently', () => {
    expect(parseNumberCell(' 12.5 ')).toEqual({ kind: 'number', value: 12.5 });
    expect(parseNumberCell('+5')).toEqual({ kind: 'number', value: 5 });
    expect(parseNumberCell('.5')).toEqual({ kind: 'number', value: 0.5 });
    expect(parseNumberCell('1e3')).toEqual({ kind: 'number', value: 1000 });
    expect(parseNumberCell('')).toEqual({ kind: 'empty' });
    expect(parseNumberCell('1,5')).toEqual({ kind: 'bad' });
    expect(parseNumberCell('0x10')).toEqual({ kind: 'bad' });
    expect(parseNumberCell('null')).toEqual({ kind: 'bad' });
  });

  it('reads ISO dates, one-digit month and day too, and refuses impossible ones', () => {
    expect(parseDateCell('2024-02-29')).toBe('2024-02-29');
    expect(parseDateCell('2024-1-4')).toBe('2024-01-04');
    expect(parseDateCell('2023-02-29')).toBeNull();
    expect(parseDateCell('02/01/2024')).toBeNull();
  });

  it('splits quoted cells', () => {
    expect(splitCsvLine('AAP,"Advance Auto Parts, Inc.",x')).toEqual(['AAP', 'Advance Auto Parts, Inc.', 'x']);
    expect(splitCsvLine('"say ""hi""",2')).toEqual(['say "hi"', '2']);
  });

  it('takes the symbol from the file name', () => {
    expect(symbolFromPath('/data/^VIX.csv')).toBe('^VIX');
    expect(symbolFromPath('NVDA.csv.gz')).toBe('NVDA');
    expect(symbolFromPath('brk-b.CSV')).toBe('BRK-B');
  });
});

describe('checkRow', () => {
  it('passes a good row and returns its values in store order', () => {
    const r = checkRow(['2024-01-02', '1', '2', '0.5', '1.5', '1.4', ''], yahoo);
    expect(r).toEqual({ row: { symbol: null, date: '2024-01-02', values: [1, 2, 0.5, 1.5, 1.4, null] } });
  });

  it.each([
    [['2024-01-02', '1', '2', '0.5', '1.5', '1.4'], /expected 7 columns/],
    [['', '1', '2', '0.5', '1.5', '1.4', '9'], /missing Date/],
    [['x', '1', '2', '0.5', '1.5', '1.4', '9'], /'x' is not a date/],
    [['2024-01-02', 'abc', '2', '0.5', '1.5', '1.4', '9'], /Open: 'abc' is not a number/],
    [['2024-01-02', '1', '2', '0.5', 'inf', '1.4', '9'], /Close: 'inf' is not a finite number/],
    [['2024-01-02', '1', '2', '0.5', '', '1.4', '9'], /missing Close/],
    [['2024-01-02', '1', '2', '0', '1.5', '1.4', '9'], /Low is 0: prices must be above 0/],
    [['2024-01-02', '1', '2', '2.5', '1.5', '1.4', '9'], /High 2 is below Low 2.5/],
    [['2024-01-02', '1', '2', '0.5', '1.5', '1.4', '-9'], /Volume is -9/],
  ])('%j is refused', (fields, problem) => {
    const r = checkRow(fields, yahoo);
    expect('problem' in r && r.problem).toMatch(problem);
  });

  // Found by the importer fuzz (seed -2082712675: a tab inserted into SPY.csv's header, 'A\tdj Close'):
  // the column list went into the one-line message raw. Header names are shown with escapes.
  it('shows control characters in header names as escapes, never raw', () => {
    const layout = detectCsvLayout(['Date', 'A\tdj Close'], 'x.csv');
    const r = checkRow(['2024-01-02'], layout);
    const problem = 'problem' in r ? r.problem : '';
    expect(problem).toBe('expected 2 columns (Date,A\\tdj Close), found 1');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
    expect(problem).not.toMatch(/[\u0000-\u001f]/);
  });

  it('tells junk lines from data', () => {
    const stooq = detectCsvLayout(['Date', 'Close', 'High', 'Low', 'Open', 'Volume'], 'f.csv');
    expect(isJunkLine(splitCsvLine(',XLE,XLE,XLE,XLE,XLE'), stooq)).toBe(true);
    expect(isJunkLine(splitCsvLine('Date,,,,,'), stooq)).toBe(true);
    expect(isJunkLine(splitCsvLine('1998-12-22,11.7,11.8,11.7,11.7,15200'), stooq)).toBe(false);
    // a bad date with numbers is a bad row, not junk: it must fail the import
    expect(isJunkLine(splitCsvLine('1998-13-22,11.7,11.8,11.7,11.7,15200'), stooq)).toBe(false);
  });
});
