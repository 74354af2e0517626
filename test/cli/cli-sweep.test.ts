/**
 * A sweep of the whole command line as a user meets it. In-process: every command and subcommand of
 * buildProgram() has a description, every option and argument is described, and `--help` exits 0
 * with usage and examples. Through the real CLI (child processes): each user mistake prints exactly
 * one stderr line naming the parameter, symbol or file at fault, exits 2 for usage and 1 for data or
 * not found, and never shows a stack trace; an empty store is refused; demo data is labelled.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Command } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandPath, HELP_EXAMPLES } from '../../src/cli/help-examples.js';
import { buildProgram } from '../../src/cli/program.js';
import { perfRowSchema } from '../../src/contracts/perf-contract.js';
import { loadDemoMarket } from '../../src/services/demo/load-demo-market.js';
import { DEMO_DATA_LABEL } from '../../src/services/demo-label.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { readRealCsv } from '../reference/real-csv.js';
import { type CliResult, runCli } from '../support/run-cli.js';
import { describeWithSharedData, realFile } from '../support/shared-data.js';

function allCommands(root: Command): Command[] {
  const out: Command[] = [];
  const visit = (c: Command) => {
    out.push(c);
    for (const sub of c.commands) visit(sub);
  };
  for (const c of root.commands) visit(c);
  return out;
}

/** Runs `marketdash <path> --help` in-process and returns the exit code and what was written. */
async function helpInProcess(path: string[]): Promise<{ code: number; out: string }> {
  const program = buildProgram();
  let out = '';
  for (const c of [program, ...allCommands(program)])
    c.configureOutput({ writeOut: (s) => void (out += s), writeErr: (s) => void (out += s) });
  try {
    await program.parseAsync(['node', 'marketdash', ...path, '--help']);
    return { code: 0, out };
  } catch (e) {
    return { code: (e as { exitCode?: number }).exitCode ?? -1, out };
  }
}

describe('every command and subcommand documents itself', () => {
  const program = buildProgram();
  const commands = allCommands(program);

  it('walks the whole tree (26 or more commands and subcommands)', () => {
    expect(commands.length).toBeGreaterThanOrEqual(26);
  });

  it.each(commands.map((c) => [commandPath(c), c] as const))(
    '%s: description, described options and arguments, an example',
    (path, cmd) => {
      expect(cmd.description().trim().length, `${path} has no description`).toBeGreaterThan(10);
      for (const o of cmd.options)
        expect(o.description.trim().length, `${path} ${o.flags} has no description`).toBeGreaterThan(3);
      for (const a of cmd.registeredArguments)
        expect(a.description.trim().length, `${path} <${a.name()}> has no description`).toBeGreaterThan(3);
      expect(HELP_EXAMPLES[path], `${path} has no example`).toBeDefined();
      expect(cmd.helpInformation()).toContain(`Usage: marketdash ${path}`);
    },
  );

  it.each(commands.map((c) => [commandPath(c)] as const))('%s --help exits 0 and shows the examples', async (path) => {
    const r = await helpInProcess(path.split(' '));
    expect(r.code).toBe(0);
    expect(r.out).toContain(`Usage: marketdash ${path}`);
    expect(r.out).toContain(`Examples:\n  $ ${HELP_EXAMPLES[path]![0]}`);
  });

  it('the root --help lists every top-level command', async () => {
    const r = await helpInProcess([]);
    expect(r.code).toBe(0);
    for (const c of program.commands) expect(r.out).toContain(`  ${c.name()}`);
  });
});

let dir: string;
let realDb: string;
let demoDb: string;
let emptyDb: string;

