/**
 * Commentary pasted as HTML (a web page, or the HTML market note) read as text: block elements end
 * lines, table cells are separated by tabs so a table reads like a pasted one, entities are decoded,
 * and what is not prose (head, script, style, SVG charts, the provenance footer) is dropped.
 */

export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html[\s>])/i.test(text) || /<(?:p|div|table|article)[\s>]/i.test(text.slice(0, 2000));
}

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  rsquo: '’',
  lsquo: '‘',
  rdquo: '”',
  ldquo: '“',
  mdash: '—',
  ndash: '–',
};

export function htmlToText(html: string): string {
  return html
    .replace(/<(head|script|style|svg|footer)[\s\S]*?<\/\1>/gi, '')
    .replace(/<\/(?:td|th)>\s*/gi, '\t')
    .replace(/<(?:br|\/p|\/div|\/h[1-6]|\/li|\/tr|\/section|\/article|\/figure|\/blockquote)\b[^>]*>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (m, e: string) => {
      if (e.startsWith('#x') || e.startsWith('#X')) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
      if (e.startsWith('#')) return String.fromCodePoint(Number(e.slice(1)));
      return ENTITIES[e.toLowerCase()] ?? m;
    })
    .split('\n')
    .map((l) => l.replace(/[ \t]+$/, '').replace(/^[ \t]+/, ''))
    .join('\n');
}
