/**
 * Fuzzing the importer (issue 17, "tests that keep it so"), with fast-check, on the embedded store:
 * - valid files generated from a model (random column sets and orders, line endings, quoting, number
 *   spellings, one-digit months, spaces, gzip) import exactly the model's rows: the model is the
 *   independent reader, its numbers are what the cells spell; and the stored rows also equal what an
 *   outside reader reads from the same file: DuckDB's `read_csv` with every option given explicitly
 *   (columns and types, date format, delimiter, quote, line ending, compression; no sniffing), in a
 *   separate in-memory DuckDB instance;
 * - the same files with one fault in one row (a bad number, an impossible date, a trailing comma, a
 *   missing cell, a NUL, high below low, a price of 0, a close above the high, a date given twice, an
 *   over-long line) are refused with a DataError of one line naming the file and the faulty line, and
 *   the store is unchanged;
 * - random bytes, and random byte mutations of a real file, never crash: the import lands or fails with
 *   one line naming the file, and a failure leaves the store unchanged.
 * The suite runs a short bounded campaign; `npm run fuzz` runs long ones (MARKETDASH_FUZZ_RUNS).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataError, isMarketDashError } from '../../src/domain/errors.js';
import { formatIsoDate, parseIsoDate } from '../../src/domain/trading-date.js';
import { importFiles } from '../../src/services/import/import-service.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { hasSharedData, realFile } from '../support/shared-data.js';

/**
 * Cases per property: 2,000 in all in the suite (a successful import costs about 0.3 s on a busy
 * machine, a refusal a tenth of that, so the valid files get the fewest), a long one under `npm run fuzz` (MARKETDASH_FUZZ_RUNS each).
 * No time limit on a property: fast-check would leave the interrupted import running into the next one.
 */
const LONG_RUNS = process.env.MARKETDASH_FUZZ_RUNS === undefined ? null : Number(process.env.MARKETDASH_FUZZ_RUNS);
const LONG = LONG_RUNS !== null;
const runs = (short: number) => ({ numRuns: LONG_RUNS ?? short });
const TIMEOUT = LONG ? 3_600_000 : 300_000;
const NOW = new Date('2026-12-05T12:00:00Z');
/** A small line limit so an over-long line costs kilobytes, not megabytes. */
const LIMITS = { maxLineBytes: 4096 };

