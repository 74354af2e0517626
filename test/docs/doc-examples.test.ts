/**
 * The docs are tested: every `marketdash ...` line of a shell block in README.md, CONTRIBUTING.md and
 * docs/*.md runs, in page order, on the store its block asks for (markdown-examples.ts says how a page
 * marks that), must exit as documented, and must print the output block that follows it (output-match.ts:
 * numbers to the shown precision, `...` to elide). A changed figure, flag or exit code fails here until
 * the page is brought up to date by running the example again.
 */
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../support/postgres-test-db.js';
import { hasSharedData, repoRoot } from '../support/shared-data.js';
import { documentationPages } from './doc-pages.js';
import {
  assertBuildIsCurrent,
  DocStores,
  isServeCommand,
  makeWorkspace,
  REAL_DATA_SETUP,
  runServer,
  runShell,
} from './doc-stores.js';
import { type DataKind, type DocExample, examplesOf } from './markdown-examples.js';
import { compareJson, compareText } from './output-match.js';
import { canRewrite, type OutputRewrite, rewriteOutputs } from './output-rewrite.js';

/**
 * `MARKETDASH_DOCS_UPDATE=1 npx vitest run test/docs/doc-examples.test.ts` writes what each example printed
 * into the page where it differs (text blocks without `...` only; elided and JSON blocks are left to a person,
 * with the output in the failure). The way to fix a drift: run the example, never type a figure.
 */
const UPDATE = process.env.MARKETDASH_DOCS_UPDATE === '1';

const stores = new DocStores();
/** `MARKETDASH_DOCS_PAGES=docs/data.md,README.md` runs only those pages (while writing one). */
const only = process.env.MARKETDASH_DOCS_PAGES?.split(',').filter(Boolean);
const pages = only ?? documentationPages();

beforeAll(() => {
  assertBuildIsCurrent();
});

afterAll(() => {
  rmSync(stores.directory, { recursive: true, force: true });
});

function slug(page: string): string {
  return page.replace(/[^A-Za-z0-9]+/g, '-');
}

function describeExample(e: DocExample): string {
  return `${e.file}:${e.line} ${e.command.length > 90 ? `${e.command.slice(0, 87)}...` : e.command}`;
}

for (const page of pages) {
  const examples = examplesOf(page, readFileSync(join(repoRoot, page), 'utf8'));
  if (examples.length === 0) continue;

  describe(page, () => {
    let work = '';
    const storeOf = new Map<DataKind, string>();

    beforeAll(() => {
      const root = join(stores.directory, slug(page));
      mkdirSync(root, { recursive: true });
      work = makeWorkspace(root);
    });

    const databases: TestDatabase[] = [];
    const rewrites: OutputRewrite[] = [];
    afterAll(async () => {
      for (const d of databases) await d.drop();
      if (rewrites.length) rewriteOutputs(join(repoRoot, page), rewrites);
    });

    const storeFor = async (kind: DataKind, fresh: boolean): Promise<string> => {
      const known = storeOf.get(kind);
      if (known && !fresh) return known;
      if (kind === 'postgres') {
        const database = await createTestDatabase();
        databases.push(database);
        storeOf.set(kind, database.url);
        return database.url;
      }
      const path = join(work, `docs-${kind}.duckdb`);
      rmSync(path, { force: true });
      rmSync(`${path}.wal`, { force: true });
      storeOf.set(kind, stores.copyTo(kind, path));
      return path;
    };

    // Without ../shared/data, an example that reads it is skipped, and so is the rest of its block (whose
    // output depends on what that example would have imported).
    let blockNeedsSharedData = false;
    for (const e of examples) {
      const name = describeExample(e);
      if (e.skip !== null) {
        test.skip(`${name} (skipped: ${e.skip})`, () => {});
        continue;
      }
      if (e.firstInBlock) blockNeedsSharedData = false;
      if (e.data === 'real' || e.command.includes('../shared/')) blockNeedsSharedData = true;
      if (blockNeedsSharedData && !hasSharedData()) {
        test.skip(`${name} (skipped: no ../shared/data here)`, () => {});
        continue;
      }
      test(name, async () => {
        const db = await storeFor(e.data, e.firstInBlock && (e.fresh || e.data === 'empty'));
        const json = e.expected?.lang === 'json';
        if (isServeCommand(e.command)) {
          // A server runs until stopped: it passes when it starts and prints its URL (on a free port).
          const s = await runServer(e.command, work, db);
          expect(s.code, `${e.file}:${e.line}: \`${e.command}\` did not start serving. It printed:\n${s.stdout}`).toBe(
            0,
          );
          expect(s.stdout).toMatch(/dashboard: http:\/\/127\.0\.0\.1:\d+\//);
          return;
        }
        const r = runShell(e.command, work, db, !json);
        const printed = json ? `${r.stdout}${r.stderr ? `\n(stderr)\n${r.stderr}` : ''}` : r.stdout;
        const where = `${e.file}:${e.line}: \`${e.command}\``;
        if (r.timedOut)
          expect.fail(`${where} did not finish in 120 s (a server example needs <!-- doctest: skip ... -->)`);
        expect(r.code, `${where} exited ${r.code}, the page says ${e.exit}. It printed:\n${printed}`).toBe(e.exit);
        if (e.expected) {
          const difference = json ? compareJson(e.expected.text, r.stdout) : compareText(e.expected.text, r.stdout);
          if (difference && UPDATE && canRewrite(e.expected)) {
            rewrites.push({ expected: e.expected, printed: r.stdout });
            return;
          }
          expect(
            difference,
            `${where} (output shown at line ${e.expected.line}): ${difference}\nIt printed:\n${printed}`,
          ).toBeNull();
        }
      }, 180_000);
    }
  });
}

describe('the doc tests themselves', () => {
  test('the real-data store of the docs is made by the commands docs/data.md shows', () => {
    const dataPage = join(repoRoot, 'docs', 'data.md');
    if (!existsSync(dataPage)) return expect.fail('docs/data.md is missing');
    const text = readFileSync(dataPage, 'utf8');
    for (const line of REAL_DATA_SETUP) expect(text, `docs/data.md should show \`${line}\``).toContain(line);
  });

  test('every page the doc tests know of has been read (none fails to parse)', () => {
    for (const page of documentationPages()) {
      expect(() => examplesOf(page, readFileSync(join(repoRoot, page), 'utf8'))).not.toThrow();
    }
  });
});
