/**
 * Import of hand-made files: every layout, gzip, upsert, atomicity, and every kind of bad row
 * (nothing lands, the error names file and line). Expected values are the numbers written in the
 * files below, read back exactly.
 */
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempFolder } from '../../../test/support/temp-folder.js';
import { DataError, UsageError } from '../../domain/errors.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
import { importFiles } from './import-service.js';

const { dir, file } = tempFolder('marketdash-import-');
const gzFile = (name: string, text: string) => file(name, gzipSync(Buffer.from(text)));

const d = (iso: string) => parseIsoDate(iso);

let store: DuckDbStore;
beforeEach(async () => {
  store = await DuckDbStore.open(':memory:');
});
afterEach(async () => {
  await store.close();
});

async function expectNothingStored(): Promise<void> {
  expect((await store.readMany('all')).size).toBe(0);
  expect(await store.listSymbols()).toEqual([]);
  expect(await store.dataVersion()).toBe('0');
}

async function dataError(promise: Promise<unknown>): Promise<DataError> {
  const e = await promise.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DataError);
  return e as DataError;
}

describe('a file that is not comma-separated', () => {
  it("refuses a ';' file naming the delimiter, the file and line 1; nothing is stored", async () => {
    const path = file('XLK.csv', 'Date;Close;High;Low;Open;Volume\n2025-03-18;211,43;213,39;210,65;213,17;5743300\n');
    const e = await dataError(importFiles(store, { files: [path] }));
    expect(e.message).toMatch(
      new RegExp(
        `^${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} line 1: the columns are separated by ';'.*MarketDash reads comma-separated files`,
      ),
    );
    await expectNothingStored();
  });
});