const dir = mkdtempSync(join(tmpdir(), 'marketdash-fuzz-'));
let store: DuckDbStore;
/** The outside reader: its own in-memory DuckDB instance, not the store's. */
let reader: DuckDBInstance;
let readerConnection: DuckDBConnection;
let counter = 0;
beforeAll(async () => {
  store = await DuckDbStore.open(':memory:');
  reader = await DuckDBInstance.create(':memory:');
  readerConnection = await reader.connect();
});
afterAll(async () => {
  await store.close();
  readerConnection.closeSync();
  reader.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

type Column = 'Date' | 'Open' | 'High' | 'Low' | 'Close' | 'Adj Close' | 'Volume';
interface Row {
  day: number;
  open: number;
  high: number;
  low: number;
  close: number;
  adj: number;
  volume: number | null;
}

/** A price with 0 to 4 decimals. */
const price = fc
  .tuple(fc.integer({ min: 100, max: 10_000_000 }), fc.integer({ min: 0, max: 4 }))
  .map(([m, k]) => m / 10 ** k);
const rowArb = fc
  .tuple(
    fc.integer({ min: 1, max: 5 }),
    price,
    fc.double({ min: 0, max: 0.2, noNaN: true }),
    fc.double({ min: 0, max: 0.2, noNaN: true }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.option(fc.integer({ min: 0, max: 1e9 }), { nil: null }),
  )
  .map(([gap, close, up, down, where, volume]) => {
    const high = round4(close * (1 + up));
    const low = round4(close * (1 - down));
    return { gap, close, high, low, open: round4(low + (high - low) * where), volume };
  });
const round4 = (x: number) => Math.round(x * 1e4) / 1e4;

interface Layout {
  columns: Column[];
  newline: '\n' | '\r\n' | '\r';
  trailingNewline: boolean;
  gzip: boolean;
  /** Per cell: quote it, pad it with spaces, spell numbers differently (seeded per row and column). */
  quote: boolean[];
  pad: boolean[];
  spelling: ('plain' | 'plus' | 'zeros' | 'exp')[];
  shortDates: boolean[];
}

const layoutArb: fc.Arbitrary<Layout> = fc
  .record({
    set: fc.constantFrom<Column[][]>(
      ['Date', 'Close'],
      ['Date', 'Adj Close'],
      ['Date', 'Open', 'High', 'Low', 'Close'],
      ['Date', 'Open', 'High', 'Low', 'Close', 'Volume'],
      ['Date', 'Open', 'High', 'Low', 'Close', 'Adj Close', 'Volume'],
    ),
    order: fc.array(fc.nat(), { minLength: 7, maxLength: 7 }),
    newline: fc.constantFrom<Layout['newline']>('\n', '\r\n', '\r'),
    trailingNewline: fc.boolean(),
    gzip: fc.boolean(),
    quote: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
    pad: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
    spelling: fc.array(fc.constantFrom('plain', 'plus', 'zeros', 'exp'), { minLength: 64, maxLength: 64 }),
    shortDates: fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }),
  })
  .map((r) => {
    // a random column order (a stable sort on random keys)
    const columns = r.set
      .map((c, i) => [c, r.order[i]!] as const)
      .sort((a, b) => a[1] - b[1])
      .map(([c]) => c);
    return { ...r, columns };
  });

function rowsFrom(
  drafts: readonly { gap: number; close: number; high: number; low: number; open: number; volume: number | null }[],
): Row[] {
  let day = parseIsoDate('2001-01-02');
  return drafts.map((d) => {
    day += d.gap;
    return { day, open: d.open, high: d.high, low: d.low, close: d.close, adj: d.close, volume: d.volume };
  });
}

function spell(x: number, how: Layout['spelling'][number]): string {
  switch (how) {
    case 'plus':
      return `+${x}`;
    case 'zeros':
      return Number.isInteger(x) ? `${x}.00` : `${x}00`;
    case 'exp':
      return x.toExponential();
    default:
      return String(x);
  }
}

function cell(row: Row, column: Column, layout: Layout, seed: number): string {
  const k = seed % 64;
  let text: string;
  if (column === 'Date') {
    const iso = formatIsoDate(row.day);
    text = layout.shortDates[k] ? iso.replace(/-0(\d)/g, '-$1') : iso;
  } else if (column === 'Volume') {
    text = row.volume === null ? '' : String(row.volume);
  } else {
    const x = { Open: row.open, High: row.high, Low: row.low, Close: row.close, 'Adj Close': row.adj }[column];
    text = spell(x, layout.spelling[k]!);
  }
  if (layout.pad[k] && text !== '') text = ` ${text} `;
  if (layout.quote[(k * 7) % 64]) text = `"${text}"`;
  return text;
}

/** The lines of a file (header first) for `rows` in `layout`. */
function lines(rows: readonly Row[], layout: Layout): string[] {
  return [
    layout.columns.join(','),
    ...rows.map((r, i) => layout.columns.map((c, j) => cell(r, c, layout, i * 7 + j * 3)).join(',')),
  ];
}

function writeCase(name: string, body: string | Buffer, gzip: boolean): string {
  const folder = join(dir, `c${++counter}`);
  mkdirSync(folder);
  const path = join(folder, gzip ? `${name}.csv.gz` : `${name}.csv`);
  const bytes = typeof body === 'string' ? Buffer.from(body, 'latin1') : body;
  writeFileSync(path, gzip ? gzipSync(bytes) : bytes);
  return path;
}

function join2(ls: readonly string[], layout: Layout): string {
  return ls.join(layout.newline) + (layout.trailingNewline ? layout.newline : '');
}

/** What a reader can see changed: the data version and the symbols. */
async function fingerprint(): Promise<string> {
  return `${await store.dataVersion()} ${(await store.listSymbols()).length}`;
}

/** Runs an import that must fail; checks the error is one line naming the file (and the line), store unchanged. */
async function expectRefused(path: string, line: number | null): Promise<DataError> {
  const before = await fingerprint();
  const e = await importFiles(store, { files: [path], now: NOW, limits: LIMITS }).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e, `expected ${path} to be refused`).toBeInstanceOf(DataError);
  const err = e as DataError;
  expect(err.message).not.toContain('\n');
  expect(err.message.startsWith(path)).toBe(true);
  expect(err.message).toMatch(/nothing was imported$/);
  if (line !== null) {
    expect(err.message.startsWith(`${path} line ${line}:`), err.message).toBe(true);
    expect(err.line).toBe(line);
  }
  expect(await fingerprint()).toBe(before);
  return err;
}

/** One column as DuckDB's `read_csv` reads it: ISO dates for Date, numbers (NaN for an empty cell) otherwise. */
type ReadColumns = Map<Column, (string | number)[]>;

/**
 * Reads a generated file with DuckDB's `read_csv`, every option explicit (no sniffing): the header row,
 * `,` delimiter, `"` quote and escape, the layout's line ending, gzip or none, the columns in file order
 * typed DATE (format %Y-%m-%d) / DOUBLE / BIGINT (Volume). Rows in date order. Not strict mode: DuckDB
 * 1.5's strict mode with new_line '\r\n' silently reads no rows at all when the last line has no line
 * ending (`Date,Close\r\n2001-01-03,100` reads as empty); these files are valid, so nothing is lost.
 */
