/**
 * The snapshot packed from a CSV file beside the load (csv-snapshot-prepack.ts): its decimals are the
 * doubles a correctly rounding parser gives (JavaScript's Number() is one, by the ECMAScript spec), its
 * segments are the ones packSegments makes of the rows written out by hand here, and every line it
 * cannot read exactly, every symbol the bars must settle, is left to the read-back.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../domain/trading-date.js';
import { CsvSnapshotPrepack, plainDecimal } from './csv-snapshot-prepack.js';
import type { CsvFileSpec } from './price-store.js';
import { packSegments } from './series-snapshot.js';

const dir = mkdtempSync(join(tmpdir(), 'marketdash-prepack-'));
let files = 0;

const LONG = ['Symbol', 'Date', 'Open', 'High', 'Low', 'Close', 'Adj Close', 'Volume'];
const LONG_ROLES = { symbol: 0, date: 1, open: 2, high: 3, low: 4, close: 5, adjClose: 6, volume: 7 } as const;

function csv(text: string, spec: Partial<CsvFileSpec> = {}): CsvFileSpec {
  const path = join(dir, `f${++files}.csv`);
  writeFileSync(path, text);
  return {
    path,
    gzip: false,
    columns: LONG,
    roles: LONG_ROLES,
    skipLines: 1,
    newline: '\n',
    hasData: true,
    symbol: null,
    source: 'csv',
    ...spec,
  };
}

async function read(stored: readonly string[], ...specs: CsvFileSpec[]): Promise<CsvSnapshotPrepack> {
  const p = new CsvSnapshotPrepack(new Set(stored));
  for (const spec of specs) await p.read(spec, new AbortController().signal);
  return p;
}

const bytes = (text: string) => new TextEncoder().encode(text);
const day = (iso: string) => parseIsoDate(iso);

/** What packSegments makes of these rows (ISO days). */
function packedRows(symbol: string, days: readonly string[], closes: readonly number[], adj: readonly number[]) {
  return packSegments(symbol, Int32Array.from(days, day), Float64Array.from(closes), Float64Array.from(adj));
}

describe('plainDecimal', () => {
  it('gives the double Number() gives for any plain decimal of up to 15 significant digits', () => {
    const decimal = fc
      .tuple(fc.bigInt({ min: 0n, max: 999_999_999_999_999n }), fc.integer({ min: 0, max: 15 }), fc.nat({ max: 3 }))
      .map(([m, k, zeros]) => {
        const digits = m.toString().padStart(k + 1, '0');
        const text = k === 0 ? digits : `${digits.slice(0, -k)}.${digits.slice(-k)}`;
        return '0'.repeat(zeros) + text;
      });
    fc.assert(
      fc.property(decimal, (text) => {
        expect(Object.is(plainDecimal(bytes(text), 0, text.length), Number(text)), text).toBe(true);
      }),
      { numRuns: 2000 },
    );
    // by hand: the bench file's first close, and 0.1 + 0.2's neighbour
    expect(plainDecimal(bytes('171.0536'), 0, 8)).toBe(171.0536);
    expect(plainDecimal(bytes('0.30000000000000'), 0, 16)).toBe(0.3);
  });

  it('refuses what it cannot read exactly: signs, exponents, spaces, underscores, 16 digits, a bare point', () => {
    for (const text of ['+5', '-5', '1e5', ' 5', '5 ', '1_000', '5.', '.5', '1.2.3', '', '1234567890123456', 'nan'])
      expect(plainDecimal(bytes(text), 0, text.length), JSON.stringify(text)).toBeNaN();
  });
});

