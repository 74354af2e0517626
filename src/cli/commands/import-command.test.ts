/** End to end: `marketdash import` and `marketdash symbols` as a user runs them (child processes). */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type CliResult, runCli } from '../../../test/support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'marketdash-cli-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]): CliResult {
  return runCli(args, { env: { MARKETDASH_DB: '' } });
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('marketdash import / symbols', { timeout: 120_000 }, () => {
  const db = join(dir, 'cli.duckdb');

  it('imports, prints a line per file with warnings, and lists the symbols', () => {
    const nvda = file(
      'NVDA.csv',
      'Date,Open,High,Low,Close,Adj Close,Volume\n2024-01-02,49.24,49.30,47.59,48.17,48.15,411254000\n2024-01-03,47.49,48.18,47.32,47.57,47.55,320896000\n',
    );
    const xle = file(
      'XLE.csv',
      'Date,Close,High,Low,Open,Volume\n,XLE,XLE,XLE,XLE,XLE\n1998-12-22,11.74,11.80,11.70,11.76,15200\n',
    );
    const r = cli('--db', db, 'import', nvda, xle);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`${nvda}: yahoo, NVDA, 2 rows 2024-01-02 .. 2024-01-03`);
    expect(r.stdout).toContain(`${xle}: stooq, XLE, 1 rows 1998-12-22 .. 1998-12-22`);
    expect(r.stdout).toContain("warning: skipped line 2 (',XLE,XLE,XLE,XLE,XLE')");
    expect(r.stdout).toContain('imported 3 rows: 3 new or changed');

    const json = cli('--db', db, 'symbols', '--format', 'json');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout).rows).toEqual([
      {
        ticker: 'NVDA',
        name: 'Nvidia Corp.', // names and kinds come from the universe config
        kind: 'stock',
        currency: 'USD',
        firstDate: '2024-01-02',
        lastDate: '2024-01-03',
        rows: 2,
        sources: ['csv'],
      },
      {
        ticker: 'XLE',
        name: 'Energy Select Sector SPDR Fund',
        kind: 'etf',
        currency: 'USD',
        firstDate: '1998-12-22',
        lastDate: '1998-12-22',
        rows: 1,
        sources: ['csv'],
      },
    ]);
    const csv = cli('--db', db, 'symbols', '--format', 'csv');
    expect(csv.stdout.split('\n')[0]).toBe('Ticker,Name,Kind,Currency,First,Last,Rows,Source');
    expect(csv.stdout.split('\n')[1]).toBe('NVDA,Nvidia Corp.,stock,USD,2024-01-02,2024-01-03,2,csv');
    const table = cli('--db', db, 'symbols');
    expect(table.stdout).toMatch(/^Ticker\s+Name\s+Kind/);
    expect(table.stdout).toMatch(
      /XLE\s+Energy Select Sector SPDR Fund\s+etf\s+USD\s+1998-12-22\s+1998-12-22\s+1\s+csv/,
    );
  });

  it('a bad row exits 1 with one line naming file and line, and imports nothing', () => {
    const bad = file('BAD.csv', 'Date,Close\n2024-01-02,10\n2024-01-03,-5\n');
    const r = cli('--db', db, 'import', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`marketdash: ${bad} line 3: Close is -5: prices must be above 0; nothing was imported\n`);
    const json = cli('--db', db, 'symbols', '--format', 'json');
    expect(JSON.parse(json.stdout).rows.map((s: { ticker: string }) => s.ticker)).toEqual(['NVDA', 'XLE']);
  });

  it('a usage mistake exits 2', () => {
    const a = file('A.csv', 'Date,Close\n2024-01-02,10\n');
    const r = cli('--db', db, 'import', a, a, '--symbol', 'X');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^marketdash: --symbol names the ticker of one file/);
  });
});