describe('layouts', () => {
  it('reads the Yahoo layout, all seven columns', async () => {
    const path = file(
      'NVDA.csv',
      'Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,49.24,49.30,47.59,48.17,48.15,411254000\n2024-01-03,47.49,48.18,47.32,47.57,47.55,320896000\n',
    );
    const report = await importFiles(store, { files: [path] });
    expect(report.files[0]).toMatchObject({
      layout: 'yahoo',
      rows: 2,
      symbols: ['NVDA'],
      firstDate: '2024-01-02',
      lastDate: '2024-01-03',
    });
    const s = (await store.readSeries('NVDA'))!;
    expect(Array.from(s.dates)).toEqual([d('2024-01-02'), d('2024-01-03')]);
    expect(Array.from(s.open)).toEqual([49.24, 47.49]);
    expect(Array.from(s.high)).toEqual([49.3, 48.18]);
    expect(Array.from(s.low)).toEqual([47.59, 47.32]);
    expect(Array.from(s.close)).toEqual([48.17, 47.57]);
    expect(Array.from(s.adjClose)).toEqual([48.15, 47.55]);
    expect(Array.from(s.volume)).toEqual([411254000, 320896000]);
    expect(report.rowsChanged).toBe(2);
  });

  it('reads the Stooq layout with adj close = close, columns in any order', async () => {
    const path = file(
      '^RUT.csv',
      'Date,Close,High,Low,Open,Volume\n1987-09-11,170.54,170.54,168.75,168.97,178000000\n1987-09-10,168.97,168.98,167.44,167.44,179800000\n',
    );
    const report = await importFiles(store, { files: [path] });
    expect(report.files[0]!.layout).toBe('stooq');
    const s = (await store.readSeries('^RUT'))!;
    // rows came newest first: stored in date order
    expect(Array.from(s.close)).toEqual([168.97, 170.54]);
    expect(Array.from(s.adjClose)).toEqual([168.97, 170.54]);
    expect(Array.from(s.open)).toEqual([167.44, 168.97]);
    expect(await store.getSymbol('^RUT')).toMatchObject({ kind: 'index' });
  });

  it('reads Date,Close with everything else unknown (NaN), never invented', async () => {
    await importFiles(store, { files: [file('SPX.csv', 'Date,Close\n2024-01-02,4742.83\n')] });
    const s = (await store.readSeries('SPX'))!;
    expect(Array.from(s.close)).toEqual([4742.83]);
    expect(Array.from(s.adjClose)).toEqual([4742.83]);
    for (const k of ['open', 'high', 'low', 'volume'] as const) expect(Number.isNaN(s[k][0]!), k).toBe(true);
  });

  it('reads Date,Adj Close storing the value as both close and adj close', async () => {
    await importFiles(store, {
      files: [file('AAPL.csv', 'Date,Adj Close\n1980-12-12,0.098207\n1980-12-15,0.093083\n')],
    });
    const s = (await store.readSeries('AAPL'))!;
    expect(Array.from(s.close)).toEqual([0.098207, 0.093083]);
    expect(Array.from(s.adjClose)).toEqual([0.098207, 0.093083]);
    expect(Number.isNaN(s.volume[0]!)).toBe(true);
  });

  it.each([
    ['Symbol', 'Symbol,Date,Adj Close\nmmm,2015-01-02,95.18\nAOS,2015-01-02,21.5\nMMM,2015-01-05,93.04\n'],
    ['Ticker', 'Date,Ticker,Adj Close\n2015-01-02,mmm,95.18\n2015-01-02,AOS,21.5\n2015-01-05,MMM,93.04\n'],
    ['Name', 'Name,Date,Adj Close\nMMM,2015-01-02,95.18\nAOS,2015-01-02,21.5\nMMM,2015-01-05,93.04\n'],
  ])('reads the long layout with a %s column, many symbols in one file', async (_col, text) => {
    const report = await importFiles(store, { files: [file('members.csv', text)] });
    expect(report.files[0]).toMatchObject({ layout: 'long', rows: 3 });
    expect([...report.files[0]!.symbols].sort()).toEqual(['AOS', 'MMM']);
    expect(Array.from((await store.readSeries('MMM'))!.close)).toEqual([95.18, 93.04]);
    expect(Array.from((await store.readSeries('AOS'))!.close)).toEqual([21.5]);
  });

  it('reads gzip files, found by their magic bytes whatever the name', async () => {
    const text = 'Date,Close\n2024-01-02,10\n2024-01-03,11\n';
    await importFiles(store, { files: [gzFile('NVDA.csv.gz', text), gzFile('TSLA.csv', text)] });
    expect(Array.from((await store.readSeries('NVDA'))!.close)).toEqual([10, 11]);
    expect(Array.from((await store.readSeries('TSLA'))!.close)).toEqual([10, 11]);
  });

  it('reads a gzip long file', async () => {
    await importFiles(store, { files: [gzFile('long.csv.gz', 'Symbol,Date,Close\nA,2024-01-02,1\nB,2024-01-02,2\n')] });
    expect((await store.readMany('all')).size).toBe(2);
  });

  it('takes the symbol from --symbol, upper-cased', async () => {
    await importFiles(store, { files: [file('download.csv', 'Date,Close\n2024-01-02,10\n')], symbol: 'xlk' });
    expect(await store.readSeries('XLK')).not.toBeNull();
  });

  it('accepts CRLF, blank lines, a trailing newline or none, quoted cells and a BOM', async () => {
    await importFiles(store, {
      files: [file('CR.csv', '\uFEFFDate,Close\r\n2024-01-02,"10.5"\r\n\r\n2024-01-03,11\r\n\r\n')],
    });
    await importFiles(store, { files: [file('NOEOL.csv', 'Date,Close\n2024-01-02,7')] });
    expect(Array.from((await store.readSeries('CR'))!.close)).toEqual([10.5, 11]);
    expect(Array.from((await store.readSeries('NOEOL'))!.close)).toEqual([7]);
  });

  it('repairs a junk line after the header with a warning naming the line', async () => {
    const path = file(
      'XLE.csv',
      'Date,Close,High,Low,Open,Volume\n,XLE,XLE,XLE,XLE,XLE\n1998-12-22,11.74,11.80,11.70,11.76,15200\n',
    );
    const report = await importFiles(store, { files: [path] });
    expect(report.files[0]!.rows).toBe(1);
    expect(report.files[0]!.warnings.map((w) => w.line)).toEqual([2]);
    expect(report.files[0]!.warnings[0]!.message).toContain("line 2 (',XLE,XLE,XLE,XLE,XLE')");
  });

  it('takes the ticker a junk line names over a file name that is a description, and says so', async () => {
    const path = file(
      'XLE-junk-second-line.csv',
      'Date,Close,High,Low,Open,Volume\n,XLE,XLE,XLE,XLE,XLE\n1998-12-22,11.74,11.80,11.70,11.76,15200\n',
    );
    const report = await importFiles(store, { files: [path] });
    expect(report.files[0]!.symbols).toEqual(['XLE']);
    expect((await store.listSymbols()).map((s) => s.ticker)).toEqual(['XLE']);
    expect(report.files[0]!.warnings[0]!.message).toContain(
      'symbol XLE taken from it (not XLE-JUNK-SECOND-LINE from the file name; --symbol to choose)',
    );
  });

  it('keeps --symbol over the ticker a junk line names, saying which', async () => {
    const path = file('energy.csv', 'Date,Close\nTicker,XLE\n1998-12-22,11.74\n');
    const report = await importFiles(store, { files: [path], symbol: 'ENRG' });
    expect(report.files[0]!.symbols).toEqual(['ENRG']);
    expect(report.files[0]!.warnings[0]!.message).toContain('it names XLE, stored as ENRG as --symbol says');
  });

  it('refuses a file name of three or more words as a ticker when no line names one', async () => {
    const path = file('xle-daily-download.csv', 'Date,Close\n1998-12-22,11.74\n');
    await expect(importFiles(store, { files: [path] })).rejects.toThrow(
      `the name of ${path} does not look like a ticker ('XLE-DAILY-DOWNLOAD' is 3 words`,
    );
    await expectNothingStored();
    // one or two words are tickers as they were: BRK-B, ^VIX
    await importFiles(store, { files: [file('BRK-B.csv', 'Date,Close\n2024-01-02,360.5\n')] });
    expect((await store.listSymbols()).map((s) => s.ticker)).toEqual(['BRK-B']);
  });

  it('imports a symbol list (Ticker,Company): names, kinds kept', async () => {
    await store.upsertSymbols([{ ticker: 'MMM', name: null, kind: 'stock', currency: 'USD' }]);
    const report = await importFiles(store, {
      files: [file('sp.csv', 'Ticker,Company\nMMM,3M\nAAP,"Advance Auto Parts, Inc."\n')],
    });
    expect(report.files[0]).toMatchObject({ layout: 'symbol-list', symbols: ['MMM', 'AAP'] });
    expect(await store.getSymbol('AAP')).toEqual({
      ticker: 'AAP',
      name: 'Advance Auto Parts, Inc.',
      kind: 'stock',
      currency: 'USD',
    });
    expect((await store.getSymbol('MMM'))!.name).toBe('3M');
  });

  it('warns about an unadjusted 2:1 split naming date and line', async () => {
    const path = file(
      'XLK.csv',
      'Date,Close\n2025-11-12,293.92\n2025-11-13,286.59\n2025-11-14,288.15\n2025-11-17,141.61\n2025-11-18,139.30\n2025-11-19,140.27\n',
    );
    const report = await importFiles(store, { files: [path] });
    const w = report.files[0]!.warnings;
    expect(w).toHaveLength(1);
    expect(w[0]!.line).toBe(5);
    expect(w[0]!.message).toContain('2025-11-17');
    expect(w[0]!.message).toContain('2:1 split');
  });
});

