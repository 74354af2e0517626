/**
 * End to end: `marketdash demo`, then `report` and `check` run as child processes on a temporary
 * store file: the HTML note is written, checks clean (exit 0), a copy with a wrong figure exits 1,
 * and usage or data errors exit 2 with a one-line message. JSON keys follow the contract exactly.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, runCli } from '../../../test/support/run-cli.js';

let dir: string;
let db: string;

function cli(args: string[], input?: string, store = db): CliResult {
  return runCli(['--db', store, ...args], { input, env: { MARKETDASH_CONFIG: '' } });
}

describe('report and check commands', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'marketdash-note-cli-'));
    db = join(dir, 'demo.duckdb');
    expect(cli(['demo']).code).toBe(0);
  }, 120_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes the HTML note, which then checks clean (exit 0)', () => {
    const out = join(dir, 'note.html');
    const r = cli(['report', '--format', 'html', '--out', out]);
    expect(r.code).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('<svg');
    expect(html).toContain('Synthetic demo data');
    const c = cli(['check', out]);
    expect(c.stdout).toMatch(/claims checked as of \d{4}-\d{2}-\d{2}: (\d+) supported, 0 contradicted, 0 unverifiable/);
    expect(c.code).toBe(0);
  });

  it('exits 1 when a figure is contradicted, and prints the JSON contract', () => {
    const md = cli(['report']).stdout;
    const altered = md.replace(
      /is up (\d+\.\d{2})% year-to-date/,
      (_m, x: string) => `is up ${(Number(x) + 3).toFixed(2)}% year-to-date`,
    );
    expect(altered).not.toBe(md);
    const r = cli(['check', '-', '--format', 'json'], altered);
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as { asOf: string; claims: Record<string, unknown>[] };
    expect(Object.keys(json)).toEqual(['asOf', 'claims']);
    for (const c of json.claims)
      expect(Object.keys(c)).toEqual(['text', 'symbol', 'metric', 'period', 'claimed', 'actual', 'verdict', 'reason']);
    expect(json.claims.filter((c) => c.verdict === 'contradicted')).toHaveLength(1);
  });

  it('marks claims inline in the text output', () => {
    const r = cli(
      ['check', '-'],
      'Nvidia Corp. (NVDA) is up 900.00% year-to-date. Broadcom Inc. (AVGO) rose 2% today.',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/year-to-date\. \[WRONG NVDA ytd: says 900\.00%, data -?\d+\.\d{2}%/);
    expect(r.stdout).toMatch(/today\. \[\?\? AVGO 1d: no data for AVGO in the store\]/);
  });

  it('exits 2 on usage and data errors, with one line on stderr', () => {
    const missing = cli(['check', join(dir, 'no-such-file.txt')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^marketdash: FILE: cannot read .*no-such-file\.txt/);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(cli(['check', '-', '--tolerance', 'abc'], 'x').code).toBe(2);
    expect(cli(['check', '-', '--as-of', '2025-13-01'], 'x').code).toBe(2);
    const empty = cli(['check', '-'], 'Nvidia is up 5% this year.', join(dir, 'empty.duckdb'));
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/holds no data/);
    expect(cli(['report', '--format', 'pdf']).code).toBe(2);
  });

  it('writes a snapshot that the import command reads back into the same note', () => {
    const snap = join(dir, 'snap');
    const first = cli(['report', '--format', 'json', '--snapshot', snap]);
    expect(first.code).toBe(0);
    const note = JSON.parse(first.stdout) as { asOf: string; fingerprint: string; figures: unknown[] };
    const rebuiltDb = join(dir, 'rebuilt.duckdb');
    const files = readFileSync(join(snap, 'SPY.csv'), 'utf8');
    expect(files.split('\n')[0]).toBe('Date,Open,High,Low,Close,Adj Close,Volume');
    expect(cli(['import', ...readdirSync(snap).map((f) => join(snap, f))], undefined, rebuiltDb).code).toBe(0);
    const again = cli(['report', '--format', 'json', '--as-of', note.asOf], undefined, rebuiltDb);
    const rebuilt = JSON.parse(again.stdout) as typeof note;
    expect(rebuilt.fingerprint).toBe(note.fingerprint);
    expect(rebuilt.figures).toEqual(note.figures);
  });
});
