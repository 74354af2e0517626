/** A temporary folder for one test file's inputs, removed after its tests. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

export interface TempFolder {
  readonly dir: string;
  /** Writes `content` to `name` in the folder and returns its path. */
  file(name: string, content: string | Uint8Array): string;
}

/** Call at the top of a test file: `const { dir, file } = tempFolder('marketdash-import-');`. */
export function tempFolder(prefix: string): TempFolder {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    file(name, content) {
      const path = join(dir, name);
      writeFileSync(path, content);
      return path;
    },
  };
}
