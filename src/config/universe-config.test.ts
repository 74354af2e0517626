/**
 * The universe config: the shipped default is valid and complete, bad files are reported by key path,
 * the JSON Schema file is in step with the zod schema, and `init` writes without clobbering.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataError, UsageError } from '../domain/errors.js';
import defaultConfigJson from './default-config.json' with { type: 'json' };
import { initConfig } from './init-config.js';
import { defaultConfig, groupMembers, loadConfig } from './universe-config.js';
import { configProblems } from './universe-config-schema.js';
import { CONFIG_SCHEMA_FILE, configSchemaText } from './write-config-schema.js';

// biome-ignore lint/suspicious/noExplicitAny: the tests break a valid config on purpose, key by key.
const clone = () => structuredClone(defaultConfigJson) as Record<string, any>;

describe('universe config', () => {
  it('ships a valid default with the groups, baskets and pairs the product names', () => {
    const c = defaultConfig();
    expect(groupMembers(c, 'mag7')).toEqual(['AAPL', 'MSFT', 'GOOGL', 'AMZN', 'NVDA', 'META', 'TSLA']);
    expect(c.groups.sectors).toHaveLength(11);
    expect(c.groups.benchmarks).toEqual(['SPY', 'QQQ', 'RSP', 'DIA']);
    expect(c.groups.volatility).toEqual(['^VIX']);
    expect(c.baskets.MAG7).toMatchObject({ rebalance: 'quarterly' });
    expect(c.pairs).toEqual(['SPSM/MAG7', 'IWM/QQQ', '^SP600/MAG7', 'RSP/SPY']);
    expect(c.trackingPairs).toEqual([
      { fund: 'SPSM', index: '^SP600' },
      { fund: 'IWM', index: '^RUT' },
    ]);
    expect(c.symbols.NVDA!.name).toBe('Nvidia Corp.');
    expect(c.symbols['^RUT']!.name).toBe('Russell 2000 Index');
    expect(c.symbols.MAGS!.name).toBe('Roundhill Magnificent Seven ETF');
    expect(c.symbols.DGS10!.kind).toBe('rate');
  });

  it('names the bad key: a group member that is not a symbol', () => {
    const c = clone();
    c.groups.mag7[2] = 'GOOGX';
    expect(configProblems(c)).toEqual(["groups.mag7[2]: 'GOOGX' is not a symbol in 'symbols'"]);
  });

  it('group members follow the one ticker rule of src/domain/symbol-info.ts, upper case', () => {
    const c = clone();
    c.groups.mag7[0] = '../x';
    c.groups.mag7[1] = 'ABCDEFGHIJKLMNOPQRSTUVWXY';
    c.groups.mag7[3] = 'nvda';
    // the rule first; the cross-reference ("not a symbol in 'symbols'") follows for each
    const problems = configProblems(c).filter((p) => !p.includes("is not a symbol in 'symbols'"));
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^groups\.mag7\[0\]: must be an upper-case ticker \(1 to 24 letters, digits or/);
    expect(problems[1]).toMatch(/^groups\.mag7\[1\]: must be an upper-case ticker/);
    expect(problems[2]).toMatch(/^groups\.mag7\[3\]: must be an upper-case ticker/);
  });

  it('names the bad key: wrong kind, unknown key, bad weights, unknown provider, bad pair', () => {
    const c = clone();
    c.symbols.NVDA.kind = 'share';
    c.symbols.AAPL.sector = 'tech';
    c.baskets.MAG7.weights = [0.5, 0.5];
    c.providers.order = ['yahoo', 'bloomberg'];
    c.pairs.push('SPSM-MAG7');
    const problems = configProblems(c).join('\n');
    expect(problems).toMatch(/^symbols\.NVDA\.kind: /m);
    expect(problems).toMatch(/^symbols\.AAPL: .*sector/m);
    expect(problems).toMatch(/^pairs\[4\]: a pair is 'A\/B'/m);
    // Cross-reference checks run once the shapes are right.
    const d = clone();
    d.baskets.MAG7.weights = [0.5, 0.5];
    d.providers.order = ['yahoo', 'bloomberg'];
    expect(configProblems(d)).toEqual([
      'baskets.MAG7.weights: 2 weights for 7 members',
      "providers.order[1]: 'bloomberg' is not a provider (yahoo, stooq, fred, demo)",
    ]);
    const e = clone();
    e.baskets.MAG7.weights = [0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2];
    expect(configProblems(e)).toEqual(['baskets.MAG7.weights: weights sum to 1.4, not 1']);
  });

  it('loadConfig reports every problem of a file with its path, and fills defaults for omitted sections', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mdcfg-'));
    const bad = join(dir, 'bad.json');
    const c = clone();
    c.groups.mag7[2] = 'GOOGX';
    writeFileSync(bad, JSON.stringify(c));
    expect(() => loadConfig(bad)).toThrow(DataError);
    expect(() => loadConfig(bad)).toThrow(/bad\.json is invalid:\n {2}groups\.mag7\[2\]: 'GOOGX' is not a symbol/);
    const minimal = join(dir, 'min.json');
    writeFileSync(
      minimal,
      JSON.stringify({ symbols: { SPY: { name: 'SPDR S&P 500 ETF Trust', kind: 'etf' } }, groups: { core: ['SPY'] } }),
    );
    const m = loadConfig(minimal);
    expect(m.providers.order).toEqual(['yahoo', 'stooq']);
    expect(m.symbols.SPY!.aliases).toEqual([]);
    expect(m.events.minStreak).toBe(4);
    writeFileSync(join(dir, 'broken.json'), '{"symbols": ');
    expect(() => loadConfig(join(dir, 'broken.json'))).toThrow(/not valid JSON/);
  });

  it('the JSON Schema file is generated from the zod schema and up to date', () => {
    expect(readFileSync(CONFIG_SCHEMA_FILE, 'utf8')).toBe(configSchemaText());
    const schema = JSON.parse(configSchemaText());
    expect(schema.required).toEqual(['symbols']);
    expect(schema.additionalProperties).toBe(false);
  });

  it('init writes the default config and its schema, and refuses to overwrite without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mdinit-'));
    const path = join(dir, 'marketdash.config.json');
    const r = initConfig(path);
    expect(r.replaced).toBe(false);
    const written = JSON.parse(readFileSync(path, 'utf8'));
    expect(written.$schema).toBe('./marketdash.config.schema.json');
    expect(JSON.parse(readFileSync(r.schemaPath, 'utf8')).title).toBe('MarketDash universe config');
    expect(loadConfig(path).groups.mag7).toHaveLength(7);
    writeFileSync(path, '{"edited": true}');
    expect(() => initConfig(path)).toThrow(UsageError);
    expect(() => initConfig(path)).toThrow(/already exists; use --force/);
    expect(readFileSync(path, 'utf8')).toBe('{"edited": true}');
    expect(initConfig(path, { force: true }).replaced).toBe(true);
  });
});
