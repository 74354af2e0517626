/**
 * Heading anchors the way GitHub makes them, for the generated pages' tables of contents and the
 * link checker: lower case, punctuation dropped, spaces to dashes, and a repeated heading gets -1, -2 ...
 */

/**
 * The lines of a Markdown text outside fenced code blocks (``` or ~~~, closed by a fence at least as
 * long), each with its 0-based index.
 */
export function proseLines(markdown: string): { line: string; index: number }[] {
  const out: { line: string; index: number }[] = [];
  let fence: string | null = null;
  markdown.split('\n').forEach((line, index) => {
    const f = /^\s*(```+|~~~+)/.exec(line)?.[1];
    if (f !== undefined) {
      if (fence === null) fence = f;
      else if (f.startsWith(fence)) fence = null;
    } else if (fence === null) out.push({ line, index });
  });
  return out;
}

/** The anchor of one heading text (without the de-duplicating suffix). */
export function githubAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Every anchor a Markdown file defines: its headings (outside code blocks) and explicit `<a id>`/`<a name>`. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { line } of proseLines(markdown)) {
    const h = /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) {
      // GitHub drops inline markup from the anchor: `code`, **bold**, [text](link) keep only their text.
      const text = h[1]!.replace(/\[([^\]]*)\]\([^)]*\)/g, '$1').replace(/[`*_]/g, (c) => (c === '_' ? '_' : ''));
      const base = githubAnchor(text);
      const n = seen.get(base) ?? 0;
      seen.set(base, n + 1);
      anchors.add(n === 0 ? base : `${base}-${n}`);
    }
    for (const m of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(m[1]!);
  }
  return anchors;
}
