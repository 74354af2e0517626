/**
 * The command line loads only the command it runs, and otherwise behaves as the full program: the
 * lazy table names every command of program.ts in the same order, a named command gets the same help,
 * and the command name is found past the global options.
 */
import { describe, expect, it } from 'vitest';
import { commandNameIn } from './command-name.js';
import { buildProgramFor, COMMAND_LOADERS } from './lazy-program.js';
import { buildProgram } from './program.js';

describe('lazy command loading', () => {
  it('knows every command of the full program, in its order', () => {
    expect(Object.keys(COMMAND_LOADERS)).toEqual(buildProgram().commands.map((c) => c.name()));
  });

  it('finds the command name past the global options', () => {
    expect(commandNameIn(['--db', 'x.duckdb', 'perf', 'SPY'])).toBe('perf');
    expect(commandNameIn(['--db=x.duckdb', '--database-url', 'postgres://h/db', 'trend', 'SPY'])).toBe('trend');
    expect(commandNameIn(['perf', '--all'])).toBe('perf');
    expect(commandNameIn(['--help'])).toBeNull();
    expect(commandNameIn(['--version'])).toBeNull();
    expect(commandNameIn([])).toBeNull();
  });

  it('registers only the command being run, with the same help as the full program', async () => {
    const lazy = await buildProgramFor(['node', 'marketdash', '--db', 'x.duckdb', 'perf', 'SPY']);
    expect(lazy.commands.map((c) => c.name())).toEqual(['perf']);
    const full = buildProgram().commands.find((c) => c.name() === 'perf')!;
    expect(lazy.commands[0]!.helpInformation()).toBe(full.helpInformation());
  });

  it('registers everything for root help and for an unknown command (so commander can suggest one)', async () => {
    const all = buildProgram().commands.map((c) => c.name());
    expect((await buildProgramFor(['node', 'marketdash', '--help'])).commands.map((c) => c.name())).toEqual(all);
    expect((await buildProgramFor(['node', 'marketdash', 'perff'])).commands.map((c) => c.name())).toEqual(all);
  });
});
