/**
 * Regression tests for the import holes of issue 17 (items 1, 3-8), each with the reproduction,
 * on both backends: a refused file names the file and the line, says what is wrong with invisible
 * characters shown, and leaves the store byte-identical (same bars, symbols and data version).
 * Expected values are the numbers written in the files below.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataError, UsageError } from '../../src/domain/errors.js';
import { formatIsoDate } from '../../src/domain/trading-date.js';
import { importFiles } from '../../src/services/import/import-service.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { PostgresStore } from '../../src/store/postgres/postgres-store.js';
import type { PriceStore } from '../../src/store/price-store.js';
import { createTestDatabase, type TestDatabase } from '../support/postgres-test-db.js';

const dir = mkdtempSync(join(tmpdir(), 'marketdash-harden-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let counter = 0;

/** A file in its own folder (so names like `*.csv` and `[X].csv` can be reused per test). */
function file(name: string, content: string | Buffer): string {
  const folder = join(dir, `t${++counter}`);
  mkdirSync(folder);
  const path = join(folder, name);
  writeFileSync(path, content);
  return path;
}

/** Everything a reader can see of the store, as one comparable value. */
async function snapshot(store: PriceStore): Promise<unknown> {
  const series = await store.readMany('all');
  const bars = [...series.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([t, s]) => [
      t,
      Array.from(s.dates, (d, i) => [
        formatIsoDate(d),
        s.open[i],
        s.high[i],
        s.low[i],
        s.close[i],
        s.adjClose[i],
        s.volume[i],
      ]),
    ]);
  return { bars, symbols: await store.listSymbols(), version: await store.dataVersion() };
}

async function refused<E extends Error>(
  store: PriceStore,
  kind: new (...args: never[]) => E,
  run: () => Promise<unknown>,
): Promise<E> {
  const before = await snapshot(store);
  const e = await run().then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(kind);
  expect(await snapshot(store)).toEqual(before);
  return e as E;
}

const NOW = new Date('2026-12-05T12:00:00Z');

type Backend = { name: string; open: () => Promise<PriceStore>; cleanup: () => Promise<void> };
let db: TestDatabase | null = null;
const backends: Backend[] = [
  { name: 'duckdb', open: () => DuckDbStore.open(':memory:'), cleanup: async () => {} },
  {
    name: 'postgres',
    open: async () => {
      db ??= await createTestDatabase();
      return PostgresStore.open(db.url);
    },
    cleanup: async () => {
      await db?.drop();
      db = null;
    },
  },
];

