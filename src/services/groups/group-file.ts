/**
 * User groups (constituent lists) live in a plain JSON file the user can edit, beside the config:
 * `--group-file PATH`, else $MARKETDASH_GROUPS, else `marketdash.groups.json` in the folder of
 * $MARKETDASH_CONFIG (when set) or the current folder. Shape:
 *   { "groups": { "sp600": { "members": ["AAMI", "AAP", ...], "benchmark": "IJR", "source": "sp600.csv" } } }
 * A group here shadows a config group of the same name (names compare case-insensitively).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DataError } from '../../domain/errors.js';
import { tickerProblem } from '../../domain/symbol-info.js';

export const DEFAULT_GROUP_FILE = 'marketdash.groups.json';

export interface UserGroup {
  readonly members: readonly string[];
  /** The group's own benchmark (for "beating the benchmark"), or null to use the default. */
  readonly benchmark: string | null;
  /** Where the list came from (file name), for the record. */
  readonly source: string | null;
}

export interface GroupFile {
  readonly groups: Readonly<Record<string, UserGroup>>;
}

export function resolveGroupFilePath(explicit?: string, env: NodeJS.ProcessEnv = process.env): string {
  if (explicit) return resolve(explicit);
  if (env.MARKETDASH_GROUPS) return resolve(env.MARKETDASH_GROUPS);
  const base = env.MARKETDASH_CONFIG ? dirname(resolve(env.MARKETDASH_CONFIG)) : process.cwd();
  return join(base, DEFAULT_GROUP_FILE);
}

/** Reads the groups file; a missing file is an empty set of groups. */
export function readGroupFile(path: string): GroupFile {
  if (!existsSync(path)) return { groups: {} };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new DataError(`groups file ${path} is not valid JSON: ${(e as Error).message}`, { cause: e, file: path });
  }
  const groups = (parsed as { groups?: unknown } | null)?.groups;
  if (typeof groups !== 'object' || groups === null || Array.isArray(groups)) {
    throw new DataError(`groups file ${path}: expected an object {"groups": {"NAME": {"members": [...]}}}`, {
      file: path,
    });
  }
  const out: Record<string, UserGroup> = {};
  for (const [name, value] of Object.entries(groups as Record<string, unknown>)) {
    // a bare array of tickers is accepted too, for hand-written files
    const v = Array.isArray(value) ? { members: value } : (value as Partial<Record<keyof UserGroup, unknown>> | null);
    const members = v?.members;
    if (!Array.isArray(members) || !members.every((m) => typeof m === 'string')) {
      throw new DataError(`groups file ${path}: group '${name}' needs "members": an array of tickers`, { file: path });
    }
    const benchmark =
      typeof v?.benchmark === 'string' && v.benchmark.trim() !== '' ? v.benchmark.trim().toUpperCase() : null;
    const source = typeof v?.source === 'string' ? v.source : null;
    const tickers = members.map((m) => m.trim().toUpperCase());
    for (const t of benchmark === null ? tickers : [...tickers, benchmark]) {
      const problem = tickerProblem(t);
      if (problem !== null) throw new DataError(`groups file ${path}: group '${name}': ${problem}`, { file: path });
    }
    out[name] = { members: tickers, benchmark, source };
  }
  return { groups: out };
}

/** Writes the file atomically (temp file + rename), so a crash never leaves half a file. */
export function writeGroupFile(path: string, file: GroupFile): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, `${JSON.stringify(file, null, 2)}\n`);
    renameSync(tmp, path);
  } catch (e) {
    throw new DataError(
      `cannot write groups file ${path} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
      { cause: e, file: path },
    );
  }
}