describe('upsert and atomicity', () => {
  it('re-importing the same file changes nothing, and the version stays', async () => {
    const path = file(
      'SAME.csv',
      'Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,1,2,0.5,1.5,1.4,100\n2024-01-03,1.5,2,1,1.75,1.7,\n',
    );
    expect((await importFiles(store, { files: [path] })).rowsChanged).toBe(2);
    const v = await store.dataVersion();
    const again = await importFiles(store, { files: [path] });
    expect(again).toMatchObject({ rowsSeen: 2, rowsChanged: 0 });
    expect(await store.dataVersion()).toBe(v);
    expect((await store.readSeries('SAME'))!.dates.length).toBe(2);
  });

  it('re-importing a FRED file or a symbol list (names) changes nothing either, and the version stays', async () => {
    const fred = file('DGS2.csv', 'observation_date,DGS2\n2025-12-10,3.54\n2025-12-11,3.52\n2025-12-12,\n');
    const names = file('names.csv', 'Ticker,Company\nDGS2,Two-year yield\nZZZA,Some Company\n');
    await importFiles(store, { files: [fred] });
    await importFiles(store, { files: [names] });
    const v = await store.dataVersion();
    expect(await importFiles(store, { files: [fred] })).toMatchObject({ rowsSeen: 2, rowsChanged: 0 });
    expect(await store.dataVersion()).toBe(v);
    await importFiles(store, { files: [names] });
    expect(await store.dataVersion()).toBe(v);
    expect((await store.getSymbol('DGS2'))?.kind).toBe('rate');
    // a name that did change is a change
    await importFiles(store, { files: [file('names2.csv', 'Ticker,Company\nZZZA,Another Company\n')] });
    expect(await store.dataVersion()).not.toBe(v);
    expect((await store.getSymbol('ZZZA'))?.name).toBe('Another Company');
  });

  it('an overlapping file updates changed bars, keeps equal ones and adds new ones', async () => {
    await importFiles(store, { files: [file('UPD.csv', 'Date,Close\n2024-01-02,10\n2024-01-03,11\n2024-01-04,12\n')] });
    const r = await importFiles(store, {
      files: [file('UPD.csv', 'Date,Close\n2024-01-03,11\n2024-01-04,12.5\n2024-01-05,13\n')],
    });
    expect(r.rowsChanged).toBe(2);
    const s = (await store.readSeries('UPD'))!;
    expect(Array.from(s.close)).toEqual([10, 11, 12.5, 13]);
    expect(Array.from(s.dates)).toEqual([d('2024-01-02'), d('2024-01-03'), d('2024-01-04'), d('2024-01-05')]);
  });

  it('a re-import finds the symbols whose rows all stay: values moved to other days and a missing day still count', async () => {
    const head = 'Symbol,Date,Open,High,Low,Close,Adj Close,Volume\n';
    const row = (sym: string, day: string, close: number) =>
      `${sym},${day},${close},${close + 1},${close - 1},${close},${close},100\n`;
    const days = ['2024-01-02', '2024-01-03', '2024-01-04'];
    const stored = [
      ...days.map((day, i) => row('UNA', day, 10 + i)),
      ...days.map((day, i) => row('CHB', day, 20 + i)),
      ...days.map((day, i) => row('SWP', day, 30 + i)),
      ...days.map((day, i) => row('GAP', day, 40 + i)),
    ];
    expect((await importFiles(store, { files: [file('ALL.csv', head + stored.join(''))] })).rowsChanged).toBe(12);
    const again = [
      ...days.map((day, i) => row('UNA', day, 10 + i)),
      // one close differs: that row alone is replaced
      row('CHB', days[0]!, 20),
      row('CHB', days[1]!, 21.5),
      row('CHB', days[2]!, 22),
      // the same three rows of values on other days (equal per-symbol sums of values, not of rows)
      row('SWP', days[0]!, 31),
      row('SWP', days[1]!, 30),
      row('SWP', days[2]!, 32),
      // a day left out: fewer rows than stored over the same stretch, the rest equal
      row('GAP', days[0]!, 40),
      row('GAP', days[2]!, 42),
    ];
    const r = await importFiles(store, { files: [file('ALL.csv', head + again.join(''))] });
    expect(r).toMatchObject({ rowsSeen: 11, rowsChanged: 3 });
    const close = async (sym: string) => Array.from((await store.readSeries(sym))!.close);
    expect(await close('UNA')).toEqual([10, 11, 12]);
    expect(await close('CHB')).toEqual([20, 21.5, 22]);
    expect(await close('SWP')).toEqual([31, 30, 32]);
    expect(await close('GAP')).toEqual([40, 41, 42]);
  });

  it('a repeated identical row is kept once', async () => {
    const r = await importFiles(store, {
      files: [file('REP.csv', 'Date,Close\n2024-01-02,10\n2024-01-03,11\n2024-01-02,10\n')],
    });
    expect(r.rowsChanged).toBe(2);
    expect(r.files[0]!.warnings.map((w) => w.message)).toContain('1 repeated identical row(s) kept once');
    expect(Array.from((await store.readSeries('REP'))!.close)).toEqual([10, 11]);
  });

  it('when two files of one command give the same date, the later file wins', async () => {
    const first = file('DUPA.csv', 'Symbol,Date,Close\nDUP,2024-01-02,10\nDUP,2024-01-03,11\n');
    const second = file('DUPB.csv', 'Symbol,Date,Close\nDUP,2024-01-03,11.5\n');
    await importFiles(store, { files: [first, second] });
    expect(Array.from((await store.readSeries('DUP'))!.close)).toEqual([10, 11.5]);
  });

  it('a bad row in the second file imports nothing from the first', async () => {
    const good = file('GOOD.csv', 'Date,Close\n2024-01-02,10\n');
    const bad = file('BAD.csv', 'Date,Close\n2024-01-02,10\n2024-01-03,-1\n');
    const e = await dataError(importFiles(store, { files: [good, bad] }));
    expect(e.file).toBe(bad);
    expect(e.line).toBe(3);
    await expectNothingStored();
  });

  it('a failed re-import leaves the stored rows as they were', async () => {
    await importFiles(store, { files: [file('KEEP.csv', 'Date,Close\n2024-01-02,10\n')] });
    const v = await store.dataVersion();
    await dataError(importFiles(store, { files: [file('KEEP.csv', 'Date,Close\n2024-01-02,99\n2024-01-03,abc\n')] }));
    expect(Array.from((await store.readSeries('KEEP'))!.close)).toEqual([10]);
    expect(await store.dataVersion()).toBe(v);
  });
});

