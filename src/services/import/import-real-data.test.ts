/**
 * Import of the real files in ../shared/data (see its README): everything under real/ in one command,
 * then the messy files. Expected counts and values are read straight from the files here (line
 * counts, first and last lines), independently of the import code.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithSharedData, messyFile, realFile } from '../../../test/support/shared-data.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
import { type ImportReport, importFiles } from './import-service.js';

const dir = mkdtempSync(join(tmpdir(), 'marketdash-real-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function dataLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .slice(1)
    .filter((l) => l.trim() !== '');
}

describeWithSharedData('import of ../shared/data/real', () => {
  let store: DuckDbStore;
  let report: ImportReport;
  const files = [
    ...['etfs-and-megacaps', 'indices', 'constituents'].flatMap((sub) =>
      readdirSync(realFile(sub)).map((f) => realFile(join(sub, f))),
    ),
    realFile('sp500-members-adjclose-2015.csv.gz'),
    realFile('sp600-members-adjclose-2015.csv.gz'),
  ];

  beforeAll(async () => {
    store = await DuckDbStore.open(join(dir, 'real.duckdb'));
    report = await importFiles(store, { files });
  }, 600_000);
  afterAll(async () => {
    await store.close();
  });

  it('takes every file', () => {
    expect(report.files.map((f) => f.path)).toEqual(files);
    expect(report.files.filter((f) => f.layout === 'symbol-list')).toHaveLength(2);
  });

  it('stores each single-symbol file row for row, first and last values exact', async () => {
    for (const name of [
      'etfs-and-megacaps/NVDA.csv',
      'etfs-and-megacaps/XLK.csv',
      'indices/^VIX.csv',
      'indices/^RUT.csv',
    ]) {
      const lines = dataLines(readFileSync(realFile(name), 'utf8'));
      const ticker = name.split('/')[1]!.replace('.csv', '');
      const imported = report.files.find((f) => f.path === realFile(name))!;
      expect(imported.rows, name).toBe(lines.length);
      const s = (await store.readSeries(ticker, { to: '2014-12-31' }))!;
      const first = lines[0]!.split(',');
      expect(s.dates[0]).toBe(parseIsoDate(first[0]!));
      expect(s.close[0]).toBe(Number(first.length === 2 ? first[1] : first[4]));
    }
    const vix = (await store.readSeries('^VIX'))!;
    const last = dataLines(readFileSync(realFile('indices/^VIX.csv'), 'utf8'))
      .at(-1)!
      .split(',');
    expect(vix.dates.at(-1)).toBe(parseIsoDate(last[0]!));
    expect([vix.open.at(-1), vix.high.at(-1), vix.low.at(-1), vix.close.at(-1), vix.volume.at(-1)]).toEqual(
      last.slice(1).map(Number),
    );
    expect(vix.adjClose.at(-1)).toBe(Number(last[4]));
  });

  it('stores the long gzip files: rows and symbols as in the file', () => {
    for (const name of ['sp500-members-adjclose-2015.csv.gz', 'sp600-members-adjclose-2015.csv.gz']) {
      const lines = dataLines(gunzipSync(readFileSync(realFile(name))).toString('utf8'));
      const symbols = new Set(lines.map((l) => l.slice(0, l.indexOf(','))));
      const imported = report.files.find((f) => f.path === realFile(name))!;
      expect(imported.layout).toBe('long');
      expect(imported.rows).toBe(lines.length);
      expect(new Set(imported.symbols)).toEqual(symbols);
    }
  });

  it('sets names from the constituent lists', async () => {
    expect((await store.getSymbol('MMM'))!.name).toBe('3M');
  });

  it('re-importing everything changes nothing', async () => {
    const again = await importFiles(store, { files });
    expect(again.rowsChanged).toBe(0);
    expect(again.rowsSeen).toBe(report.rowsSeen);
  }, 600_000);
});

describeWithSharedData('import of ../shared/data/messy', () => {
  it('skips the junk second line of the XLE file with a warning naming line 2', async () => {
    const store = await DuckDbStore.open(':memory:');
    try {
      const r = await importFiles(store, { files: [messyFile('XLE-junk-second-line.csv')], symbol: 'XLE' });
      const lines = dataLines(readFileSync(messyFile('XLE-junk-second-line.csv'), 'utf8'));
      expect(r.files[0]!.rows).toBe(lines.length - 1);
      expect(r.files[0]!.warnings.map((w) => w.line)).toEqual([2]);
      expect((await store.readSeries('XLE'))!.close[0]).toBe(Number(lines[1]!.split(',')[1]));
    } finally {
      await store.close();
    }
  });

  it('stores the XLE file without --symbol as XLE, the ticker its junk line names, not its file name', async () => {
    const store = await DuckDbStore.open(':memory:');
    try {
      const r = await importFiles(store, { files: [messyFile('XLE-junk-second-line.csv')] });
      expect(r.files[0]!.symbols).toEqual(['XLE']);
      expect((await store.listSymbols()).map((s) => s.ticker)).toEqual(['XLE']);
    } finally {
      await store.close();
    }
  });

  it('imports the XLK file with its odd column order and warns of the 2:1 split on 2025-11-17, line 171', async () => {
    const store = await DuckDbStore.open(':memory:');
    try {
      const r = await importFiles(store, { files: [messyFile('XLK-split-not-back-adjusted.csv')], symbol: 'XLK' });
      expect(r.files[0]!.layout).toBe('stooq');
      const w = r.files[0]!.warnings;
      expect(w).toHaveLength(1);
      expect(w[0]!.line).toBe(171);
      expect(w[0]!.message).toMatch(/XLK closed at 141\.61 on 2025-11-17 after 288\.15 .*2:1 split/);
      const s = (await store.readSeries('XLK', { from: '2025-11-17', to: '2025-11-17' }))!;
      // Date,Close,High,Low,Open,Volume: the close is the second column
      expect([s.close[0], s.high[0], s.low[0], s.open[0], s.volume[0]]).toEqual([
        141.605224609375, 144.06648777438318, 140.46195441612323, 142.50885279154377, 24675400,
      ]);
    } finally {
      await store.close();
    }
  });
});
