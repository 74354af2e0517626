/**
 * Commentary pasted or saved as HTML (a web page, a newsletter, the HTML market note) read as text by
 * a real HTML parser (htmlparser2, whose `entities` decoder knows every HTML5 entity: `&minus;` keeps
 * its minus). Block elements end lines, table cells are separated by tabs so a table reads like a
 * pasted one, and what is not the story is dropped: head, scripts, styles, SVG charts, noscript and
 * templates, comments (Outlook's conditional ones too), navigation, headers and footers, asides,
 * forms, cookie banners and ad slots, by element, ARIA role or a class/id that says so.
 */
import { Parser } from 'htmlparser2';

export function looksLikeHtml(text: string): boolean {
  return (
    /^\s*(?:<!doctype html|<html[\s>])/i.test(text) ||
    /<(?:p|div|table|article|body|span|td|li|h[1-6])[\s>]/i.test(text.slice(0, 4000))
  );
}

/** Elements whose whole content is never prose. */
const SKIP_ELEMENTS = new Set([
  'head',
  'script',
  'style',
  'svg',
  'noscript',
  'template',
  'iframe',
  'object',
  'canvas',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'select',
  'textarea',
  'figcaption',
]);
const SKIP_ROLES = /^(?:navigation|banner|contentinfo|complementary|dialog|alertdialog|search|menu|menubar)$/i;
const SKIP_CLASS =
  /(?:^|[\s_-])(?:nav|navbar|menu|footer|site-header|breadcrumbs?|cookie|consent|banner|related|recirc|newsletter-signup|subscribe|share|social|advert|ad-slot|ad|ads|promo|sidebar|disclaimer-footer)(?:$|[\s_-])/i;
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'tr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'main',
  'figure',
  'blockquote',
  'ul',
  'ol',
  'table',
  'thead',
  'tbody',
  'dd',
  'dt',
  'pre',
  'hr',
  'time',
]);
/** Void elements never get a closing tag event that matters for the skip depth. */
const VOID = new Set(['br', 'hr', 'img', 'meta', 'link', 'input', 'source', 'wbr', 'area', 'base', 'col', 'embed']);

function skipped(name: string, attrs: Record<string, string>): boolean {
  if (SKIP_ELEMENTS.has(name)) return true;
  if (attrs.hidden !== undefined || attrs['aria-hidden'] === 'true') return true;
  if (attrs.role && SKIP_ROLES.test(attrs.role)) return true;
  // `class="footer"` on a newsletter's table cell, `id="cookie-banner"`.
  const named = `${attrs.class ?? ''} ${attrs.id ?? ''}`;
  return SKIP_CLASS.test(named);
}

export function htmlToText(html: string): string {
  let out = '';
  /** Depth inside a skipped element (0: reading prose); names of the open elements to match closing tags. */
  const open: { name: string; skip: boolean }[] = [];
  let skipDepth = 0;
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const skip = skipDepth > 0 || skipped(name, attrs);
        if (!VOID.has(name)) {
          open.push({ name, skip });
          if (skip) skipDepth++;
        }
        if (skip) return;
        if (BLOCK.has(name)) out += '\n';
        // A heading keeps its rank as Markdown's marks: it starts a section for the claims' subjects.
        if (/^h[1-6]$/.test(name)) out += `${'#'.repeat(Number(name[1]))} `;
        if (name === 'hr') out += '---\n';
      },
      onclosetag(name) {
        if (VOID.has(name)) return;
        const top = open.pop();
        if (!top) return;
        if (top.skip) {
          skipDepth--;
          return;
        }
        if (name === 'td' || name === 'th') out += '\t';
        else if (BLOCK.has(name)) out += '\n';
      },
      ontext(text) {
        if (skipDepth === 0) out += text;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  return normaliseText(out)
    .split('\n')
    .map((l) => l.replace(/[ \f\v]+/g, ' ').replace(/^[ \t]+|[ \t]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/**
 * Typography the claim patterns read as plain text: no-break and thin spaces as spaces, non-breaking
 * and figure hyphens as "-". The minus sign (U+2212) and dashes stay: they carry meaning.
 */
export function normaliseText(text: string): string {
  return text.replace(/[\u00a0\u2007\u2009\u202f\u2002\u2003]/g, ' ').replace(/[\u2010\u2011\u2012]/g, '-');
}
