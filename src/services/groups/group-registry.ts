/**
 * Finding a group by name for every command and the API: the store's imported groups first (constituent
 * lists, shared by everyone on the store), then the universe config's groups (the defaults). Also imports
 * a constituent CSV into the store (`marketdash group import`), and moves an old marketdash.groups.json
 * into the store on first use.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { groupMembers, loadConfig, type UniverseConfig } from '../../config/universe-config.js';
import { DataError, NotFoundError, UsageError } from '../../domain/errors.js';
import { didYouMean } from '../../domain/nearest-names.js';
import { tickerProblem } from '../../domain/symbol-info.js';
import type { PriceStore, StoredGroup } from '../../store/price-store.js';
import { fileProblem } from '../check/note-input.js';
import { parseConstituentCsv } from './constituent-csv.js';
import { readGroupFile, resolveGroupFilePath } from './group-file.js';

export interface ResolvedGroup {
  readonly name: string;
  readonly members: readonly string[];
  readonly benchmark: string | null;
  /** `store` (imported) or `config`. */
  readonly origin: 'store' | 'config';
}

export interface GroupLookup {
  /** The store whose imported groups are read (and into which an old groups file is moved). */
  readonly store: PriceStore;
  /** An old groups file to move into the store (default: marketdash.groups.json, see group-file.ts). */
  readonly groupFile?: string | undefined;
  readonly config?: UniverseConfig;
}

/**
 * The store's imported groups. On first use, the groups of an old `marketdash.groups.json` that the store
 * does not hold yet are moved into it, and the file is renamed `<name>.imported` so it is not read again.
 */
export async function storedGroups(lookup: GroupLookup): Promise<StoredGroup[]> {
  const stored = await lookup.store.listGroups();
  const path = resolveGroupFilePath(lookup.groupFile);
  if (!existsSync(path)) return stored;
  const file = readGroupFile(path);
  const have = new Set(stored.map((g) => g.name.toLowerCase()));
  const moved: StoredGroup[] = [];
  for (const [name, g] of Object.entries(file.groups)) {
    if (have.has(name.toLowerCase())) continue;
    const group: StoredGroup = { name, members: [...g.members], benchmark: g.benchmark, source: g.source };
    await lookup.store.saveGroup(group);
    moved.push(group);
  }
  try {
    renameSync(path, `${path}.imported`);
  } catch {
    // read-only folder: the groups are in the store anyway, and are skipped next time
  }
  return [...stored, ...moved].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
}

export async function resolveGroup(name: string, lookup: GroupLookup): Promise<ResolvedGroup> {
  const groups = await storedGroups(lookup);
  const found = groups.find((g) => g.name.toLowerCase() === name.toLowerCase());
  if (found) return { name: found.name, members: found.members, benchmark: found.benchmark, origin: 'store' };
  const config = lookup.config ?? loadConfig();
  try {
    return { name: name.toLowerCase(), members: groupMembers(config, name), benchmark: null, origin: 'config' };
  } catch (e) {
    if (e instanceof NotFoundError) {
      const all = [...groups.map((g) => g.name), ...Object.keys(config.groups)];
      const hint = didYouMean(name, all);
      throw new NotFoundError(
        name,
        `unknown group '${name}'${hint || ` (groups: ${all.join(', ')})`}`,
        hint ? {} : { hint: "import one with 'marketdash group import FILE --name NAME'" },
      );
    }
    throw e;
  }
}

export interface GroupSummary {
  readonly name: string;
  readonly members: number;
  readonly benchmark: string | null;
  readonly origin: 'store' | 'config';
}

export async function listGroups(lookup: GroupLookup): Promise<GroupSummary[]> {
  const config = lookup.config ?? loadConfig();
  const out: GroupSummary[] = (await storedGroups(lookup)).map((g) => ({
    name: g.name,
    members: g.members.length,
    benchmark: g.benchmark,
    origin: 'store',
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
  /** Where it is kept (the store's location). */
  readonly store: string;
  /** True when a group of that name was replaced. */
  readonly replaced: boolean;
}

/** Reads a constituent CSV and saves it as group `name` in the store (replacing one of the same name). */
export async function importGroup(
  csvPath: string,
  name: string,
  lookup: GroupLookup & { readonly benchmark?: string | undefined },
): Promise<ImportedGroup> {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name))
    throw new UsageError(`--name: '${name}' is not a group name (letters, digits, _ . -)`, { parameter: '--name' });
  const full = resolve(csvPath);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (e) {
    // in words, as check and import say it: "cannot read 'sp600.csv': no such file"
    throw new DataError(`cannot read '${csvPath}': ${fileProblem(e)}`, { cause: e, file: full });
  }
  const members = parseConstituentCsv(text, full);
  const existing = (await storedGroups(lookup)).some((g) => g.name.toLowerCase() === name.toLowerCase());
  const benchmark = lookup.benchmark ? lookup.benchmark.trim().toUpperCase() : null;
  const benchmarkProblem = benchmark === null ? null : tickerProblem(benchmark);
  if (benchmarkProblem !== null) throw new UsageError(`--benchmark: ${benchmarkProblem}`, { parameter: '--benchmark' });
  await lookup.store.saveGroup({ name, members, benchmark, source: basename(full) });
  return { name, members: members.length, benchmark, store: lookup.store.location, replaced: existing };
}
