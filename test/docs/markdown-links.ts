/**
 * The links of a Markdown page (outside code), for the link checker (doc-links.test.ts): inline links and
 * images `[text](target)`, and `href`/`src` attributes of inline HTML. External links are not followed.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { repoRoot } from '../support/shared-data.js';
import { anchorsOf, proseLines } from './markdown-anchors.js';

export interface PageLink {
  readonly target: string;
  /** 1-based line. */
  readonly line: number;
}

export function linksOf(markdown: string): PageLink[] {
  const links: PageLink[] = [];
  for (const { line: raw, index: i } of proseLines(markdown)) {
    const line = raw.replace(/`[^`]*`/g, ''); // code spans are not links
    for (const m of line.matchAll(/!?\[(?:[^\]]|\](?!\())*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g))
      links.push({ target: m[1]!, line: i + 1 });
    for (const m of line.matchAll(/\s(?:href|src)="([^"]+)"/g)) links.push({ target: m[1]!, line: i + 1 });
  }
  return links;
}

/** True for links the checker does not resolve (another site, mail). */
export function isExternal(target: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(target);
}

/** The problems of one page's links, one line each (empty when every link resolves). */
export function brokenLinks(page: string, text = readFileSync(join(repoRoot, page), 'utf8')): string[] {
  const problems: string[] = [];
  for (const link of linksOf(text)) {
    if (isExternal(link.target)) continue;
    const [pathPart, anchor] = link.target.split('#', 2) as [string, string | undefined];
    const target = pathPart === '' ? page : normalize(join(dirname(page), decodeURI(pathPart)));
    const where = `${page}:${link.line}: (${link.target})`;
    if (relative(repoRoot, join(repoRoot, target)).startsWith('..')) {
      problems.push(`${where} points outside the repository`);
      continue;
    }
    if (target !== page && !existsSync(join(repoRoot, target))) {
      problems.push(`${where}: ${target} does not exist`);
      continue;
    }
    if (anchor !== undefined && target.endsWith('.md')) {
      const anchors = anchorsOf(target === page ? text : readFileSync(join(repoRoot, target), 'utf8'));
      if (!anchors.has(anchor)) problems.push(`${where}: ${target} has no heading with the anchor #${anchor}`);
    }
  }
  return problems;
}
