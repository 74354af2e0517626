/**
 * What a command line asks for, read before any command module loads: the command's name (past the
 * global options) and, for the commands that read the store at once, the DuckDB file they will open, so
 * main.ts can start opening it while the rest of the program loads (services/open-store.ts,
 * `openDuckDbEarly`).
 */

/** Global options that take a value (`--db PATH`), to step over when looking for the command name. */
const VALUE_OPTIONS = new Set(['--db', '--database-url', '--wait']);

/** The command named in `args` (user arguments, without node and the script), or null. */
export function commandNameIn(args: readonly string[]): string | null {
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (VALUE_OPTIONS.has(a)) {
      i++;
      continue;
    }
    if (a.startsWith('-')) {
      if (a.includes('=')) continue;
      return null; // root --help, --version or an unknown option: let the full program answer
    }
    return a;
  }
  return null;
}

/**
 * The commands whose action opens the store first thing (withDataStore) and only reads it. Opening the
 * file early for any other command could hold it needlessly (a server or another command may want it).
 */
const READS_STORE_AT_ONCE = new Set([
  'baserate',
  'breadth',
  'events',
  'indicators',
  'leaders',
  'perf',
  'rank',
  'rates',
  'ratio',
  'regime',
  'rotation',
  'scoreboard',
  'seasonality',
  'trend',
]);

/**
 * The DuckDB file a read command on this command line will open (`--db`, else MARKETDASH_DB, else
 * ./marketdash.duckdb), or null: another command, help, or a PostgreSQL store (`--database-url`,
 * MARKETDASH_DATABASE_URL).
 */
export function storeReadAtOnce(args: readonly string[], env: NodeJS.ProcessEnv = process.env): string | null {
  const name = commandNameIn(args);
  if (name === null || !READS_STORE_AT_ONCE.has(name)) return null;
  let db: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--') break;
    if (a === '--help' || a === '-h' || a === '--database-url' || a.startsWith('--database-url=')) return null;
    if (a === '--db') db = args[++i];
    else if (a.startsWith('--db=')) db = a.slice('--db='.length);
  }
  if (env.MARKETDASH_DATABASE_URL) return null;
  return db ?? env.MARKETDASH_DB ?? './marketdash.duckdb';
}