describe('a CSV snapshot packed beside the load', () => {
  it('packs each new symbol as packSegments packs its rows, across a year end, CRLF lines and a blank line', async () => {
    const spec = csv(
      [
        'Symbol,Date,Open,High,Low,Close,Adj Close,Volume',
        'AAA,2024-12-30,1,2,0.5,1.5,1.25,100',
        'AAA,2024-12-31,1,2,0.5,1.75,1.5,100',
        '',
        'AAA,2025-01-02,1,2,0.5,1.625,1.625,100',
        'BBB,2025-01-02,,,,20,20,',
        'BBB,2025-01-03,,,,21.5,21.5,',
        '',
      ].join('\r\n'),
      { newline: '\r\n' },
    );
    const p = await read([], spec);
    expect(p.usable).toBe(true);
    const aaa = p.take('AAA', 3);
    expect(aaa?.segments).toEqual(
      packedRows('AAA', ['2024-12-30', '2024-12-31', '2025-01-02'], [1.5, 1.75, 1.625], [1.25, 1.5, 1.625]),
    );
    // two segments: 2024, and the last year alone
    expect(aaa?.segments.map((s) => [s.year, s.rows])).toEqual([
      [2024, 2],
      [2025, 1],
    ]);
    expect(aaa?.source).toBe('csv');
    expect(p.take('BBB', 2)?.segments).toEqual(packedRows('BBB', ['2025-01-02', '2025-01-03'], [20, 21.5], [20, 21.5]));
    // taken only when the bars hold exactly the rows read
    expect(p.take('AAA', 4)).toBeNull();
    expect(p.take('CCC', 0)).toBeNull();
  });

  it('reads a file without a symbol column as its given ticker, a close-only file with the close as adjusted close', async () => {
    const spec = csv('Date,Close\n2024-01-03,10.5\n2024-01-02,10\n', {
      columns: ['Date', 'Close'],
      roles: { date: 0, close: 1 },
      symbol: 'ZZZ',
    });
    const p = await read([], spec);
    // out of order in the file, in day order in the snapshot
    expect(p.take('ZZZ', 2)?.segments).toEqual(packedRows('ZZZ', ['2024-01-02', '2024-01-03'], [10, 10.5], [10, 10.5]));
  });

  it('leaves to the read-back a stored symbol, one met in two runs or two files, and one with a day twice', async () => {
    const head = 'Symbol,Date,Open,High,Low,Close,Adj Close,Volume\n';
    const row = (s: string, d: string) => `${s},${d},1,1,1,1,1,1\n`;
    const p = await read(
      ['OLD'],
      csv(
        head +
          row('OLD', '2024-01-02') +
          row('TWO', '2024-01-02') +
          row('NEW', '2024-01-02') +
          row('TWO', '2024-01-03') +
          row('DUP', '2024-01-02') +
          row('DUP', '2024-01-02') +
          row('ONE', '2024-01-02'),
      ),
      csv(head + row('ONE', '2024-01-03') + row('LAST', '2024-01-02')),
    );
    expect(p.usable).toBe(true);
    for (const s of ['OLD', 'TWO', 'DUP', 'ONE']) for (const n of [1, 2]) expect(p.take(s, n), s).toBeNull();
    expect(p.take('NEW', 1)).not.toBeNull();
    expect(p.take('LAST', 1)).not.toBeNull();
    // symbols the bars settled repeats of
    p.leaveOut(['NEW']);
    expect(p.take('NEW', 1)).toBeNull();
  });

  it('gives up on any line it cannot read as the loader does', async () => {
    const head = 'Symbol,Date,Open,High,Low,Close,Adj Close,Volume\n';
    for (const line of [
      'aaa,2024-01-02,1,1,1,1,1,1', // lower case: upper-cased in the bars afterwards
      ' AAA,2024-01-02,1,1,1,1,1,1', // spaces: trimmed in the bars
      'AAA,2024-1-2,1,1,1,1,1,1', // a date the loader reads, spelled otherwise
      'AAA,2024-02-30,1,1,1,1,1,1',
      'AAA,2024-01-02,1,1,1,1e1,1,1', // an exponent
      'AAA,2024-01-02,1,1,1,"1",1,1', // a quote
      'AAA,2024-01-02,1,1,1', // too few fields
    ]) {
      const p = await read([], csv(`${head}AAA,2024-01-01,1,1,1,1,1,1\n${line}\n`));
      expect(p.usable, line).toBe(false);
      expect(p.take('AAA', 2), line).toBeNull();
    }
    expect((await read([], csv(head, { gzip: true }))).usable).toBe(false);
    expect((await read([], csv(head, { newline: '\r' }))).usable).toBe(false);
  });

  it('stops reading a file whose first megabyte holds no new symbol (a re-import)', async () => {
    const head = 'Symbol,Date,Open,High,Low,Close,Adj Close,Volume\n';
    const old = 'OLD,2024-01-02,1,1,1,1,1,1\n'.repeat(80_000); // 2.1 MB
    const p = await read(['OLD'], csv(`${head}${old}NEW,2024-01-02,1,1,1,1,1,1\n`));
    expect(p.usable).toBe(true);
    expect(p.take('NEW', 1)).toBeNull();
    // the same new symbol first: read
    const q = await read(['OLD'], csv(`${head}NEW,2024-01-02,1,1,1,1,1,1\n${old}`));
    expect(q.take('NEW', 1)).not.toBeNull();
  });
});
