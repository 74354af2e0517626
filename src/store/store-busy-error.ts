/**
 * A DuckDB file is held by another process: DuckDB lets one process at a time open a file for writing,
 * and the operating system drops that lock when the process ends (a killed process leaves none).
 * `openStore` waits on this error (see services/shared-store/wait-for-store.ts).
 */
import { DataError } from '../domain/errors.js';

export class StoreBusyError extends DataError {
  /** The process holding the file, as DuckDB reports it (null when it does not say). */
  readonly holderPid: number | null;
  readonly path: string;
  constructor(path: string, holderPid: number | null, options?: { cause?: unknown; message?: string }) {
    super(
      options?.message ?? `store ${path} is in use by ${holderPid === null ? 'another process' : `PID ${holderPid}`}`,
      {
        cause: options?.cause,
        file: path,
      },
    );
    this.path = path;
    this.holderPid = holderPid;
  }
}

/** The holder's PID when `e` is DuckDB's "Could not set lock on file" error; undefined for any other error. */
export function lockConflictPid(e: unknown): number | null | undefined {
  const message = e instanceof Error ? e.message : String(e);
  if (!/Could not set lock on file/i.test(message)) return undefined;
  const pid = /\(PID (\d+)\)/.exec(message);
  return pid ? Number(pid[1]) : null;
}
