/**
 * `marketdash init`: writes the shipped default universe to ./marketdash.config.json for editing, with
 * its JSON Schema beside it (marketdash.config.schema.json) so editors complete and check keys.
 * An existing config is never overwritten without `force`.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { UsageError } from '../domain/errors.js';
import { CONFIG_SCHEMA_URL, DEFAULT_CONFIG_FILE, defaultConfigText } from './universe-config.js';
import { configSchemaText } from './write-config-schema.js';

export interface InitResult {
  readonly configPath: string;
  readonly schemaPath: string;
  readonly replaced: boolean;
}

export function initConfig(path: string = DEFAULT_CONFIG_FILE, options: { force?: boolean } = {}): InitResult {
  const configPath = resolve(path);
  const existed = existsSync(configPath);
  if (existed && !options.force) {
    throw new UsageError(`${configPath} already exists; use --force to overwrite it`, { parameter: '--force' });
  }
  const schemaPath = join(dirname(configPath), CONFIG_SCHEMA_URL.replace(/^\.\//, ''));
  writeFileSync(configPath, defaultConfigText());
  writeFileSync(schemaPath, configSchemaText());
  return { configPath, schemaPath, replaced: existed };
}
