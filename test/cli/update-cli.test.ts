/**
 * `marketdash update` from the demo provider (no network) onto a store holding an imported SPY with a
 * gap of two weeks (2026-10-05..2026-10-16, ten trading days, none a NYSE holiday): the data checks run on
 * the updated series and their warning is one stderr line in the form every command uses,
 * `marketdash: warning: ...`, in every format (and in the JSON's `warnings` too).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, runCli } from '../support/run-cli.js';

let dir: string;
let db: string;

function cli(...args: string[]): CliResult {
  return runCli(['--db', db, ...args], { env: { MARKETDASH_CONFIG: '', NO_COLOR: '', FORCE_COLOR: '' } });
}

/** Weekday closes from 2026-09-01 to 2026-11-20, without 2026-10-05..2026-10-16. */
function spyWithGap(): string {
  const rows = ['Date,Open,High,Low,Close,Volume'];
  let close = 600;
  for (let t = Date.UTC(2026, 8, 1); t <= Date.UTC(2026, 10, 20); t += 86_400_000) {
    const day = new Date(t);
    const iso = day.toISOString().slice(0, 10);
    if (day.getUTCDay() === 0 || day.getUTCDay() === 6 || (iso >= '2026-10-05' && iso <= '2026-10-16')) continue;
    close += 0.5;
    rows.push(`${iso},${close},${close + 1},${close - 1},${close},1000000`);
  }
  return `${rows.join('\n')}\n`;
}

const WARNING = 'marketdash: warning: SPY: 10 missing trading days (2026-10-05..2026-10-16)';

describe('update warnings', () => {
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'marketdash-update-cli-'));
    db = join(dir, 'u.duckdb');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each(['table', 'csv', 'json'])('--format %s: the warning is one line prefixed like every command', (format) => {
    writeFileSync(join(dir, 'SPY.csv'), spyWithGap());
    rmSync(db, { force: true });
    expect(cli('import', join(dir, 'SPY.csv')).code).toBe(0);
    const r = cli('update', 'SPY', '--provider', 'demo', '--format', format);
    expect(r.code).toBe(0);
    const warnings = r.stderr.split('\n').filter((l) => /warning/i.test(l));
    expect(warnings).toEqual([WARNING]);
    if (format === 'json')
      expect((JSON.parse(r.stdout) as { warnings: string[] }).warnings).toEqual([WARNING.slice(21)]);
  });

  it('an unknown --provider is named (exit 2) before any look at the network, not "no network"', () => {
    const r = cli('update', 'SPY', '--provider', 'bloomberg');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^marketdash: --provider: 'bloomberg' is not one of [a-z, ]*demo[a-z, ]*\n$/);
  });
});
