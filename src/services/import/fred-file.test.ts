/**
 * `import` of FRED's own layout (`observation_date,SERIES`, empty values on holidays), issue 15:
 * stored as kind `rate`, holidays skipped, bad lines named; beside an ordinary price file in the
 * same import. Expected values are those written in the files; the real files' figures
 * (DGS2 3.52 and DFF 3.64 on 2025-12-11) are from ../shared/data/README.md.
 */
import { expect, it } from 'vitest';
import { memoryStoreEach } from '../../../test/support/memory-store.js';
import { describeWithSharedData, realFile } from '../../../test/support/shared-data.js';
import { tempFolder } from '../../../test/support/temp-folder.js';
import { DataError } from '../../domain/errors.js';
import { indexOnOrBefore } from '../../domain/price-series.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import { isFredHeader } from './fred-file.js';
import { importFiles } from './import-service.js';

const { file } = tempFolder('marketdash-fred-');

const mem = memoryStoreEach();

it('tells FRED headers from close-only price headers', () => {
  expect(isFredHeader(['observation_date', 'DGS10'])).toBe(true);
  expect(isFredHeader(['DATE', 'DFF'])).toBe(true);
  expect(isFredHeader(['Date', 'Adj Close'])).toBe(false);
  expect(isFredHeader(['Date', 'Close'])).toBe(false);
  // a typo of a price column is not a FRED series (it imported as a rate called CLSOE); the layout check names it
  expect(isFredHeader(['Date', 'Clsoe'])).toBe(false);
  expect(isFredHeader(['Date', 'Volumne'])).toBe(false);
  expect(isFredHeader(['DATE', 'DGS2'])).toBe(true);
  expect(isFredHeader(['DATE', 'T10Y2Y'])).toBe(true);
  expect(isFredHeader(['observation_date', 'DGS10', 'x'])).toBe(false);
});

it('a typo of Close is named, nothing imported (it became a rate series called CLSOE)', async () => {
  const typo = file('SPY.csv', 'Date,Clsoe\n2025-12-24,600\n');
  await expect(importFiles(mem.store, { files: [typo] })).rejects.toThrow(
    `${typo} line 1: column 'Clsoe' is not a known column: did you mean 'Close'?`,
  );
  expect(await mem.store.listSymbols()).toEqual([]);
});

it('stores a FRED file as kind rate under its series name, holidays skipped, next to a price file', async () => {
  const fred = file('anything.csv', 'observation_date,DGS2\n2025-12-24,3.50\n2025-12-25,\n2025-12-26,3.48\n');
  const prices = file('SPY.csv', 'Date,Close\n2025-12-24,600\n2025-12-26,601\n');
  const report = await importFiles(mem.store, { files: [fred, prices] });
  expect(report.files.map((f) => [f.layout, f.symbols, f.rows])).toEqual([
    ['fred', ['DGS2'], 2],
    ['close-only', ['SPY'], 2],
  ]);
  expect(report.files[0]!.warnings.map((w) => w.message)).toEqual(['1 empty value(s) skipped (holidays)']);
  expect(report.rowsChanged).toBe(4);
  const s = (await mem.store.readSeries('DGS2'))!;
  expect([...s.dates].map(formatIsoDate)).toEqual(['2025-12-24', '2025-12-26']);
  expect([...s.close]).toEqual([3.5, 3.48]);
  expect((await mem.store.getSymbol('DGS2'))!.kind).toBe('rate');
  const again = await importFiles(mem.store, { files: [fred] });
  expect(again.rowsChanged).toBe(0);
});

it('a bad value names the file and line, and nothing is stored', async () => {
  const bad = file('DGS5.csv', 'observation_date,DGS5\n2025-01-02,4.1\n2025-01-03,abc\n');
  const ok = file('QQQ.csv', 'Date,Close\n2025-01-02,500\n');
  const e = await importFiles(mem.store, { files: [ok, bad] }).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DataError);
  expect((e as Error).message).toBe(`${bad} line 3: 'abc' is not a number`);
  expect(await mem.store.listSymbols()).toEqual([]);
});

describeWithSharedData('the real FRED files of ../shared/data/real/rates', () => {
  it('import as rates: DGS2 3.52 and DFF 3.64 on 2025-12-11, DFF 3.89 the day before', async () => {
    const files = ['DGS2', 'DGS10', 'DFF'].map((s) => realFile(`rates/${s}.csv`));
    const report = await importFiles(mem.store, { files });
    expect(report.files.map((f) => f.symbols[0])).toEqual(['DGS2', 'DGS10', 'DFF']);
    const at = async (symbol: string, iso: string) => {
      const s = (await mem.store.readSeries(symbol))!;
      return s.close[indexOnOrBefore(s.dates, parseIsoDate(iso))];
    };
    expect(await at('DGS2', '2025-12-11')).toBe(3.52);
    expect(await at('DGS10', '2025-12-11')).toBe(4.14);
    expect(await at('DFF', '2025-12-11')).toBe(3.64);
    expect(await at('DFF', '2025-12-10')).toBe(3.89);
  });
});
