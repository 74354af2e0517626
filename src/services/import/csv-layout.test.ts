/** Layout detection by header names in any order. */
import { describe, expect, it } from 'vitest';
import { DataError } from '../../domain/errors.js';
import { detectCsvLayout } from './csv-layout.js';

describe('detectCsvLayout', () => {
  it.each([
    [['Date', 'Open', 'High', 'Low', 'Close', 'Adj Close', 'Volume'], 'yahoo'],
    [['Date', 'Open', 'High', 'Low', 'Close', 'Volume'], 'stooq'],
    [['Date', 'Close', 'High', 'Low', 'Open', 'Volume'], 'stooq'],
    [['Date', 'Close'], 'close-only'],
    [['Date', 'Adj Close'], 'adj-close-only'],
    [['date', 'adj_close'], 'adj-close-only'],
    [['Date', 'Open', 'Close'], 'ohlc'],
    [['Symbol', 'Date', 'Adj Close'], 'long'],
    [['Date', 'Ticker', 'Close', 'Volume'], 'long'],
    [['Name', 'Date', 'Close'], 'long'],
    [['Ticker', 'Company'], 'symbol-list'],
  ])('%j is %s', (header, name) => {
    expect(detectCsvLayout(header, 'f.csv').name).toBe(name);
  });

  it('maps each role to its column index, whatever the order', () => {
    const l = detectCsvLayout(['Date', 'Close', 'High', 'Low', 'Open', 'Volume'], 'f.csv');
    expect(l.roles).toEqual({ date: 0, close: 1, high: 2, low: 3, open: 4, volume: 5 });
  });

  it('reports unknown columns as ignored and keeps a Name column beside Symbol out of the roles', () => {
    const l = detectCsvLayout(['Symbol', 'Name', 'Date', 'Close', 'Dividends'], 'f.csv');
    expect(l.roles).toEqual({ symbol: 0, date: 2, close: 3 });
    expect(l.ignored).toEqual(['Dividends', 'Name']);
  });

  it('refuses a file without a date or without a close, naming line 1', () => {
    expect(() => detectCsvLayout(['When', 'Close'], 'f.csv')).toThrow(/f\.csv line 1: no Date column/);
    expect(() => detectCsvLayout(['Date', 'Open'], 'f.csv')).toThrow(/no Close or Adj Close column/);
    expect(() => detectCsvLayout(['Date', 'Close', 'close'], 'f.csv')).toThrow(DataError);
  });

  it("says a header separated by ';', a tab or '|' is not comma-separated, not 'no Date column'", () => {
    expect(() => detectCsvLayout(['Date;Close;High;Low;Open;Volume'], 'x.csv')).toThrow(
      "x.csv line 1: the columns are separated by ';' (header: Date;Close;High;Low;Open;Volume); MarketDash reads comma-separated files",
    );
    expect(() => detectCsvLayout(['Ticker;Company'], 'x.csv')).toThrow(/separated by ';'/);
    expect(() => detectCsvLayout(['Date\tClose'], 'x.csv')).toThrow(
      /x\.csv line 1: the columns are separated by '\\t'/,
    );
    expect(() => detectCsvLayout(['Date|Adj Close'], 'x.csv')).toThrow(/separated by '\|'/);
    // one column with no other delimiter in it is still "no Date column"
    expect(() => detectCsvLayout(['Close'], 'x.csv')).toThrow(/no Date column/);
  });
});

describe('misspelt header columns (issue 12 item 5)', () => {
  it.each([
    [['Date', 'Open', 'Hihg', 'Low', 'Close'], "column 'Hihg' is not a known column: did you mean 'High'?"],
    [['Date', 'Close', 'Volum'], "column 'Volum' is not a known column: did you mean 'Volume'?"],
    [['Date', 'Adj Clos'], "column 'Adj Clos' is not a known column: did you mean 'Adj Close'?"],
  ])('%j names the column and suggests the right one', (header, message) => {
    expect(() => detectCsvLayout(header, 'f.csv')).toThrow(`f.csv line 1: ${message}`);
  });

  it('leaves unrelated extra columns alone (yfinance Dividends, Stock Splits)', () => {
    const layout = detectCsvLayout(['Date', 'Close', 'Dividends', 'Stock Splits'], 'f.csv');
    expect(layout.ignored).toEqual(['Dividends', 'Stock Splits']);
  });

  it('does not suggest a column the header already has', () => {
    expect(detectCsvLayout(['Date', 'High', 'Low', 'Close', 'Hihg'], 'f.csv').ignored).toEqual(['Hihg']);
  });
});