async function readWithDuckDb(path: string, layout: Layout): Promise<ReadColumns> {
  const newline = { '\n': '\\n', '\r\n': '\\r\\n', '\r': '\\r' }[layout.newline];
  const type = (c: Column) => (c === 'Date' ? 'DATE' : c === 'Volume' ? 'BIGINT' : 'DOUBLE');
  const columns = layout.columns.map((c) => `'${c}': '${type(c)}'`).join(', ');
  const select = layout.columns
    .map((c) => (c === 'Date' ? `strftime("Date", '%Y-%m-%d') AS "Date"` : `CAST("${c}" AS DOUBLE) AS "${c}"`))
    .join(', ');
  const result = await readerConnection.runAndReadAll(
    `SELECT ${select} FROM read_csv($path, header = true, auto_detect = false, delim = ',', quote = '"',
       escape = '"', new_line = '${newline}', compression = '${layout.gzip ? 'gzip' : 'none'}',
       dateformat = '%Y-%m-%d', strict_mode = false, columns = {${columns}}) ORDER BY "Date"`,
    { path },
  );
  const out: ReadColumns = new Map();
  const rows = result.getRowObjects();
  for (const c of layout.columns)
    out.set(
      c,
      rows.map((r) => (r[c] === null ? Number.NaN : (r[c] as string | number))),
    );
  return out;
}

const hasOhlc = (l: Layout) => l.columns.includes('High') && l.columns.includes('Low');