describe.each(backends)('import hardening on $name', (backend) => {
  let store: PriceStore;
  beforeAll(async () => {
    store = await backend.open();
  });
  afterAll(async () => {
    await store.close();
    await backend.cleanup();
  });
  const load = (files: string[], extra: Partial<Parameters<typeof importFiles>[1]> = {}) =>
    importFiles(store, { files, now: NOW, ...extra });

  describe('1. impossible dates are refused before anything is written', () => {
    it.each([
      ['infinity', "Date: 'infinity' is not a date (expected YYYY-MM-DD)"],
      ['-infinity', "Date: '-infinity' is not a date (expected YYYY-MM-DD)"],
      ['12345-01-01', "Date: '12345-01-01' is not a date (expected YYYY-MM-DD)"],
      ['2024-01-02 (BC)', "Date: '2024-01-02 (BC)' is not a date (expected YYYY-MM-DD)"],
      ['epoch', "Date: 'epoch' is not a date (expected YYYY-MM-DD)"],
      ['2024/01/03', "Date: '2024/01/03' is not a date (expected YYYY-MM-DD)"],
      ['1899-12-31', 'Date: 1899-12-31 is outside 1900-01-01 .. 2026-12-06'],
      ['2026-12-07', 'Date: 2026-12-07 is outside 1900-01-01 .. 2026-12-06'],
    ])('%s', async (date, message) => {
      const path = file('D.csv', `Date,Close\n2024-01-02,10\n${date},11\n`);
      const e = await refused(store, DataError, () => load([path]));
      expect(e.message).toBe(`${path} line 3: ${message}; nothing was imported`);
      expect(e.line).toBe(3);
    });

    it('takes tomorrow (UTC), for files from time zones ahead', async () => {
      const path = file('TMRW.csv', 'Date,Close\n2026-12-06,10\n');
      expect((await load([path])).files[0]!.lastDate).toBe('2026-12-06');
    });
  });

  describe('3. fewer columns than stored never erase stored fields', () => {
    const ohlcv = 'Date,Open,High,Low,Close,Volume\n2024-01-02,9,11,8,10,100\n2024-01-03,10,12,9,11,200\n';

    it('a close-only file with the same closes keeps open/high/low/volume and changes nothing', async () => {
      await load([file('RUT1.csv', ohlcv)]);
      const before = await snapshot(store);
      const r = await load([file('RUT1.csv', 'Date,Close\n2024-01-02,10\n2024-01-03,11\n2024-01-04,11.5\n')]);
      expect(r.rowsChanged).toBe(1); // only the new day
      const s = (await store.readSeries('RUT1'))!;
      expect(Array.from(s.open)).toEqual([9, 10, Number.NaN]);
      expect(Array.from(s.volume)).toEqual([100, 200, Number.NaN]);
      expect(Array.from(s.close)).toEqual([10, 11, 11.5]);
      expect(before).not.toEqual(await snapshot(store));
    });

    it('a close-only file with a different close is refused naming the first differing date and line', async () => {
      await load([file('RUT2.csv', ohlcv)]);
      const path = file('RUT2.csv', 'Date,Close\n2024-01-02,10\n2024-01-03,11.25\n');
      const e = await refused(store, DataError, () => load([path]));
      expect(e.message).toBe(
        `${path} line 3: close 11.25 for RUT2 on 2024-01-03 differs from the stored 11, and the file has no open, high, low, volume for it: replacing the stored bars would lose them (use --replace to replace them anyway); nothing was imported`,
      );
    });

    it('--replace replaces them', async () => {
      await load([file('RUT3.csv', ohlcv)]);
      await load([file('RUT3.csv', 'Date,Close\n2024-01-03,11.25\n')], { replace: true });
      const s = (await store.readSeries('RUT3'))!;
      expect(Array.from(s.close)).toEqual([10, 11.25]);
      expect(Array.from(s.open)).toEqual([9, Number.NaN]);
    });

    it('a full file with a different close still corrects the stored bar (nothing is lost)', async () => {
      await load([file('RUT4.csv', ohlcv)]);
      await load([file('RUT4.csv', 'Date,Open,High,Low,Close,Volume\n2024-01-03,10,12,9,11.5,250\n')]);
      const s = (await store.readSeries('RUT4'))!;
      expect(Array.from(s.close)).toEqual([10, 11.5]);
      expect(Array.from(s.volume)).toEqual([100, 250]);
    });

    it('a close-only file keeps a stored adjusted close that differs from the close', async () => {
      await load([file('DIV.csv', 'Date,Close,Adj Close\n2024-01-02,10,9.5\n')]);
      await load([file('DIV.csv', 'Date,Close\n2024-01-02,10\n')]);
      expect(Array.from((await store.readSeries('DIV'))!.adjClose)).toEqual([9.5]);
    });
  });

  describe('4. line endings', () => {
    it('CR-only files import every row', async () => {
      const r = await load([file('CRONLY.csv', 'Date,Close\r2024-01-02,10\r2024-01-03,11\r')]);
      expect(r.files[0]!.rows).toBe(2);
      expect(Array.from((await store.readSeries('CRONLY'))!.close)).toEqual([10, 11]);
    });

    it('mixed CRLF/LF is refused naming the first line that differs', async () => {
      const path = file('MIXED.csv', 'Date,Close\r\n2024-01-02,10\n2024-01-03,11\r\n');
      const e = await refused(store, DataError, () => load([path]));
      expect(e.message).toBe(
        `${path} line 2: ends with LF where line 1 ends with CRLF: mixed line endings (convert the file to one kind, for example with dos2unix); nothing was imported`,
      );
    });
  });

  describe('5. file names are read literally, never as patterns', () => {
    it('[X].csv reads [X].csv, not X.csv', async () => {
      const path = file('[X].csv', 'Date,Close\n2024-01-02,99\n');
      writeFileSync(join(path, '..', 'X.csv'), 'Date,Close\n2024-01-02,10\n');
      await load([path], { symbol: 'BRACKET' });
      expect(Array.from((await store.readSeries('BRACKET'))!.close)).toEqual([99]);
    });

    it('a file called *.csv is read alone', async () => {
      const path = file('*.csv', 'Date,Close\n2024-01-02,7\n');
      writeFileSync(join(path, '..', 'other.csv'), 'Date,Close\n2024-01-02,8\n2024-01-03,9\n');
      const r = await load([path], { symbol: 'STAR' });
      expect(r.files[0]!.rows).toBe(1);
      expect(Array.from((await store.readSeries('STAR'))!.close)).toEqual([7]);
    });
  });

  describe('6. the documented rules, exactly', () => {
    it.each([
      ['a trailing comma', 'Date,Close\n2024-01-02,10,\n', 'line 2: expected 2 columns (Date,Close), found 3'],
      ['1_000', 'Date,Close\n2024-01-02,1_000\n', "line 2: Close: '1_000' is not a number"],
      [
        'a close above the high',
        'Date,High,Low,Close\n2024-01-02,11,10,1e308\n',
        'line 2: Close 1e+308 is above High 11',
      ],
      ['a close below the low', 'Date,High,Low,Close\n2024-01-02,11,10,9\n', 'line 2: Close 9 is below Low 10'],
      ['a NUL byte, shown', 'Date,Close\n2024-01-02,10\u0000\n', "line 2: Close: '10\\0' is not a number"],
      ['a thousands separator', 'Date,Close\n2024-01-02,"1,000"\n', "line 2: Close: '1,000' is not a number"],
    ])('%s', async (_, text, message) => {
      const path = file('RULES.csv', text);
      const e = await refused(store, DataError, () => load([path]));
      expect(e.message).toBe(`${path} ${message}; nothing was imported`);
    });

    it('an empty last cell is not a trailing comma (FRED holidays, unknown volume)', async () => {
      const r = await load([file('EMPTYVOL.csv', 'Date,Close,Volume\n2024-01-02,10,\n2024-01-03,11,5\n')]);
      expect(r.files[0]!.rows).toBe(2);
    });
  });

  describe('7. one ticker rule at every entry point', () => {
    it.each([
      ['A\nB', "'A\\nB' is not a ticker"],
      ['../x', "'../X' is not a ticker"],
      ['a/b', "'A/B' is not a ticker"],
      ['<script>', "'<SCRIPT>' is not a ticker"],
      ['X'.repeat(200), 'is not a ticker'],
    ])('--symbol %j', async (symbol, message) => {
      const path = file('T.csv', 'Date,Close\n2024-01-02,10\n');
      const e = await refused(store, UsageError, () => load([path], { symbol }));
      expect(e.message).toContain(message);
    });

    it('a file name that is no ticker asks for --symbol', async () => {
      const path = file('<b>.csv', 'Date,Close\n2024-01-02,10\n');
      const e = await refused(store, UsageError, () => load([path]));
      expect(e.message).toContain('the name of');
      expect(e.message).toContain("'<B>' is not a ticker");
    });

    it('a symbol column value, named with its line', async () => {
      const path = file('LONG.csv', 'Symbol,Date,Close\nOK,2024-01-02,10\n../ETC,2024-01-02,10\n');
      const e = await refused(store, DataError, () => load([path]));
      expect(e.message).toBe(
        `${path} line 3: Symbol: '../ETC' is not a ticker (1 to 24 letters, digits or ^ . = _ -); nothing was imported`,
      );
    });

    it('a symbol list entry', async () => {
      const path = file('list.csv', 'Ticker,Company\nAAPL,Apple\n"A\tB",Tab\n');
      const e = await refused(store, DataError, () => load([path]));
      expect(e.message).toContain("line 3: Ticker: 'A\\tB' is not a ticker");
    });
  });

  describe('encodings (found by the fuzz test)', () => {
    it('a UTF-16 file is refused in one line, its NUL bytes never echoed', async () => {
      const text = 'Date,Close\n2024-01-02,10\n';
      const path = file('U16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
      const e = await refused(store, DataError, () => load([path]));
      expect(e.message).toBe(
        `${path} line 1: NUL bytes in the header: the file looks like UTF-16 or binary; save it as UTF-8 text`,
      );
    });

    it('a header without a Date column shows its invisible characters as escapes', async () => {
      const path = file('NODATE.csv', 'When\u001b[2J,Close\n2024-01-02,10\n');
      const e = await refused(store, DataError, () => load([path]));
      expect(e.message).toContain('no Date column (header: When\\x1b[2J,Close)');
    });
  });

  describe('a mixed FRED + CSV import is one transaction', () => {
    const fred = (name: string) =>
      file(`${name}.csv`, `observation_date,${name}\n2024-01-02,4.1\n2024-01-03,\n2024-01-04,4.2\n`);

    it('lands whole: the CSV rows and the FRED series (kind rate, holiday skipped)', async () => {
      const r = await load([file('MIXA.csv', 'Date,Close\n2024-01-02,10\n2024-01-03,11\n'), fred('MIXR')]);
      expect([r.rowsSeen, r.rowsChanged]).toEqual([4, 4]);
      expect(r.files.map((f) => [f.layout, f.rows])).toEqual([
        ['close-only', 2],
        ['fred', 2],
      ]);
      expect(Array.from((await store.readSeries('MIXR'))!.close)).toEqual([4.1, 4.2]);
      expect((await store.getSymbol('MIXR'))!.kind).toBe('rate');
      expect(Array.from((await store.readSeries('MIXA'))!.close)).toEqual([10, 11]);
    });

    it('a second file of the same series is refused before anything is written (it used to fail after the CSV rows were in)', async () => {
      const a = fred('MIXD');
      const b = file('MIXD.csv', 'observation_date,MIXD\n2024-01-05,4.3\n');
      const e = await refused(store, DataError, () => load([file('MIXB.csv', 'Date,Close\n2024-01-02,10\n'), a, b]));
      expect(e.message).toBe(`${b}: series MIXD is in ${a} too; import one of them; nothing was imported`);
    });

    it('a failure writing the extra series rolls back the CSV rows of the same import', async () => {
      const path = file('MIXC.csv', 'Date,Close\n2024-01-02,10\n');
      const spec = {
        path,
        gzip: false,
        columns: ['Date', 'Close'],
        roles: { date: 0, close: 1 },
        skipLines: 1,
        newline: '\n' as const,
        hasData: true,
        symbol: 'MIXC',
        source: 'csv',
      };
      // dates out of order: the store refuses the batch, inside the import's transaction
      const bad = {
        symbol: 'MIXE',
        dates: Int32Array.from([19725, 19724]),
        open: new Float64Array(2).fill(Number.NaN),
        high: new Float64Array(2).fill(Number.NaN),
        low: new Float64Array(2).fill(Number.NaN),
        close: Float64Array.from([1, 2]),
        adjClose: Float64Array.from([1, 2]),
        volume: new Float64Array(2).fill(Number.NaN),
      };
      const e = await refused(store, DataError, () =>
        store.importCsv([spec], { extraBatches: [{ series: bad, source: 'csv' }] }),
      );
      expect(e.message).toBe('writeBars: MIXE dates are not strictly ascending at index 1');
      expect(await store.readSeries('MIXC')).toBeNull();
    });
  });

  describe('8. read limits fail at once, naming the line', () => {
    it('a 10 MB line', async () => {
      const path = file('LONGLINE.csv', `Date,Close\n2024-01-02,10\n2024-01-03,${'1'.repeat(10_000_000)}\n`);
      const e = await refused(store, DataError, () => load([path]));
      expect(e.message).toBe(
        `${path} line 3: longer than 1 MiB (the line limit; raise it with --max-line-bytes); nothing was imported`,
      );
    });

    it('80,000 fields on one line (quadratic in DuckDB rejects) fail as a column count', async () => {
      const path = file('FIELDS.csv', `Date,Close\n2024-01-02,10\n2024-01-03,${Array(80_000).fill('1').join(',')}\n`);
      const e = await refused(store, DataError, () => load([path]));
      expect(e.message).toBe(`${path} line 3: expected 2 columns (Date,Close), found 80001; nothing was imported`);
    });

    it('a small gzip that inflates to a 1 GB line stops at the line limit', async () => {
      const body = Buffer.alloc(64 << 20, 0x31); // 64 MB of '1' compresses to ~64 KB
      const path = file('BOMB.csv.gz', gzipSync(Buffer.concat([Buffer.from('Date,Close\n2024-01-02,'), body])));
      const e = await refused(store, DataError, () => load([path]));
      expect(e.message).toBe(
        `${path} line 2: longer than 1 MiB (the line limit; raise it with --max-line-bytes); nothing was imported`,
      );
    });

    it('a gzip declaring more than the inflated limit is refused before inflating', async () => {
      const rows = Array.from({ length: 2000 }, (_, i) => `2024-01-02,${10 + i}`).join('\n');
      const path = file('DECL.csv.gz', gzipSync(Buffer.from(`Date,Close\n${rows}\n`)));
      const e = await refused(store, DataError, () => load([path], { limits: { maxInflatedBytes: 4096 } }));
      expect(e.message).toBe(
        `${path}: inflates to more than 4 KiB (the limit; raise it with --max-inflated-bytes); nothing was imported`,
      );
    });

    it('the line limit is configurable', async () => {
      const path = file('CFG.csv', `Date,Close\n2024-01-02,${'1'.repeat(3000)}\n`);
      const e = await refused(store, DataError, () => load([path], { limits: { maxLineBytes: 2048 } }));
      expect(e.message).toBe(
        `${path} line 2: longer than 2 KiB (the line limit; raise it with --max-line-bytes); nothing was imported`,
      );
    });
  });
});
