/**
 * End to end: `marketdash demo`, then `report` and `check` run as child processes on a temporary
 * store file: the HTML note is written, checks clean (exit 0), a copy with a wrong figure exits 1,
 * usage errors exit 2 and a missing file or an empty store 1, each with a one-line message. JSON keys follow the contract exactly.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

  it('a day past the last close dates the note by that close and says so in one stderr line', () => {
    const r = cli(['report', '--as-of', '2030-01-02']);
    expect(r.code).toBe(0);
    const warning =
      /^marketdash: warning: data ends (\d{4}-\d{2}-\d{2}); figures are as of that day \(asked for 2030-01-02\)\n$/.exec(
        r.stderr,
      );
    expect(warning, r.stderr).not.toBeNull();
    const [y, m, d] = warning![1]!.split('-').map(Number);
    const day = new Date(Date.UTC(y!, m! - 1, d!)).toLocaleDateString('en-US', {
      month: 'long',
      day: 'numeric',
      year: 'numeric',
      timeZone: 'UTC',
    });
    expect(r.stdout).toContain(`As of the close of ${day}.`);
    expect(r.stdout).toBe(cli(['report']).stdout);
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
    expect(Object.keys(json)).toEqual(['asOf', 'asOfSource', 'warnings', 'counts', 'claims']);
    // The note states its own date ("As of the close of ..."), so no --as-of is needed.
    expect(json).toMatchObject({ asOfSource: { source: 'note' } });
    for (const c of json.claims)
      expect(Object.keys(c)).toEqual([
        'text',
        'symbol',
        'metric',
        'period',
        'claimed',
        'actual',
        'verdict',
        'sentence',
        'reason',
        'basis',
        'matchesCloseOf',
        'asOf',
        'span',
        'line',
      ]);
    expect(json.claims.filter((c) => c.verdict === 'contradicted')).toHaveLength(1);
  });

  it('marks claims inline in the text output', () => {
    const r = cli(
      ['check', '-'],
      'Nvidia Corp. (NVDA) is up 900.00% year-to-date. Broadcom Inc. (AVGO) rose 2% today.',
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(
      /year-to-date\. \[NVDA is (?:up|down) \d+\.\d{2}% YTD on \w{3} \d+, not 900\.00%: contradicted; no close within 5 sessions either side matches, on the price or the total return\]/,
    );
    expect(r.stdout).toMatch(/today\. \[AVGO up 2\.00% on the day: unverifiable; no data for AVGO in the store\]/);
    expect(r.stdout).toMatch(/^Checked as of \d{4}-\d{2}-\d{2}: the note states no date/);
    expect(r.stdout).toMatch(/Warning: the note states no date: checked as of the last market close/);
  });

  it('refuses binary input and input over --max-bytes with one line, and never echoes control characters', () => {
    const bin = join(dir, 'photo.txt');
    writeFileSync(bin, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x1b, 0x5b]));
    const r = cli(['check', bin]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^marketdash: FILE: '.*photo\.txt' is not text \(a NUL byte at offset 8\)/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const latin1 = join(dir, 'latin1.txt');
    writeFileSync(latin1, Buffer.from('Nestl\xe9 rose 2% today.', 'latin1'));
    expect(cli(['check', latin1]).stderr).toMatch(/is not UTF-8 text/);
    const big = join(dir, 'big.txt');
    writeFileSync(big, 'Nvidia rose 1% today. '.repeat(100));
    const tooBig = cli(['check', big, '--max-bytes', '1000']);
    expect(tooBig.code).toBe(2);
    expect(tooBig.stderr).toMatch(/is over the 1000-byte limit for one note \(raise it with --max-bytes\)/);
    expect(cli(['check', '-', '--max-bytes', '10'], 'Nvidia rose 1% today.').stderr).toMatch(/standard input/);
    expect(cli(['check', '-', '--max-bytes', 'lots'], 'x').code).toBe(2);
    const escapes = cli(['check', '-', '--as-of', '2025-12-11'], 'Nvidia \x1b[2J\x1b]0;pwned\x07rose 1.00% today.');
    // biome-ignore lint/suspicious/noControlCharactersInRegex: no control character may reach the terminal.
    expect(escapes.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(escapes.stdout).toContain('Nvidia [2J]0;pwnedrose 1.00% today.');
  }, 240_000);

  it('checks a folder of notes with one summary row per note, as text, CSV and JSON', () => {
    const folder = join(dir, 'archive');
    mkdirSync(join(folder, 'december'), { recursive: true });
    const md = cli(['report']).stdout;
    writeFileSync(join(folder, 'december', 'note.md'), md);
    writeFileSync(join(folder, 'wrong.txt'), 'Nvidia Corp. (NVDA) is up 900.00% year-to-date.');
    writeFileSync(join(folder, 'ignored.csv'), 'Date,Close\n');
    const text = cli(['check', folder]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/^note\s+asOf\s+asOfSource\s+claims\s+supported\s+contradicted\s+unverifiable/);
    expect(text.stdout).toMatch(/december\/note\.md\s+\d{4}-\d{2}-\d{2}\s+note\s+(\d+)\s+\1\s+0\s+0/);
    expect(text.stdout).toMatch(/wrong\.txt:1: NVDA is .* not 900\.00%: contradicted/);
    const csv = cli(['check', folder, '--format', 'csv']).stdout.trim().split('\n');
    expect(csv[0]).toBe('note,asOf,asOfSource,claims,supported,contradicted,unverifiable');
    expect(csv).toHaveLength(3);
    expect(csv[2]).toMatch(/wrong\.txt,\d{4}-\d{2}-\d{2},latest,1,0,1,0$/);
    const json = JSON.parse(cli(['check', folder, '--format', 'json']).stdout) as { notes: { note: string }[] };
    expect(json.notes.map((n) => n.note.slice(folder.length))).toEqual(['/december/note.md', '/wrong.txt']);
    const one = cli(['check', join(folder, 'wrong.txt'), '--format', 'csv']).stdout.split('\n');
    expect(one[0]).toBe(
      'file,line,start,end,symbol,metric,period,claimed,actual,verdict,basis,matchesCloseOf,asOf,sentence',
    );
    expect(one[1]).toMatch(/wrong\.txt,1,23,33,NVDA,return,ytd,9,/);
    const html = cli(['check', join(folder, 'wrong.txt'), '--format', 'html']).stdout;
    expect(html).toContain('<mark class="contradicted" id="claim-0" title="NVDA is');
    expect(html).not.toContain('<script');
  }, 240_000);

  it("exits 2 on usage errors, 1 on a missing file or an empty store (docs/cli.md's exit codes), one line each", () => {
    const missing = cli(['check', join(dir, 'no-such-file.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`marketdash: cannot read '${join(dir, 'no-such-file.txt')}': no such file\n`);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    expect(cli(['check', '-', '--tolerance', 'abc'], 'x').code).toBe(2);
    expect(cli(['check', '-', '--as-of', '2025-13-01'], 'x').code).toBe(2);
    const empty = cli(['check', '-'], 'Nvidia is up 5% this year.', join(dir, 'empty.duckdb'));
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(
      /holds no data; import some into .* first \('marketdash import' or 'marketdash demo'\)/,
    );
    expect(empty.stderr.trim().split('\n')).toHaveLength(1);
    // a breadth claim on a group the demo store lacks: the verdict in product words, the CLI's step on stderr
    const breadth = cli(['check', '-'], 'S&P 600 members: 62% closed above their 200-day moving average.');
    expect(breadth.stdout).toContain("(it needs the group's member list and the members' closes)");
    expect(breadth.stdout).not.toMatch(/marketdash |--[a-z]/);
    expect(breadth.stderr).toContain(
      "marketdash: to check the breadth of 'sp600': import the members' closes and 'marketdash group import constituents/sp600.csv --name sp600'\n",
    );
    expect(cli(['report', '--format', 'pdf']).code).toBe(2);
    // an --out in a folder that does not exist says so, not just "cannot write"
    const out = join(dir, 'no-such-folder', 'note.html');
    const unwritable = cli(['report', '--out', out]);
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toBe(
      `marketdash: --out: cannot write ${out}: the folder ${join(dir, 'no-such-folder')} does not exist\n`,
    );
  });

  it('writes a snapshot that the import command reads back into the same note', () => {
    const snap = join(dir, 'snap');
    const first = cli(['report', '--format', 'json', '--snapshot', snap]);
    expect(first.code).toBe(0);
    const note = JSON.parse(first.stdout) as { asOf: string; fingerprint: string; figures: unknown[] };
    // the envelope of every JSON result: ends with demo and warnings; the row count is not a top-level `rows`
    const keys = Object.keys(note);
    expect(keys.slice(-3)).toEqual(['rowsUsed', 'demo', 'warnings']);
    expect(keys).not.toContain('rows');
    expect(note).toMatchObject({ demo: true, warnings: [] });
    expect(first.stderr).toContain(
      `snapshot: ${readdirSync(snap).length} files, ${(note as unknown as { rowsUsed: number }).rowsUsed} rows in`,
    );
    // no breadth group in the demo store: the import and the report rebuild it
    expect(first.stderr).toContain(
      `rebuild with: marketdash import ${join(snap, '*')} && marketdash report --as-of ${note.asOf}\n`,
    );
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
