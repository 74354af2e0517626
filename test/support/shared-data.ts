/**
 * Where the real market data for tests lives: `../shared/data/` beside the repository (see its README).
 * Tests that read it use `describeWithSharedData`, which skips with a visible message when it is absent.
 */
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const sharedDir = process.env.MARKETDASH_SHARED_DIR ?? resolve(repoRoot, '..', 'shared');
export const sharedDataDir = join(sharedDir, 'data');
export const sharedFixturesDir = join(sharedDir, 'fixtures');

export function hasSharedData(): boolean {
  return existsSync(join(sharedDataDir, 'real'));
}

/** The recorded provider payloads (`../shared/fixtures/providers/`), which the replay tests read. */
export function hasSharedFixtures(): boolean {
  return existsSync(join(sharedFixturesDir, 'providers'));
}

/** A real-data file path, e.g. `realFile('etfs-and-megacaps/NVDA.csv')`. */
export function realFile(relative: string): string {
  return join(sharedDataDir, 'real', relative);
}

/** Every CSV of the real ETF and mega-cap folder (`etfs-and-megacaps/*.csv`), as paths. */
export function realEtfCsvs(): string[] {
  const dir = realFile('etfs-and-megacaps');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.csv'))
    .map((f) => join(dir, f));
}

export function messyFile(name: string): string {
  return join(sharedDataDir, 'messy', name);
}

function skippingDescribe(missing: string): typeof describe {
  const skipped = (name: string, fn: () => void): void => {
    console.warn(`SKIPPED (no ${missing} here): ${name}`);
    describe.skipIf(true)(name, fn);
  };
  return Object.assign(skipped, { skipIf: () => skipped, runIf: () => skipped }) as unknown as typeof describe;
}

/** `describe` when the data is here; else a skip with a message (`.skipIf(c)` / `.runIf(c)` skip too). */
export const describeWithSharedData: typeof describe = hasSharedData() ? describe : skippingDescribe('../shared/data');

/** `describe` when the recorded provider payloads are here; else a skip with a message. */
export const describeWithSharedFixtures: typeof describe = hasSharedFixtures()
  ? describe
  : skippingDescribe('../shared/fixtures/providers');
