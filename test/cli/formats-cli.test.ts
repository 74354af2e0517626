/**
 * Every table command offers --format table|json|csv; tables fit 120 columns unless --wide; rotation marks
 * a stale member with its own day like perf; a rate's events read as levels with moves in bp. Real files
 * (shared/data/real): SPY, XLE, DFF, and the messy XLK file that ends 2026-01-02 (a stale member).
 * Hand-checked figures: SPY closed 683.507263 on 2025-12-11 after 681.920410 (SPY.csv lines 8275-8276);
 * DFF was 3.64 on 2025-12-11 and 3.86 on 2025-10-31 (DFF.csv; the data README names 3.89 -> 3.64).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type CliResult, runCli } from '../support/run-cli.js';
import { describeWithSharedData, messyFile, realFile } from '../support/shared-data.js';

let dir: string;
let db: string;

function cli(...args: string[]): CliResult {
  return runCli(['--db', db, ...args], { env: { MARKETDASH_CONFIG: '', NO_COLOR: '', FORCE_COLOR: '' } });
}

describeWithSharedData('table, JSON and CSV formats', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'marketdash-formats-cli-'));
    db = join(dir, 'test.duckdb');
    // the MAG7 members and MAGS give the scoreboard a computed MAG7 - MAGS spread row
    const mag7 = ['AAPL', 'MSFT', 'GOOGL', 'AMZN', 'NVDA', 'META', 'TSLA', 'MAGS'].map(
      (t) => `etfs-and-megacaps/${t}.csv`,
    );
    const files = [
      'etfs-and-megacaps/SPY.csv',
      'etfs-and-megacaps/XLE.csv',
      'rates/DFF.csv',
      'rates/DGS10.csv',
      ...mag7,
    ].map(realFile);
    expect(cli('import', ...files).code).toBe(0);
    const xlk = messyFile('XLK-split-not-back-adjusted.csv');
    expect(cli('import', '--symbol', 'XLK', xlk).code).toBe(0);
    writeFileSync(join(dir, 'two.csv'), 'Ticker\nXLE\nXLK\n');
    expect(cli('group', 'import', join(dir, 'two.csv'), '--name', 'two').code).toBe(0);
  }, 120_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('rotation marks a member whose data ends before the table day with its own day, in the table and the CSV', () => {
    const t = cli('rotation', '--group', 'two');
    expect(t.code).toBe(0);
    const lines = t.stdout.split('\n');
    expect(lines[0]).toMatch(/^Symbol\s+As of\s+Quadrant/);
    expect(lines.find((l) => l.startsWith('XLK'))).toMatch(/^XLK\s+2026-01-02\*/);
    expect(lines.find((l) => l.startsWith('XLE'))).toMatch(/^XLE\s+2026-08-03\s/);
    expect(t.stdout).toContain(
      "* stale: the member's data ends before 2026-08-03; its figures are as of its own last bar.",
    );
    const csv = cli('rotation', '--group', 'two', '--format', 'csv').stdout.trimEnd().split('\n');
    expect(csv[0]).toBe('symbol,asOf,stale,quadrant,rsRatio,rsMomentum,heading,tail');
    expect(csv.find((l) => l.startsWith('XLK,'))).toMatch(/^XLK,2026-01-02,true,/);
    const json = JSON.parse(cli('rotation', '--group', 'two', '--format', 'json').stdout) as {
      rows: { symbol: string; rsRatio: number | null }[];
    };
    const xle = json.rows.find((r) => r.symbol === 'XLE')!;
    expect(csv.find((l) => l.startsWith('XLE,'))!.split(',')[4]).toBe(String(xle.rsRatio));
  });

  it('events: prices to the cent, a rate as a level with its base rate in bp, shares in whole percent; CSV has every event', () => {
    const t = cli('events', '--as-of', '2025-12-11', '--wide'); // --wide: the What column is not wrapped
    expect(t.code).toBe(0);
    const spy = t.stdout.split('\n').find((l) => /\bSPY\s+new_ath\b/.test(l))!;
    expect(spy).toContain('new all-time closing high 683.51 (previous 681.92 on 2025-12-10)');
    expect(spy).toMatch(/\d+, -?\d+\.\d\d%, \d+%$/);
    const dff = t.stdout.split('\n').find((l) => /\bDFF\s+new_52w_low\b/.test(l))!;
    expect(dff).toContain('new 52-week low 3.64% (previous 3.86% on 2025-10-31)');
    expect(dff).toMatch(/\d+, -?\d+ bp, \d+%$/);
    expect(t.stdout).toContain('(for rates, changes in basis points)');
    const json = JSON.parse(cli('events', '--as-of', '2025-12-11', '--format', 'json').stdout) as {
      rows: { symbol: string; type: string; rate?: boolean; baseRate?: { unit?: string } }[];
    };
    expect(json.rows.find((e) => e.symbol === 'DFF')).toMatchObject({ rate: true, baseRate: { unit: 'bp' } });
    const csv = cli('events', '--as-of', '2025-12-11', '--format', 'csv').stdout.trimEnd().split('\n');
    expect(csv[0]).toBe('date,symbol,type,what,baseRateCount,baseRateUnit,n3m,median3m,shareUp3m');
    expect(csv.length - 1).toBe(json.rows.length);
    expect(csv.find((l) => l.startsWith('2025-12-11,DFF,new_52w_low,'))).toMatch(/,bp,/);
  });

  it('trend --format csv is one row of the JSON figures', () => {
    const csv = cli('trend', 'SPY', '--as-of', '2025-12-11', '--format', 'csv').stdout.trimEnd().split('\n');
    expect(csv[0]).toBe('series,asOf,last,stale,kind,anchors,touches,slopePerYear,lineAtAsOf,distance,state,since');
    const j = JSON.parse(cli('trend', 'SPY', '--as-of', '2025-12-11', '--format', 'json').stdout) as {
      last: number;
      trend: { distance: number } | null;
    };
    const cells = csv[1]!.split(',');
    expect(cells.slice(0, 3)).toEqual(['SPY', '2025-12-11', String(j.last)]);
    expect(cells[9]).toBe(j.trend === null ? '' : String(j.trend.distance));
  });

  it('every table command takes --format csv', () => {
    for (const args of [
      // the ones that had no CSV before (perf, ratio, symbols, leaders, rank, indicators, basket list had)
      ['breadth', '--group', 'two'],
      ['regime'],
      ['scoreboard', '--symbols', 'SPY,XLE'],
      ['rates'],
      ['group', 'list'],
      ['baserate', '--event', 'new_ath', '--symbol', 'SPY'],
    ]) {
      const r = cli(...args, '--format', 'csv');
      expect(r.code, args.join(' ')).toBe(0);
      expect(r.stdout.split('\n')[0], args.join(' ')).toMatch(/^[A-Za-z_][\w.]*(,[\w.\s()%/-]+)+$/);
    }
  }, 120_000);

  it('every list result prints the JSON envelope {rows, demo, warnings} (docs/store-and-cli.md)', () => {
    for (const args of [['perf', 'SPY'], ['symbols'], ['group', 'list'], ['basket', 'list']]) {
      const r = cli(...args, '--format', 'json');
      expect(r.code, args.join(' ')).toBe(0);
      const out = JSON.parse(r.stdout) as Record<string, unknown>;
      expect(Object.keys(out), args.join(' ')).toEqual(['rows', 'demo', 'warnings']);
      expect([Array.isArray(out.rows), out.demo, out.warnings], args.join(' ')).toEqual([true, false, []]);
    }
    const groups = JSON.parse(cli('group', 'list', '--format', 'json').stdout) as { rows: { name: string }[] };
    expect(groups.rows.map((g) => g.name)).toContain('two');
    // one group is one object that ends with the same two fields
    const two = JSON.parse(cli('group', 'show', 'two', '--format', 'json').stdout) as Record<string, unknown>;
    expect(two).toEqual({
      name: 'two',
      members: ['XLE', 'XLK'],
      benchmark: null,
      origin: 'store',
      demo: false,
      warnings: [],
    });
  }, 120_000);

  it('db status and db migrate: one object ending with demo and warnings, as every result (docs/store-and-cli.md)', () => {
    // the store of beforeAll: 13 imported (SPY, XLE, DFF, DGS10, the 7 MAG7 members, MAGS, XLK) and the MAG7 basket
    const status = JSON.parse(cli('db', 'status', '--format', 'json').stdout) as Record<string, unknown>;
    expect(Object.keys(status)).toEqual([
      'backend',
      'location',
      'schemaVersion',
      'dataVersion',
      'symbols',
      'bars',
      'demo',
      'warnings',
    ]);
    expect(status).toMatchObject({ backend: 'duckdb', location: db, symbols: 14, demo: false, warnings: [] });
    const migrate = JSON.parse(cli('db', 'migrate', '--format', 'json').stdout) as Record<string, unknown>;
    expect(Object.keys(migrate)).toEqual(['backend', 'location', 'applied', 'schemaVersion', 'demo', 'warnings']);
    expect(migrate).toMatchObject({ applied: [], demo: false, warnings: [] });
  }, 120_000);

  it('a table fits 120 columns and names what it left out; --wide shows every column', () => {
    const narrow = cli('perf', '--all');
    expect(narrow.code).toBe(0);
    const table = narrow.stdout.split('\n').slice(0, 6);
    expect(Math.max(...table.map((l) => l.length))).toBeLessThanOrEqual(120);
    expect(narrow.stdout).toMatch(/^Left out to fit 120 columns: .*10Y.*MAX.* \(--wide shows every column\)\.$/m);
    const wide = cli('perf', '--all', '--wide');
    expect(wide.stdout.split('\n')[0]).toMatch(/\b10Y\b.*\bMAX\b.*Lowest since$/);
    expect(wide.stdout).not.toMatch(/Left out to fit/);
  });

  it('ratio and the scoreboard spreads fit 120 columns by leaving out named columns; --wide shows them', () => {
    const widest = (text: string) => Math.max(...text.split('\n').map((l) => l.length));
    const ratio = cli('ratio', 'XLE', 'SPY', '--from', '2025-01-01');
    expect(ratio.code).toBe(0);
    const [head, rule, row, footer] = ratio.stdout.split('\n');
    expect(widest([head, rule, row, footer].join('\n'))).toBeLessThanOrEqual(120);
    // perf's drop order: MAX, 10Y, 5Y, 3Y go; the window column asked for stays
    expect(head).toMatch(/^Ratio\s+As of\s+Last\s+1D\s+5D\s+MTD\s+1M\s+QTD\s+3M\s+6M\s+YTD\s+1Y\s+Since 2024-12-31$/);
    expect(footer).toBe('Left out to fit 120 columns: 3Y, 5Y, 10Y, MAX (--wide shows every column).');
    const ratioWide = cli('ratio', 'XLE', 'SPY', '--from', '2025-01-01', '--wide').stdout.split('\n');
    expect(ratioWide[0]).toMatch(/\b1Y\s+3Y\s+5Y\s+10Y\s+MAX\s+Since 2024-12-31$/);
    expect(ratioWide[0]!.length).toBeGreaterThan(120);
    expect(ratioWide.join('\n')).not.toMatch(/Left out/);

    const board = cli('scoreboard', '--symbols', 'SPY');
    expect(board.code).toBe(0);
    const spreads = board.stdout.split('\n\n')[1]!;
    expect(spreads.split('\n')[0]).toMatch(/^Equal vs cap\s+As of\s+QTD spread\s+YTD spread\s+1Y spread$/);
    expect(spreads).toMatch(/^MAG7 - MAGS\s+2026-08-03\s+-?\d+\.\d\d% \(/m);
    expect(widest(spreads)).toBeLessThanOrEqual(120);
    expect(spreads.trimEnd().split('\n').at(-1)).toBe(
      'Left out to fit 120 columns: MTD spread (--wide shows every column).',
    );
    const wideSpreads = cli('scoreboard', '--symbols', 'SPY', '--wide').stdout.split('\n\n')[1]!;
    expect(wideSpreads.split('\n')[0]).toMatch(/^Equal vs cap\s+As of\s+MTD spread\s+QTD spread/);
    expect(widest(wideSpreads)).toBeGreaterThan(120);
  });

  it('leaders, rank, ratio and scoreboard colour gains green and losses red when forced, never with NO_COLOR', () => {
    const esc = String.fromCharCode(27);
    for (const args of [
      ['leaders', '--group', 'two', '--as-of', '2025-12-11'],
      ['rank', '--group', 'two', '--as-of', '2025-12-11'],
      ['ratio', 'XLE', 'SPY'],
      ['scoreboard', '--symbols', 'SPY,XLE'],
    ]) {
      const forced = runCli(['--db', db, ...args], { env: { MARKETDASH_CONFIG: '', FORCE_COLOR: '1', NO_COLOR: '' } });
      expect(forced.code, args.join(' ')).toBe(0);
      const toned = [...forced.stdout.matchAll(new RegExp(`${esc}\\[(3[12])m([^${esc}]*)${esc}\\[39m`, 'g'))];
      expect(toned.length, args.join(' ')).toBeGreaterThan(0);
      // green is a gain (no minus sign), red a loss (a minus sign first), whatever the column
      for (const [, code, text] of toned)
        expect(text!.startsWith('-'), `${args.join(' ')}: ${text}`).toBe(code === '31');
      const off = runCli(['--db', db, ...args], { env: { MARKETDASH_CONFIG: '', FORCE_COLOR: '1', NO_COLOR: '1' } });
      expect(off.stdout, args.join(' ')).not.toContain(esc);
      expect(cli(...args).stdout, args.join(' ')).not.toContain(esc);
    }
  });

  it("perf prints a rate's period changes in bp of the level in the table; the JSON keeps the returns", () => {
    // rates/DGS10.csv: 4.65 on 2026-07-27, 4.69 on 2026-07-24, 4.38 on 2026-06-26 (the last before 06-27),
    // 4.18 on 2025-12-31, all-time high 4.98 on 2023-10-19: 1D -4 bp, 1M +27 bp, YTD +47 bp, vs ATH -33 bp
    const t = cli('perf', 'DGS10', 'SPY', '--as-of', '2026-07-27');
    expect(t.code).toBe(0);
    const lines = t.stdout.split('\n');
    const cols = lines[0]!.split(/\s{2,}/);
    const cells = lines.find((l) => l.startsWith('DGS10'))!.split(/\s{2,}/);
    const cell = (h: string) => cells[cols.indexOf(h)];
    expect([cell('Close'), cell('1D'), cell('1M'), cell('YTD'), cell('vs ATH')]).toEqual([
      '4.65',
      '-4 bp',
      '27 bp',
      '47 bp',
      '-33 bp',
    ]);
    // SPY, not a rate, keeps percent returns
    expect(lines.find((l) => l.startsWith('SPY'))).toMatch(/^SPY\s.*\d\.\d\d%/);
    expect(lines.find((l) => l.startsWith('SPY'))).not.toContain('bp');
    expect(t.stdout).toContain('Rates (DGS10): changes and distance from the high in basis points of the level');
    const json = JSON.parse(cli('perf', 'DGS10', '--as-of', '2026-07-27', '--format', 'json').stdout) as {
      rows: { returns: { ytd: number } }[];
    };
    expect(json.rows[0]!.returns.ytd).toBeCloseTo(4.65 / 4.18 - 1, 12);
    // the --from window too: 2025-12-31 -> 4.18, so 47 bp
    const win = cli('perf', 'DGS10', '--as-of', '2026-07-27', '--from', '2025-12-31').stdout.split('\n');
    expect(win[2]).toMatch(/^DGS10\s+2026-07-27\s+4\.65\s+47 bp\s+2025-12-31\s/);
  });

  it('colour only when asked for off a terminal (FORCE_COLOR), never with NO_COLOR', () => {
    expect(cli('perf', 'SPY').stdout).not.toContain('\x1b[');
    const forced = runCli(['--db', db, 'perf', 'SPY'], {
      env: { MARKETDASH_CONFIG: '', FORCE_COLOR: '1', NO_COLOR: '' },
    });
    const esc = String.fromCharCode(27);
    expect(forced.stdout).toMatch(new RegExp(`${esc}\\[3[12]m-?\\d+\\.\\d\\d%${esc}\\[39m`));
    const both = runCli(['--db', db, 'perf', 'SPY'], {
      env: { MARKETDASH_CONFIG: '', FORCE_COLOR: '1', NO_COLOR: '1' },
    });
    expect(both.stdout).not.toContain('\x1b[');
  });
});