describe('bad rows: nothing lands, the error names file, line and problem', () => {
  const cases: [string, string, number, RegExp][] = [
    ['unparseable number', 'Date,Close\n2024-01-02,10\n2024-01-03,1O.5\n', 3, /Close: '1O\.5' is not a number/],
    ['unparseable date', 'Date,Close\n2024-01-02,10\n2024-02-30,11\n', 3, /Date: '2024-02-30' is not a date/],
    ['text date', 'Date,Close\n2024-01-02,10\nyesterday,11\n', 3, /Date: 'yesterday' is not a date/],
    ['zero price', 'Date,Close\n2024-01-02,10\n2024-01-03,0\n', 3, /Close is 0: prices must be above 0/],
    [
      'negative price',
      'Date,Open,High,Low,Close,Volume\n2024-01-02,-1,2,1,1.5,10\n',
      2,
      /Open is -1: prices must be above 0/,
    ],
    [
      'high below low',
      'Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,1.5,10\n2024-01-03,1,0.9,1.1,1,10\n',
      3,
      /High 0\.9 is below Low 1\.1/,
    ],
    [
      'negative volume',
      'Date,Open,High,Low,Close,Volume\n2024-01-02,1,2,1,1.5,-10\n',
      2,
      /Volume is -10: volume cannot be negative/,
    ],
    [
      'duplicate date, different values',
      'Date,Close\n2024-01-02,10\n2024-01-03,11\n2024-01-02,10.5\n',
      4,
      /duplicate date 2024-01-02 for BADROW with different values \(first given on line 2\)/,
    ],
    ['missing close', 'Date,Close\n2024-01-02,10\n2024-01-03,\n', 3, /missing Close/],
    [
      'missing adj close in a Yahoo file',
      'Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,1,2,0.5,1.5,,100\n',
      2,
      /missing Adj Close/,
    ],
    ['missing date', 'Date,Close\n2024-01-02,10\n,11\n', 3, /missing Date/],
    ['NaN price', 'Date,Close\n2024-01-02,10\n2024-01-03,nan\n', 3, /Close: 'nan' is not a finite number/],
    ['too many columns', 'Date,Close\n2024-01-02,10\n2024-01-03,11,12\n', 3, /expected 2 columns/],
    ['too few columns', 'Date,Open,Close\n2024-01-02,1,10\n2024-01-03,11\n', 3, /expected 3 columns/],
  ];
  it.each(cases)('%s', async (_name, text, line, message) => {
    const path = file('BADROW.csv', text);
    const e = await dataError(importFiles(store, { files: [path] }));
    expect(e.file).toBe(path);
    expect(e.line).toBe(line);
    expect(e.message).toContain(`${path} line ${line}:`);
    expect(e.message).toMatch(message);
    expect(e.message).toContain('nothing was imported');
    await expectNothingStored();
  });

  it('a missing symbol in a long file', async () => {
    const path = file('long-bad.csv', 'Symbol,Date,Close\nA,2024-01-02,1\n,2024-01-02,2\n');
    const e = await dataError(importFiles(store, { files: [path] }));
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/missing Symbol/);
    await expectNothingStored();
  });

  it('a bad row deep in a gzip long file', async () => {
    // seven symbols, one row per symbol and day; line 4323 (data row 4322) has a zero close
    const lines = Array.from({ length: 5000 }, (_, i) => `S${i % 7},${isoDay(10957 + Math.floor(i / 7))},${i + 1}`);
    lines[4321] = `S${4321 % 7},${isoDay(10957 + Math.floor(4321 / 7))},0`;
    const path = gzFile('deep.csv.gz', `Symbol,Date,Close\n${lines.join('\n')}\n`);
    const e = await dataError(importFiles(store, { files: [path] }));
    expect(e.line).toBe(4323);
    expect(e.message).toMatch(/Close is 0/);
    await expectNothingStored();
  });
});

describe('usage mistakes', () => {
  it('a missing file is a DataError naming it', async () => {
    const e = await dataError(importFiles(store, { files: [join(dir, 'nope.csv')] }));
    expect(e.message).toContain('nope.csv: file not found');
  });

  it('a file without a Date column is refused naming line 1', async () => {
    const e = await dataError(importFiles(store, { files: [file('x.csv', 'When,Close\n2024-01-02,1\n')] }));
    expect(e.line).toBe(1);
    expect(e.message).toMatch(/no Date column/);
  });

  it('--symbol with several files, or with a long file, is a usage error', async () => {
    const a = file('A1.csv', 'Date,Close\n2024-01-02,1\n');
    await expect(importFiles(store, { files: [a, a], symbol: 'X' })).rejects.toBeInstanceOf(UsageError);
    const long = file('L1.csv', 'Symbol,Date,Close\nA,2024-01-02,1\n');
    await expect(importFiles(store, { files: [long], symbol: 'X' })).rejects.toThrow(/has a Symbol column/);
  });
});

function isoDay(day: number): string {
  return new Date(day * 86400000).toISOString().slice(0, 10);
}
