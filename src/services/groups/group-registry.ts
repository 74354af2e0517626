/**
 * Finding a group by name for the rotation, leadership, rank and breadth commands: the user groups
 * file first (imported constituent lists), then the universe config's groups. Also imports a
 * constituent CSV into the groups file (`marketdash group import`).
 */
import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { groupMembers, loadConfig, type UniverseConfig } from '../../config/universe-config.js';
import { DataError, NotFoundError, UsageError } from '../../domain/errors.js';
import { parseConstituentCsv } from './constituent-csv.js';
import { readGroupFile, resolveGroupFilePath, writeGroupFile } from './group-file.js';

export interface ResolvedGroup {
  readonly name: string;
  readonly members: readonly string[];
  readonly benchmark: string | null;
  /** `groups-file` or `config`. */
  readonly origin: 'groups-file' | 'config';
}

export interface GroupLookup {
  readonly groupFile?: string | undefined;
  readonly config?: UniverseConfig;
}

export function resolveGroup(name: string, lookup: GroupLookup = {}): ResolvedGroup {
  const path = resolveGroupFilePath(lookup.groupFile);
  const file = readGroupFile(path);
  const key = Object.keys(file.groups).find((g) => g.toLowerCase() === name.toLowerCase());
  if (key) {
    const g = file.groups[key]!;
    return { name: key, members: g.members, benchmark: g.benchmark, origin: 'groups-file' };
  }
  const config = lookup.config ?? loadConfig();
  try {
    return { name: name.toLowerCase(), members: groupMembers(config, name), benchmark: null, origin: 'config' };
  } catch (e) {
    if (e instanceof NotFoundError) {
      const all = [...Object.keys(file.groups), ...Object.keys(config.groups)];
      throw new NotFoundError(
        name,
        `unknown group '${name}' (groups: ${all.join(', ')}; import one with 'marketdash group import FILE --name NAME')`,
      );
    }
    throw e;
  }
}

export interface GroupSummary {
  readonly name: string;
  readonly members: number;
  readonly benchmark: string | null;
  readonly origin: 'groups-file' | 'config';
}

export function listGroups(lookup: GroupLookup = {}): GroupSummary[] {
  const file = readGroupFile(resolveGroupFilePath(lookup.groupFile));
  const config = lookup.config ?? loadConfig();
  const out: GroupSummary[] = Object.entries(file.groups).map(([name, g]) => ({
    name,
    members: g.members.length,
    benchmark: g.benchmark,
    origin: 'groups-file',
  }));
  const shadowed = new Set(out.map((g) => g.name.toLowerCase()));
  for (const [name, members] of Object.entries(config.groups)) {
    if (!shadowed.has(name.toLowerCase()))
      out.push({ name, members: members.length, benchmark: null, origin: 'config' });
  }
  return out;
}

export interface ImportedGroup {
  readonly name: string;
  readonly members: number;
  readonly benchmark: string | null;
  readonly groupFile: string;
  /** True when a group of that name was replaced. */
  readonly replaced: boolean;
}

/** Reads a constituent CSV and saves it as group `name` in the groups file (replacing one of the same name). */
export function importGroup(
  csvPath: string,
  name: string,
  opts: { groupFile?: string | undefined; benchmark?: string | undefined } = {},
): ImportedGroup {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name))
    throw new UsageError(`--name: '${name}' is not a group name (letters, digits, _ . -)`, { parameter: '--name' });
  const full = resolve(csvPath);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (e) {
    throw new DataError(`cannot read ${full}: ${(e as Error).message}`, { cause: e, file: full });
  }
  const members = parseConstituentCsv(text, full);
  const path = resolveGroupFilePath(opts.groupFile);
  const file = readGroupFile(path);
  const groups = { ...file.groups };
  const existing = Object.keys(groups).find((g) => g.toLowerCase() === name.toLowerCase());
  if (existing) delete groups[existing];
  const benchmark = opts.benchmark ? opts.benchmark.trim().toUpperCase() : null;
  groups[name] = { members, benchmark, source: basename(full) };
  writeGroupFile(path, { groups });
  return { name, members: members.length, benchmark, groupFile: path, replaced: existing !== undefined };
}