describe('importer fuzz (fast-check)', () => {
  it('valid files import exactly the rows the model wrote', { timeout: TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(layoutArb, fc.array(rowArb, { minLength: 1, maxLength: 25 }), async (layout, drafts) => {
        const rows = rowsFrom(drafts);
        const symbol = `FZ${counter + 1}`;
        const path = writeCase(symbol, join2(lines(rows, layout), layout), layout.gzip);
        const report = await importFiles(store, { files: [path], now: NOW, limits: LIMITS });
        expect(report.files[0]!.rows).toBe(rows.length);
        const s = (await store.readSeries(symbol))!;
        expect(Array.from(s.dates)).toEqual(rows.map((r) => r.day));
        const has = (c: Column) => layout.columns.includes(c);
        const want = (c: Column, pick: (r: Row) => number | null) =>
          rows.map((r) => (has(c) ? (pick(r) ?? Number.NaN) : Number.NaN));
        // a close-only file's adjusted close is its close, an Adj Close file's close its adjusted close
        const close = has('Close') ? rows.map((r) => r.close) : rows.map((r) => r.adj);
        expect(Array.from(s.close)).toEqual(close);
        expect(Array.from(s.adjClose)).toEqual(has('Adj Close') ? rows.map((r) => r.adj) : close);
        expect(Array.from(s.open)).toEqual(want('Open', (r) => r.open));
        expect(Array.from(s.high)).toEqual(want('High', (r) => r.high));
        expect(Array.from(s.low)).toEqual(want('Low', (r) => r.low));
        expect(Array.from(s.volume)).toEqual(want('Volume', (r) => r.volume));
        // the outside reader (DuckDB read_csv, explicit options) reads the same symbols' rows from the file
        const outside = await readWithDuckDb(path, layout);
        expect(outside.get('Date')).toEqual(Array.from(s.dates, formatIsoDate));
        const stored: Record<Exclude<Column, 'Date'>, Float64Array> = {
          Open: s.open,
          High: s.high,
          Low: s.low,
          Close: s.close,
          'Adj Close': s.adjClose,
          Volume: s.volume,
        };
        for (const c of layout.columns)
          if (c !== 'Date') expect(Array.from(stored[c]), `${path} ${c}`).toEqual(outside.get(c));
        // the symbol is the file's name (FZn.csv, FZn.csv.gz), stored with as many rows as the reader read
        const summary = (await store.listSymbols()).find((x) => x.ticker === symbol);
        expect(summary?.rows).toBe(outside.get('Date')!.length);
      }),
      runs(150),
    );
  });

  type Fault =
    | 'bad-number'
    | 'bad-date'
    | 'trailing-comma'
    | 'missing-cell'
    | 'nul'
    | 'high-below-low'
    | 'zero-price'
    | 'close-above-high'
    | 'repeated-date'
    | 'long-line';
  const faults: Fault[] = [
    'bad-number',
    'bad-date',
    'trailing-comma',
    'missing-cell',
    'nul',
    'high-below-low',
    'zero-price',
    'close-above-high',
    'repeated-date',
    'long-line',
  ];

  it('one fault in one row: refused naming file and line, store unchanged', { timeout: TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(
        layoutArb,
        fc.array(rowArb, { minLength: 2, maxLength: 20 }),
        fc.constantFrom(...faults),
        fc.nat(),
        fc.constantFrom('1_000', 'nan', 'inf', '0x10', 'abc', '1e400', '1.2.3', '--5'),
        fc.constantFrom(
          'infinity',
          'epoch',
          '2023-02-29',
          '12345-01-01',
          '2024/01/02',
          '1899-12-31',
          '2099-01-04',
          'x',
        ),
        async (layout, drafts, fault, at, badNumber, badDate) => {
          const rows = rowsFrom(drafts);
          const k = 1 + (at % (rows.length - 1)); // never the first row (a repeated date needs one before)
          const ls = lines(rows, layout);
          const cells = ls[k + 1]!.split(',');
          const priceColumns = layout.columns
            .map((c, j) => [c, j] as const)
            .filter(([c]) => c !== 'Date' && c !== 'Volume');
          const [, pj] = priceColumns[at % priceColumns.length]!;
          const col = (name: Column) => layout.columns.indexOf(name);
          let f: Fault = fault;
          if ((f === 'high-below-low' || f === 'close-above-high') && !hasOhlc(layout)) f = 'zero-price';
          if (f === 'bad-number') cells[pj] = badNumber;
          else if (f === 'bad-date') cells[col('Date')] = badDate;
          else if (f === 'trailing-comma') cells.push('');
          else if (f === 'missing-cell') cells.pop();
          else if (f === 'nul') cells[pj] = `1\u00000`;
          else if (f === 'zero-price') cells[pj] = at % 2 === 0 ? '0' : '-5';
          else if (f === 'high-below-low') {
            cells[col('High')] = '5';
            cells[col('Low')] = '6';
          } else if (f === 'close-above-high') {
            const high = rows[k]!.high;
            cells[col('High')] = String(high);
            cells[col('Low')] = String(rows[k]!.low);
            if (layout.columns.includes('Close')) cells[col('Close')] = String(high * 2);
            else cells[col('Low')] = String(high * 2);
          } else if (f === 'repeated-date') {
            cells[col('Date')] = formatIsoDate(rows[k - 1]!.day);
            cells[pj] = String(rows[k - 1]!.close + 1); // a value differs from the earlier row's
          } else if (f === 'long-line') cells[pj] = '1'.repeat(5000);
          ls[k + 1] = cells.join(',');
          const path = writeCase(`FF${counter + 1}`, join2(ls, layout), layout.gzip);
          await expectRefused(path, k + 2);
        },
      ),
      runs(800),
    );
  });

  it('random bytes after a header never crash and never write half', { timeout: TIMEOUT }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('', 'Date,Close\n', 'Date,Open,High,Low,Close,Volume\r\n', 'observation_date,FZR\n'),
        fc.uint8Array({ maxLength: 300 }),
        fc.boolean(),
        async (header, bytes, gzip) => {
          const path = writeCase(`FR${counter + 1}`, Buffer.concat([Buffer.from(header), bytes]), gzip);
          await landsOrRefusesCleanly(path);
        },
      ),
      runs(600),
    );
  });

  it.runIf(hasSharedData())(
    'byte mutations of a real file never crash and never write half',
    { timeout: TIMEOUT },
    async () => {
      const real = readFileSync(realFile('etfs-and-megacaps/SPY.csv')).subarray(0, 4000);
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 }), fc.constantFrom('set', 'insert', 'delete')), {
            minLength: 1,
            maxLength: 6,
          }),
          async (edits) => {
            const bytes = Array.from(real);
            for (const [at, value, how] of edits) {
              const i = at % bytes.length;
              if (how === 'set') bytes[i] = value;
              else if (how === 'insert') bytes.splice(i, 0, value);
              else bytes.splice(i, 1);
            }
            const path = writeCase(`FM${counter + 1}`, Buffer.from(bytes), false);
            await landsOrRefusesCleanly(path);
          },
        ),
        runs(450),
      );
    },
  );
});

/** The import either lands, or fails with a MarketDashError of one line naming the file and changes nothing. */
async function landsOrRefusesCleanly(path: string): Promise<void> {
  const before = await fingerprint();
  const e = await importFiles(store, { files: [path], now: NOW, limits: LIMITS }).then(
    () => null,
    (err: unknown) => err,
  );
  if (e === null) return;
  if (!isMarketDashError(e)) throw e;
  // one line, and nothing that could drive a terminal: control characters are shown as escapes
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  expect(e.message).not.toMatch(/[\u0000-\u001f\u007f]/);
  expect(e.message).toContain(path);
  expect(await fingerprint()).toBe(before);
}
