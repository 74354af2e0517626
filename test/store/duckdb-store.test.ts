/** Runs the store contract on DuckDB in memory and on a temporary file, plus file-specific behaviour. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blobValue, DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it, vi } from 'vitest';
import type { PriceSeries } from '../../src/domain/price-series.js';
import { formatIsoDate, parseIsoDate } from '../../src/domain/trading-date.js';
import { CsvSnapshotPrepack } from '../../src/store/csv-snapshot-prepack.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import type { CsvFileSpec } from '../../src/store/price-store.js';
import { withoutGroupIndex } from '../support/snapshot-format.js';
import { expectSnapshotMatchesBars, runSnapshotContract } from './snapshot-contract.js';
import { runStoreContract, sampleSeries } from './store-contract.js';

const dir = mkdtempSync(join(tmpdir(), 'marketdash-store-'));
let fileCounter = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

runStoreContract('duckdb :memory:', () => DuckDbStore.open(':memory:'));
runStoreContract('duckdb file', () => DuckDbStore.open(join(dir, `contract-${++fileCounter}.duckdb`)));
runSnapshotContract('duckdb file', () => DuckDbStore.open(join(dir, `snapshot-${++fileCounter}.duckdb`)));

describe('DuckDbStore on a file', () => {
  it('upgrades a store made before the close snapshot: the migration packs it from the bars', async () => {
    const path = join(dir, 'pre-snapshot.duckdb');
    const a = await DuckDbStore.open(path);
    await a.writeBars([
      { series: sampleSeries('AAA'), source: 'test' },
      { series: sampleSeries('BBB'), source: 'csv' },
    ]);
    await a.close();
    // back to schema 2, as an older marketdash left it
    const instance = await DuckDBInstance.create(path);
    const c = await instance.connect();
    for (const sql of ['DROP VIEW close_snapshot', 'DROP TABLE close_segments', 'DROP TABLE close_recent'])
      await c.run(sql);
    await c.run('DELETE FROM schema_version WHERE version >= 3');
    c.closeSync();
    instance.closeSync();
    const b = await DuckDbStore.open(path);
    try {
      expect(await b.schemaVersion()).toBeGreaterThanOrEqual(3);
      expect(await b.barSources()).toEqual(['csv', 'test']);
      await expectSnapshotMatchesBars(b);
      expect(
        Array.from((await b.readMany(['BBB'], undefined, { columns: ['adjClose'] })).get('BBB')!.adjClose),
      ).toEqual([10.25, 10.625, 11.125]);
    } finally {
      await b.close();
    }
  });

  it('upgrades a store whose packed closes have no group index (schema 4): migration 5 packs them again', async () => {
    const path = join(dir, 'pre-index.duckdb');
    const a = await DuckDbStore.open(path);
    await a.writeBars([
      { series: sampleSeries('AAA'), source: 'test' },
      { series: sampleSeries('BBB'), source: 'csv' },
    ]);
    await a.close();
    // the closes as schema 4 packed them: mode byte = decimals, no index (a zigzag varint, the index's
    // length and the index dropped), in schema 4's one close_snapshot table
    const instance = await DuckDBInstance.create(path);
    const c = await instance.connect();
    for (const sql of ONE_TABLE_LAYOUT) await c.run(sql);
    const rows = (await c.runAndReadAll('SELECT symbol, year, closes FROM close_snapshot')).getRowsJS();
    expect(rows.length).toBe(2);
    for (const [symbol, year, blob] of rows) {
      const bytes = blob as Uint8Array;
      expect(bytes[0]).toBeGreaterThanOrEqual(0x10);
      await c.run('UPDATE close_snapshot SET closes = $b WHERE symbol = $s AND year = $y', {
        b: blobValue(withoutGroupIndex(bytes)),
        s: String(symbol),
        y: Number(year),
      });
    }
    await c.run('DELETE FROM schema_version WHERE version >= 5');
    c.closeSync();
    instance.closeSync();
    const b = await DuckDbStore.open(path);
    try {
      expect(await b.schemaVersion()).toBe(6);
      await expectSnapshotMatchesBars(b);
      const again = await DuckDBInstance.create(path);
      const d = await again.connect();
      const modes = (await d.runAndReadAll('SELECT closes FROM close_snapshot')).getRowsJS();
      d.closeSync();
      again.closeSync();
      expect(modes.length).toBe(2);
      for (const [blob] of modes) expect((blob as Uint8Array)[0]).toBeGreaterThanOrEqual(0x10);
    } finally {
      await b.close();
    }
  });

  it('a write after the stored days changes only close_recent: the packed history stays byte for byte', async () => {
    const path = join(dir, 'append.duckdb');
    const store = await DuckDbStore.open(path);
    try {
      await store.writeBars([
        { series: weekdays('AAA', '2019-01-01', 700, 10), source: 'csv' },
        { series: weekdays('BBB', '2019-01-01', 700, 50), source: 'demo' },
      ]);
    } finally {
      await store.close();
    }
    // AAA and BBB end on 2021-09-06 (177 weekdays of 2021): history 2019-2020 in close_segments, 2021 in close_recent
    const base = await tableRows(path, 'close_segments');
    expect(base.map((r) => [r[0], r[1], r[2]])).toEqual([
      ['AAA', 2019, 2020],
      ['BBB', 2019, 2020],
    ]);
    expect((await tableRows(path, 'close_recent')).map((r) => [r[0], r[1], r[2]])).toEqual([
      ['AAA', 2021, 2021],
      ['BBB', 2021, 2021],
    ]);
    const csv = join(dir, 'append.csv');
    // BBB by import: 82 more weekdays of 2021 and 18 of 2022 (its 2021 segment grows, a 2022 one starts); a new symbol
    const lines = [...weekdayList('2021-09-09', 100)].map((day, i) => `BBB,${day},${60 + i / 8}`);
    lines.push('CCC,2021-09-09,7.5', 'CCC,2021-09-10,7.75');
    writeFileSync(csv, `Symbol,Date,Close\n${lines.join('\n')}\n`);
    const again = await DuckDbStore.open(path);
    try {
      // AAA by writeBars: five more days of 2021, then the first day of 2022 alone
      await again.writeBars([{ series: weekdays('AAA', '2021-09-09', 5, 20), source: 'demo' }]);
      await again.writeBars([{ series: weekdays('AAA', '2022-01-03', 1, 30), source: 'csv' }]);
      const r = await again.importCsv([symbolCloseFile(csv)]);
      expect(r.problems).toEqual([]);
      await expectSnapshotMatchesBars(again);
      expect((await again.listSymbols()).map((s) => [s.ticker, s.sources])).toEqual([
        ['AAA', ['csv', 'demo']],
        ['BBB', ['csv', 'demo']],
        ['CCC', ['csv']],
      ]);
    } finally {
      await again.close();
    }
    expect(await tableRows(path, 'close_segments')).toEqual(base);
    expect((await tableRows(path, 'close_recent')).map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual([
      ['AAA', 2021, 2021, 182, 'csv,demo'],
      ['AAA', 2022, 2022, 1, 'csv'],
      ['BBB', 2021, 2021, 259, 'csv,demo'],
      ['BBB', 2022, 2022, 18, 'csv'],
      ['CCC', 2021, 2021, 2, 'csv'],
    ]);
    // a write into the history re-packs from there: the history segment changes, and still equals the bars
    const third = await DuckDbStore.open(path);
    try {
      await third.writeBars([{ series: weekdays('AAA', '2020-03-02', 1, 99), source: 'csv' }]);
      await expectSnapshotMatchesBars(third);
    } finally {
      await third.close();
    }
    expect((await tableRows(path, 'close_segments')).filter((r) => r[0] === 'BBB')).toEqual(
      base.filter((r) => r[0] === 'BBB'),
    );
    expect((await tableRows(path, 'close_segments')).filter((r) => r[0] === 'AAA')).not.toEqual(
      base.filter((r) => r[0] === 'AAA'),
    );
  });

  it('an import of symbols new to the store writes their segments as packed from the file beside the load', async () => {
    // the spies sit on the prototype, which every store in this worker shares (a property test that timed
    // out keeps importing in the background): only the calls of the prepack that read this test's file count
    const read = vi.spyOn(CsvSnapshotPrepack.prototype, 'read');
    const take = vi.spyOn(CsvSnapshotPrepack.prototype, 'take');
    const path = join(dir, 'prepacked.duckdb');
    const store = await DuckDbStore.open(path);
    try {
      await store.writeBars([{ series: weekdays('OLD', '2024-01-01', 30, 10), source: 'demo' }]);
      const csv = join(dir, 'prepacked.csv');
      // NEW across a year end; OLD stored (read back, appended to its segment); DUP gives a day twice
      const lines = [
        ...[...weekdayList('2024-12-20', 12)].map((day, i) => `NEW,${day},${100 + i / 4}`),
        'OLD,2024-02-12,11.5',
        'DUP,2024-03-01,5',
        'DUP,2024-03-01,5',
      ];
      writeFileSync(csv, `Symbol,Date,Close\n${lines.join('\n')}\n`);
      const r = await store.importCsv([symbolCloseFile(csv)]);
      expect(r.problems).toEqual([]);
      // asked for the two symbols with no stored segment; NEW's taken, DUP's left to the read-back
      const mine = new Set(read.mock.contexts.filter((_, i) => read.mock.calls[i]?.[0].path === csv));
      expect(mine.size).toBe(1);
      const asked = take.mock.calls.flatMap((call, i) =>
        mine.has(take.mock.contexts[i]!) ? [[call[0], call[1], take.mock.results[i]?.value !== null]] : [],
      );
      expect(asked.sort()).toEqual([
        ['DUP', 1, false],
        ['NEW', 12, true],
      ]);
      await expectSnapshotMatchesBars(store);
    } finally {
      take.mockRestore();
      read.mockRestore();
      await store.close();
    }
    expect((await tableRows(path, 'close_recent')).map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual([
      ['DUP', 2024, 2024, 1, 'csv'],
      ['NEW', 2025, 2025, 4, 'csv'],
      ['OLD', 2024, 2024, 31, 'csv,demo'],
    ]);
    expect((await tableRows(path, 'close_segments')).map((r) => [r[0], r[1], r[2], r[3], r[4]])).toEqual([
      ['NEW', 2024, 2024, 8, 'csv'],
    ]);
  });

  it('an import whose extra (FRED) series gives a new symbol of the file again, on its days, keeps the extra closes in the snapshot', async () => {
    const path = join(dir, 'prepacked-extra.duckdb');
    const store = await DuckDbStore.open(path);
    try {
      const csv = join(dir, 'prepacked-extra.csv');
      writeFileSync(csv, 'Symbol,Date,Close\nNEW,2024-01-02,10\nNEW,2024-01-03,11\n');
      // the same two days with other closes: the extra series wins in the bars, with the row count unchanged
      const extra = weekdays('NEW', '2024-01-02', 2, 20);
      const r = await store.importCsv([symbolCloseFile(csv)], { extraBatches: [{ series: extra, source: 'csv' }] });
      expect(r.problems).toEqual([]);
      expect(Array.from((await store.readMany(['NEW'], undefined, { columns: ['close'] })).get('NEW')!.close)).toEqual([
        20, 20.25,
      ]);
      await expectSnapshotMatchesBars(store);
    } finally {
      await store.close();
    }
  });

  it('upgrades a one-table snapshot: each last segment moves to close_recent, the data stays', async () => {
    const path = join(dir, 'one-table.duckdb');
    const a = await DuckDbStore.open(path);
    await a.writeBars([
      { series: weekdays('AAA', '2019-06-03', 400, 10), source: 'csv' },
      { series: weekdays('BBB', '2020-02-03', 40, 20), source: 'demo' },
    ]);
    await a.close();
    // back to schema 5: one close_snapshot table holding every segment
    const instance = await DuckDBInstance.create(path);
    const c = await instance.connect();
    for (const sql of [...ONE_TABLE_LAYOUT, 'DELETE FROM schema_version WHERE version >= 6']) await c.run(sql);
    c.closeSync();
    instance.closeSync();
    const b = await DuckDbStore.open(path);
    try {
      expect(await b.schemaVersion()).toBe(6);
      await expectSnapshotMatchesBars(b);
      // 2020-12-31, 2021-01-01 and 2021-01-04, after AAA's last day 2020-12-11 (152 weekdays of 2019, 248 of 2020)
      await b.writeBars([{ series: weekdays('AAA', '2020-12-31', 3, 30), source: 'csv' }]);
      await expectSnapshotMatchesBars(b);
    } finally {
      await b.close();
    }
    expect((await tableRows(path, 'close_segments')).map((r) => [r[0], r[1], r[2]])).toEqual([['AAA', 2019, 2019]]);
    expect((await tableRows(path, 'close_recent')).map((r) => [r[0], r[1], r[2], r[3]])).toEqual([
      ['AAA', 2020, 2020, 249],
      ['AAA', 2021, 2021, 2],
      ['BBB', 2020, 2020, 40],
    ]);
  });

  it('keeps data across close and reopen', async () => {
    const path = join(dir, 'reopen.duckdb');
    const a = await DuckDbStore.open(path);
    await a.writeBars([{ series: sampleSeries('AAA'), source: 'test' }]);
    const version = await a.dataVersion();
    await a.close();
    const b = await DuckDbStore.open(path);
    expect(Array.from((await b.readSeries('AAA'))!.close)).toEqual([10.5, 10.875, 11.125]);
    expect(await b.dataVersion()).toBe(version);
    await b.close();
  });

  it('two stores on one file in one process share it, and closing one leaves the other working', async () => {
    const path = join(dir, 'shared.duckdb');
    const a = await DuckDbStore.open(path);
    const b = await DuckDbStore.open(path);
    await a.writeBars([{ series: sampleSeries('AAA'), source: 'test' }]);
    await a.close();
    expect((await b.readSeries('AAA'))!.dates.length).toBe(3);
    await b.close();
  });

  it('refuses calls after close', async () => {
    const s = await DuckDbStore.open(':memory:');
    await s.close();
    await expect(s.readSeries('AAA')).rejects.toThrow(/closed/);
  });
});

/** The snapshot back in one close_snapshot table (schemas 3 to 5), as an older marketdash left it. */
const ONE_TABLE_LAYOUT = [
  'CREATE TABLE one_table AS SELECT * FROM close_snapshot',
  'DROP VIEW close_snapshot',
  'DROP TABLE close_segments',
  'DROP TABLE close_recent',
  'ALTER TABLE one_table RENAME TO close_snapshot',
];

