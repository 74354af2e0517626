/**
 * Every relative link in README.md, CONTRIBUTING.md and docs/ resolves: the file (or folder) exists, and
 * an `#anchor` names a heading of the target page (GitHub's anchor rules, markdown-anchors.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from '../support/shared-data.js';
import { documentationPages } from './doc-pages.js';
import { anchorsOf } from './markdown-anchors.js';
import { brokenLinks, linksOf } from './markdown-links.js';

describe('links in the docs resolve', () => {
  for (const page of documentationPages()) {
    test(page, () => {
      expect(brokenLinks(page)).toEqual([]);
    });
  }
});

describe('the README', () => {
  test('is at most 150 lines (issue 16): the rest of the documentation lives in docs/', () => {
    const lines = readFileSync(join(repoRoot, 'README.md'), 'utf8').replace(/\n$/, '').split('\n').length;
    expect(lines).toBeLessThanOrEqual(150);
  });

  test('links every page of docs/ and CONTRIBUTING.md', () => {
    const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
    for (const page of documentationPages().filter((p) => p !== 'README.md'))
      expect(readme, `README.md should link ${page}`).toContain(`](${page})`);
  });
});

describe('the link checker', () => {
  test('finds a missing file, a missing anchor and a good link (a page written for the test)', () => {
    const links = linksOf(
      '[a](docs/cli.md#marketdash-perf) [b](nope.md) ![c](docs/cli.md#no-such-heading)\n```\n[d](in-code.md)\n```\n`[e](span.md)`',
    );
    expect(links.map((l) => l.target)).toEqual([
      'docs/cli.md#marketdash-perf',
      'nope.md',
      'docs/cli.md#no-such-heading',
    ]);
    expect(
      brokenLinks('docs/x.md', '[a](cli.md#marketdash-perf) [b](nope.md) [c](cli.md#no-such-heading) [d](#top)'),
    ).toEqual([
      'docs/x.md:1: (nope.md): docs/nope.md does not exist',
      'docs/x.md:1: (cli.md#no-such-heading): docs/cli.md has no heading with the anchor #no-such-heading',
      'docs/x.md:1: (#top): docs/x.md has no heading with the anchor #top',
    ]);
    expect(anchorsOf('# Title\n## A `code` heading: yes\n## Title\n```\n# not a heading\n```')).toEqual(
      new Set(['title', 'a-code-heading-yes', 'title-1']),
    );
  });
});
