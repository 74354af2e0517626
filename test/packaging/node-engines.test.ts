/**
 * The Node.js the project says it runs on (package.json `engines`) is one every installed package accepts:
 * `npm ci` on the lowest such Node, and on the one running the tests (CI's machine), prints no EBADENGINE
 * warning. cookie@2 (light-my-request's) and content-disposition@3 (@fastify/static's) want Node 22, so
 * package.json overrides them to the last lines for Node 20 (same functions: stringifySetCookie, create);
 * @axe-core/playwright@4.14 wants Node 22.12, so 4.13 runs with the same axe-core.
 * The range reader covers the forms npm packages use here (>=, ^, ~, bare majors, ||); any other form fails
 * the test, to be looked at by a person.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../support/shared-data.js';

type Version = readonly [number, number, number];

function parseVersion(text: string): Version | null {
  if (text === '*' || text === 'x') return [0, 0, 0];
  const m = /^v?(\d+)(?:\.(\d+|x|\*))?(?:\.(\d+|x|\*))?$/.exec(text.trim());
  if (!m) return null;
  const part = (s: string | undefined) => (s === undefined || s === 'x' || s === '*' ? 0 : Number(s));
  return [Number(m[1]), part(m[2]), part(m[3])];
}

function compare(a: Version, b: Version): number {
  return a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
}

/** Whether `v` satisfies one comparator (`>=20.19.0`, `^20.19.0`, `~4.13.0`, `20`); null for a form it cannot read. */
function satisfiesComparator(v: Version, comparator: string): boolean | null {
  const m = /^(>=|>|<=|<|\^|~|=)?\s*(\S+)$/.exec(comparator);
  if (!m) return null;
  const op = m[1] ?? '';
  const text = ensureText(m[2]);
  const base = parseVersion(text);
  if (base === null) return null;
  const c = compare(v, base);
  const parts = text
    .replace(/^v/, '')
    .split('.')
    .filter((p) => p !== 'x' && p !== '*').length;
  if (parts === 0) return true;
  switch (op) {
    case '>=':
      return c >= 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '<':
      return c < 0;
    case '^':
      return c >= 0 && v[0] === base[0];
    case '~':
      return c >= 0 && v[0] === base[0] && (parts < 2 || v[1] === base[1]);
    default:
      // a bare or partial version: `20` is any 20.x.y, `20.19` any 20.19.z
      return v[0] === base[0] && (parts < 2 || v[1] === base[1]) && (parts < 3 || v[2] === base[2]);
  }
}

function ensureText(s: string | undefined): string {
  if (s === undefined) throw new Error('a comparator without a version');
  return s;
}

/** `18 || 20 || >=22`, `>=14.17 <15`: true, false, or null when a part cannot be read. */
function satisfies(version: string, range: string): boolean | null {
  const v = parseVersion(version);
  if (v === null) return null;
  let any = false;
  // `>= 0.6` is `>=0.6`
  for (const set of range.replace(/(>=|<=|>|<|=|\^|~)\s+/g, '$1').split('||')) {
    const comparators = set.trim().split(/\s+/).filter(Boolean);
    if (comparators.length === 0) return null;
    let all = true;
    for (const comparator of comparators) {
      const ok = satisfiesComparator(v, comparator);
      if (ok === null) return null;
      all &&= ok;
    }
    any ||= all;
  }
  return any;
}

interface LockPackage {
  readonly version?: string;
  readonly engines?: Record<string, string> | string[];
}

const pkg = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(repoRoot, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, LockPackage>;
};
const floor = ensureText(/^>=\s*(\d+\.\d+\.\d+)$/.exec(pkg.engines.node)?.[1]);

function refusing(node: string): string[] {
  const out: string[] = [];
  for (const [path, p] of Object.entries(lock.packages)) {
    const range = p.engines && !Array.isArray(p.engines) ? p.engines.node : undefined;
    if (path === '' || range === undefined) continue;
    const ok = satisfies(node, range);
    if (ok !== true) out.push(`${path.replace(/^.*node_modules\//, '')}@${p.version}: node ${range}`);
  }
  return out;
}

describe('the range reader', () => {
  test.each([
    ['20.19.0', '>=20.19.0', true],
    ['20.18.3', '>=20.19.0', false],
    ['20.20.2', '^20.19.0 || >=22.12.0', true],
    ['21.7.0', '^20.19.0 || >=22.12.0', false],
    ['20.0.0', '18 || 20 || >=22', true],
    ['21.0.0', '18 || 20 || >=22', false],
    ['20.20.2', '>=22', false],
    ['20.20.2', '~20.19.0', false],
    ['20.19.5', '~20.19.0', true],
    ['20.1.0', '>=14.17 <21', true],
    ['20.1.0', '>= 0.6', true],
    ['20.1.0', '*', true],
    ['20.1.0', '10.* || >= 12.*', true],
    ['11.1.0', '10.* || >= 12.*', false],
    ['20.1.0', 'node >= 4', null],
  ])('%s in %s: %s', (version, range, expected) => {
    expect(satisfies(version, range)).toBe(expected);
  });
});

describe('Node.js versions', () => {
  test('package.json names the lowest Node (>=X.Y.Z) and the Node running the tests is at least that', () => {
    expect(satisfies(process.versions.node, pkg.engines.node)).toBe(true);
  });
  test('every package of the lockfile accepts the lowest Node package.json names', () => {
    expect(refusing(floor)).toEqual([]);
  });
  test('every package of the lockfile accepts the Node running the tests (no EBADENGINE on npm ci)', () => {
    expect(refusing(process.versions.node)).toEqual([]);
  });
});
