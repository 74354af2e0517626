/** The root program's options that every command reads: which store to open. */
import type { Command } from 'commander';

export interface GlobalOptions {
  db?: string;
  databaseUrl?: string;
}

/** The global store options of the root program, as seen from a subcommand's action. */
export function globalOptions(cmd: Command): GlobalOptions {
  let root: Command = cmd;
  while (root.parent) root = root.parent;
  return root.opts<GlobalOptions>();
}
