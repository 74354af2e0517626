/**
 * The universe config: display names and aliases per symbol, groups, baskets, pairs to watch,
 * fund-vs-index pairs, provider order, event thresholds and alert rules. A default ships with the
 * package (default-config.json); `marketdash init` writes it out as ./marketdash.config.json for editing.
 * Every file is validated against universe-config-schema.ts; problems are reported by key path.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DataError, NotFoundError } from '../domain/errors.js';
import type { SymbolKind } from '../domain/symbol-info.js';
import defaultConfigJson from './default-config.json' with { type: 'json' };
import { issuePath, universeConfigSchema } from './universe-config-schema.js';

export interface SymbolConfig {
  readonly name: string;
  readonly kind: SymbolKind;
  readonly aliases: readonly string[];
  /** Words for a part of the market the claim checker reads as this symbol, and says so ("small caps read as IWM"). */
  readonly readAs?: readonly string[];
}

export interface UniverseConfig {
  readonly symbols: Readonly<Record<string, SymbolConfig>>;
  readonly groups: Readonly<Record<string, readonly string[]>>;
  readonly baskets: Readonly<
    Record<
      string,
      {
        readonly members: readonly string[];
        readonly rebalance: 'monthly' | 'quarterly' | 'none';
        readonly weights?: readonly number[];
      }
    >
  >;
  readonly pairs: readonly string[];
  readonly trackingPairs: readonly { readonly fund: string; readonly index: string }[];
  readonly providers: {
    readonly order: readonly string[];
    readonly rates: readonly string[];
    readonly disabled: readonly string[];
    /** API keys by provider; the environment (MARKETDASH_<PROVIDER>_API_KEY) is the better place. */
    readonly keys?: Readonly<Record<string, string>>;
  };
  readonly events: { readonly nearAthPct: number; readonly minStreak: number; readonly sinceMinMonths: number };
  readonly alerts: readonly unknown[];
}

export const DEFAULT_CONFIG_FILE = 'marketdash.config.json';

let shipped: UniverseConfig | null = null;

/** The shipped default universe (validated once). */
export function defaultConfig(): UniverseConfig {
  shipped ??= parseConfig(defaultConfigJson, 'default-config.json');
  return shipped;
}

/** The shipped default as the text `marketdash init` writes (the `$schema` key points editors at the schema). */
export function defaultConfigText(): string {
  return `${JSON.stringify({ ...defaultConfigJson, $schema: CONFIG_SCHEMA_URL }, null, 2)}\n`;
}

/** Where editors find the JSON Schema of the config: `marketdash init` writes it beside the config. */
export const CONFIG_SCHEMA_URL = './marketdash.config.schema.json';

/**
 * Validates a parsed config; a DataError lists every problem by key path
 * (`groups.mag7[2]: 'GOOGX' is not a symbol in 'symbols'`) and names the file.
 */
export function parseConfig(value: unknown, file: string): UniverseConfig {
  const r = universeConfigSchema.safeParse(value);
  if (r.success) return r.data as UniverseConfig;
  const problems = r.error.issues.map((i) => `${issuePath(i.path)}: ${i.message}`);
  throw new DataError(`config ${file} is invalid:\n  ${problems.join('\n  ')}`, { file });
}

/**
 * Loads `path`, else $MARKETDASH_CONFIG, else ./marketdash.config.json when present, else the shipped default.
 */
export function loadConfig(path?: string): UniverseConfig {
  const file =
    path ?? process.env.MARKETDASH_CONFIG ?? (existsSync(DEFAULT_CONFIG_FILE) ? DEFAULT_CONFIG_FILE : undefined);
  if (!file) return defaultConfig();
  const full = resolve(file);
  let text: string;
  try {
    text = readFileSync(full, 'utf8');
  } catch (e) {
    throw new DataError(`cannot read config ${full}`, { cause: e, file: full });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new DataError(`config ${full} is not valid JSON: ${(e as Error).message}`, { cause: e, file: full });
  }
  return parseConfig(value, full);
}

/** The members of a named group (case-insensitive), or a NotFoundError listing the groups there are. */
export function groupMembers(config: UniverseConfig, name: string): readonly string[] {
  const key = Object.keys(config.groups).find((g) => g.toLowerCase() === name.toLowerCase());
  if (!key) throw new NotFoundError(name, `unknown group '${name}' (groups: ${Object.keys(config.groups).join(', ')})`);
  return config.groups[key]!;
}
