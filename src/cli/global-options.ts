/**
 * The root program's options that every command reads: which store to open and how long to wait for it.
 * `globalOptions(cmd)` also carries what opening the store needs from the command line: the one line
 * printed while waiting for another process, the check that a server has started on the file meanwhile
 * (the command then runs there), and what this process is, for the note beside the store.
 */
import type { Command } from 'commander';
import { type StoreOptions, waitSeconds } from '../services/open-store.js';
import { runsForClient } from './command-io.js';
import { RunInServer, serverFor } from './shared-store/forward-command.js';

export interface GlobalOptions extends StoreOptions {
  db?: string;
  databaseUrl?: string;
  /** `--wait SECONDS` as typed (default 60). */
  wait?: string;
}

/** The global store options of the root program, as seen from a subcommand's action. */
export function globalOptions(cmd: Command): GlobalOptions {
  let root: Command = cmd;
  while (root.parent) root = root.parent;
  const opts = root.opts<{ db?: string; databaseUrl?: string; wait?: string }>();
  const plain = { db: opts.db, databaseUrl: opts.databaseUrl, wait: opts.wait };
  if (runsForClient()) return plain;
  return {
    ...plain,
    onWait: (line) => process.stderr.write(`marketdash: ${line}\n`),
    stopWaiting: () => {
      const endpoint = serverFor(plain);
      return endpoint === null ? null : new RunInServer(endpoint, waitSeconds(plain.wait));
    },
    holderCommand: `marketdash ${process.argv.slice(2).join(' ')}`.slice(0, 120),
  };
}