describeWithSharedData('user mistakes through the real CLI', () => {
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marketdash-cli-sweep-'));
    realDb = join(dir, 'real.duckdb');
    demoDb = join(dir, 'demo.duckdb');
    emptyDb = join(dir, 'empty.duckdb');
    const real = await DuckDbStore.open(realDb);
    const files = ['etfs-and-megacaps/SPY.csv', 'etfs-and-megacaps/QQQ.csv', 'etfs-and-megacaps/NVDA.csv'];
    await real.writeBars(files.map((f) => ({ series: readRealCsv(realFile(f)), source: 'csv' })));
    await real.close();
    const demo = await DuckDbStore.open(demoDb);
    await loadDemoMarket(demo, { seed: 42 });
    await demo.close();
  }, 120_000);

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  const cli = (db: string, args: string[]): CliResult =>
    runCli(['--db', db, ...args], { env: { MARKETDASH_CONFIG: '' } });

  // [args, exit code, what the one stderr line must name]; run against the small real store.
  const mistakes: [string[], number, RegExp][] = [
    [['perf', 'NOPE'], 1, /unknown symbol 'NOPE'/],
    [['perf', 'SPY', '--as-of', '2025-13-01'], 2, /--as-of: '2025-13-01' is not a valid date/],
    [['perf', '--group', 'nogroup'], 1, /unknown group 'nogroup'/],
    [['perf'], 2, /give symbols, or --all, or --group/],
    [['perf', 'SPY', '--bogus'], 2, /unknown option '--bogus'/],
    [['ratio', 'SPY'], 2, /missing required argument 'B'/],
    [['ratio', 'SPY', 'NOPE'], 1, /unknown symbol 'NOPE'/],
    [['trend', 'SPY', '--lookback-years', 'abc'], 2, /--lookback-years: 'abc'/],
    // a pair with a side missing is named as the argument given (it said 'denominator: missing symbol B')
    [['trend', 'SPY/'], 2, /^marketdash: 'SPY\/' is not a symbol or a ratio A\/B \(e\.g\. SPSM\/MAG7\)$/],
    [['trend', 'SPY/QQQ/IWM'], 2, /'SPY\/QQQ\/IWM' is not a symbol or a ratio A\/B/],
    [['update', 'SPY', '--provider', 'bloomberg'], 2, /^marketdash: --provider: 'bloomberg' is not one of /],
    [['ratio', 'SPY', 'QQQ', '--trend', '--lookback-years', '9-3'], 2, /--lookback-years: '9-3'/],
    [['indicators', 'SPY', '--ind', 'sma:abc'], 2, /--ind: 'sma:abc'/],
    [['leaders', '--group', 'nogroup'], 1, /unknown group 'nogroup'/],
    [['rotation', '--group', 'sectors', '--tail', 'abc'], 2, /--tail: 'abc'/],
    [['breadth', '--group', 'mag7', '--history', 'abc'], 2, /--history: 'abc' is not a whole number/],
    [['symbols', '--check', '--stale-after', 'abc'], 2, /--stale-after: 'abc' is not a whole number/],
    [['scoreboard', '--symbols', 'NOPE'], 1, /--symbols: none of NOPE is stored/],
    [['scoreboard', '--symbols', ',,'], 2, /--symbols: ',,' names no symbol/],
    // SPY is stored from 1993: before that it is not 'unknown'
    [['seasonality', 'SPY', '--as-of', '1990-01-01'], 1, /^marketdash: SPY: no bars stored on or before 1990-01-01$/],
    [['seasonality', 'SPYY'], 1, /unknown symbol 'SPYY'; did you mean SPY\?/],
    // before the data: the day is named (they said 'no prices stored' and 'none ... has stored bars')
    [
      ['rotation', '--group', 'sectors', '--as-of', '1990-01-01'],
      1,
      /no prices stored for SPY on or before 1990-01-01/,
    ],
    [['leaders', '--group', 'mag7', '--as-of', '1990-01-01'], 1, /members has stored bars on or before 1990-01-01/],
    [['baserate', '--event', 'nope', '--symbol', 'SPY'], 2, /--event: 'nope'/],
    [['check', join('/nonexistent', 'note.md')], 1, /cannot read '\/nonexistent\/note\.md'/],
    [['import', join('/nonexistent', 'x.csv')], 1, /\/nonexistent\/x\.csv: file not found/],
    // below a regular file, so it cannot be created even by root
    [
      ['init', '--path', join(realFile('etfs-and-megacaps/SPY.csv'), 'c.json')],
      2,
      /--path: cannot write '.*SPY\.csv\/c\.json' \(ENOTDIR\)/,
    ],
    [['nosuchcommand'], 2, /unknown command 'nosuchcommand'/],
  ];

  it.each(mistakes)('%j: exit %i, one line naming the problem, no stack trace', (args, code, names) => {
    const r = cli(realDb, args);
    expect(r.code, r.stderr).toBe(code);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]).toMatch(/^marketdash: /);
    expect(lines[0]).toMatch(names);
    expect(r.stderr).not.toContain('    at ');
    expect(r.stderr).not.toContain('internal error');
  });

  it('regime before the data says nothing is stored before that day, not that nothing is stored', () => {
    const r = cli(demoDb, ['regime', '--as-of', '1990-01-01']);
    expect(r.code).toBe(0);
    // one warning line naming the day and the first stored day (not "nothing stored" twice)
    expect(r.stderr).toMatch(
      /^marketdash: warning: no bars on or before 1990-01-01, before the stored history: \^VIX, DGS2, DGS10, DFF \(first stored day 20\d\d-\d\d-\d\d\)\n$/,
    );
    expect(r.stdout).toBe('Regime: none of ^VIX, DGS2, DGS10, DFF is stored on or before 1990-01-01.\n');
    const since = cli(demoDb, ['regime', '--since', '2099-01-01']);
    expect(since.code).toBe(2);
    expect(since.stderr).toMatch(/^marketdash: --since: 2099-01-01 is after the last stored value, \d{4}-\d\d-\d\d\n$/);
  });

  it.each([[['perf', 'SPY']], [['events']]])('an empty store is refused with one line: %j', (args) => {
    const r = cli(emptyDb, args);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `marketdash: the store at ${emptyDb} holds no data: run 'marketdash demo' or 'marketdash import FILES' first (or pass the right --db)\n`,
    );
  });

  it.each([[['demo']], [['perf', 'SPY']]])(
    'a --db in a folder that does not exist is one line naming it: %j',
    (args) => {
      const folder = join(dirname(emptyDb), 'no-such-folder');
      const r = cli(join(folder, 'm.duckdb'), args);
      expect([r.code, r.stderr]).toEqual([
        2,
        `marketdash: --db: the folder ${folder} does not exist; create it first (mkdir -p ${folder}): the store file is created on first use, its folder is not\n`,
      ]);
      expect(existsSync(folder)).toBe(false);
    },
  );

  it('perf on demo data says so under the table, and its JSON envelope says demo', () => {
    const table = cli(demoDb, ['perf', 'SPY']);
    expect(table.code).toBe(0);
    expect(table.stdout.trimEnd().split('\n').at(-1)).toBe(`Source: ${DEMO_DATA_LABEL}.`);
    const json = cli(demoDb, ['perf', 'SPY', '--format', 'json']);
    const out = JSON.parse(json.stdout) as { rows: Record<string, unknown>[]; demo: boolean; warnings: unknown[] };
    expect(out.demo).toBe(true);
    expect(Object.keys(out.rows[0]!)).toEqual(Object.keys(perfRowSchema.shape).filter((k) => k !== 'window')); // window: only with --from
    const real = cli(realDb, ['perf', 'SPY']);
    expect(real.stdout).not.toContain(DEMO_DATA_LABEL);
  });
});
