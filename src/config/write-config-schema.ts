/**
 * Writes src/config/marketdash.config.schema.json from the zod schema:
 * `npx tsx src/config/write-config-schema.ts`. The config test fails when the file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { configJsonSchema } from './universe-config-schema.js';

export const CONFIG_SCHEMA_FILE = fileURLToPath(new URL('./marketdash.config.schema.json', import.meta.url));

export function configSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(CONFIG_SCHEMA_FILE, configSchemaText());
  process.stdout.write(`wrote ${CONFIG_SCHEMA_FILE}\n`);
}
