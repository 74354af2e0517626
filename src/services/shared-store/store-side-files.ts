/**
 * The small files kept beside a DuckDB store file so that processes sharing it can find each other:
 * - `<store>.serve.json` (mode 0600): written by `marketdash serve` once it holds the store; says where
 *   its command socket listens (loopback port) and the random token a client must present. A CLI that
 *   finds a live one runs its command inside the server (src/cli/shared-store/).
 * - `<store>.holder.json`: who holds the store right now (PID, command, since), written by every process
 *   after it opens the file, so a waiting process can say what it waits for.
 * Neither is a lock: DuckDB's own file lock (dropped by the OS when a process dies) decides who holds
 * the store. A file whose PID is no longer alive is stale: it is ignored and removed.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export interface ServerEndpoint {
  readonly pid: number;
  /** Loopback TCP port of the command socket. */
  readonly port: number;
  /** 64 hex characters; a client sends it with every command. */
  readonly token: string;
  /** The dashboard's URL, for messages. */
  readonly url: string;
  readonly store: string;
  readonly since: string;
  /**
   * The server's build (src/cli/shared-store/build-stamp.ts): null when it runs from source; absent in a
   * file written by a server older than build stamps.
   */
  readonly build?: BuildStamp | null;
  /** How the server was started (`marketdash serve --demo`, `npm start`), for the advice to restart it. */
  readonly command?: string;
}

/** A build of MarketDash: dist/build-id.json's id and when that file was written (ISO, UTC). */
export interface BuildStamp {
  readonly id: string;
  readonly builtAt: string;
}

export interface StoreHolder {
  readonly pid: number;
  /** What the holder runs, e.g. `marketdash import a.csv` or `marketdash serve`. */
  readonly command: string;
  readonly since: string;
}

export const endpointPath = (storePath: string) => `${resolve(storePath)}.serve.json`;
export const holderPath = (storePath: string) => `${resolve(storePath)}.holder.json`;

/** True while a process with this PID exists (EPERM: it exists but belongs to someone else). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readJson(path: string): Record<string, unknown> | null {
  try {
    const v = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Writes JSON readable by the owner only, atomically (a reader never sees half a file). */
export function writePrivateJson(path: string, value: unknown): void {
  const tmp = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}

/** Removes `path` when it still names `pid` (never another process's newer file). */
export function removeIfOwned(path: string, pid: number): void {
  const v = readJson(path);
  if (v !== null && v.pid !== pid) return;
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/** The live server's endpoint for a store, or null; a stale file (its PID dead, or unreadable) is removed. */
export function readServerEndpoint(storePath: string): ServerEndpoint | null {
  const path = endpointPath(storePath);
  const v = readJson(path);
  if (v === null) return null;
  const ok =
    typeof v.pid === 'number' &&
    typeof v.port === 'number' &&
    typeof v.token === 'string' &&
    typeof v.url === 'string' &&
    typeof v.store === 'string' &&
    typeof v.since === 'string';
  if (!ok || !processAlive(v.pid as number)) {
    removeStaleFile(path, v);
    return null;
  }
  return v as unknown as ServerEndpoint;
}

/** Who holds the store, when a live process says so; a stale note is removed. */
export function readStoreHolder(storePath: string): StoreHolder | null {
  const path = holderPath(storePath);
  const v = readJson(path);
  if (v === null) return null;
  if (typeof v.pid !== 'number' || typeof v.command !== 'string' || !processAlive(v.pid)) {
    removeStaleFile(path, v);
    return null;
  }
  return { pid: v.pid, command: v.command, since: String(v.since ?? '') };
}

function removeStaleFile(path: string, v: Record<string, unknown> | null): void {
  if (v === null || typeof v.pid !== 'number') {
    try {
      unlinkSync(path);
    } catch {
      // already gone
    }
  } else removeIfOwned(path, v.pid);
}

/** Notes this process as the store's holder; returns the function that removes the note. */
export function noteStoreHolder(storePath: string, command: string): () => void {
  const path = holderPath(storePath);
  try {
    writePrivateJson(path, { pid: process.pid, command, since: new Date().toISOString() });
  } catch {
    return () => undefined; // a read-only directory: waiting processes just cannot name the holder
  }
  return () => removeIfOwned(path, process.pid);
}