/** `n` weekdays from `from` (inclusive, moved to a weekday), as ISO dates. */
function* weekdayList(from: string, n: number): Generator<string> {
  let day = parseIsoDate(from);
  for (let k = 0; k < n; day++) {
    if (new Date(day * 86_400_000).getUTCDay() % 6 === 0) continue;
    yield formatIsoDate(day);
    k++;
  }
}

/** A series of `n` weekdays from `from` with closes start, start + 0.25, ... (adjusted closes 1% lower). */
function weekdays(symbol: string, from: string, n: number, start: number): PriceSeries {
  const dates = Int32Array.from([...weekdayList(from, n)].map((x) => parseIsoDate(x)));
  const close = Float64Array.from(dates, (_, i) => start + i / 4);
  const nan = new Float64Array(n).fill(Number.NaN);
  return { symbol, dates, open: nan, high: nan, low: nan, close, adjClose: close.map((x) => x * 0.99), volume: nan };
}

/** A `Symbol,Date,Close` CSV file with a header line, as the import service describes it. */
function symbolCloseFile(path: string): CsvFileSpec {
  return {
    path,
    gzip: false,
    columns: ['Symbol', 'Date', 'Close'],
    roles: { symbol: 0, date: 1, close: 2 },
    skipLines: 1,
    newline: '\n',
    hasData: true,
    symbol: null,
    source: 'csv',
  };
}

/** A snapshot table's rows in key order: symbol, year, last year, rows, sources, then the packed bytes as hex. */
async function tableRows(path: string, table: string): Promise<unknown[][]> {
  const instance = await DuckDBInstance.create(path);
  const c = await instance.connect();
  try {
    return (
      await c.runAndReadAll(
        `SELECT symbol, year, last_year, n_rows, sources, hex(days), hex(closes), hex(adj_closes) FROM ${table} ORDER BY symbol, year`,
      )
    ).getRowsJS();
  } finally {
    c.closeSync();
    instance.closeSync();
  }
}
