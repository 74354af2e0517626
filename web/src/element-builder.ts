/** A tiny DOM builder: `el('button', {class: 'x', onclick}, 'text')`. The dashboard needs no framework. */

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function') node.addEventListener(key.replace(/^on/, ''), value);
    else if (value === true) node.setAttribute(key, '');
    else node.setAttribute(key, String(value));
  }
  append(node, children);
  return node;
}

export function append(parent: Node, children: (Child | Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    if (typeof c === 'object') parent.appendChild(c);
    else appendText(parent, String(c));
  }
}

const ISO_DATE = /\d{4}-\d{2}-\d{2}/g;
const TEXT_ONLY = new Set(['OPTION', 'TEXTAREA', 'TITLE', 'STYLE', 'SCRIPT']);

/** `text` into `into`, each ISO date in it a no-wrap span (`.nb`), the rest as text. */
function appendWithWholeDates(into: Node, text: string): void {
  let at = 0;
  for (const m of text.matchAll(ISO_DATE)) {
    const i = m.index ?? 0;
    if (i > at) into.appendChild(document.createTextNode(text.slice(at, i)));
    const span = document.createElement('span');
    span.className = 'nb';
    span.textContent = m[0];
    into.appendChild(span);
    at = i + m[0].length;
  }
  if (at < text.length) into.appendChild(document.createTextNode(text.slice(at)));
}

/**
 * A text child; the ISO dates inside a longer text go in a no-wrap span, so a date never breaks at
 * its hyphens on a narrow screen (the text content stays the same).
 */
function appendText(parent: Node, text: string): void {
  const dates = text.match(ISO_DATE);
  if (!dates || dates[0] === text || TEXT_ONLY.has(parent.nodeName)) {
    parent.appendChild(document.createTextNode(text));
    return;
  }
  // One wrapper for the whole text, so a flex parent still sees one item (not a gap around each date).
  const wrap = document.createElement('span');
  appendWithWholeDates(wrap, text);
  parent.appendChild(wrap);
}

/**
 * The same for markup made elsewhere (the note's HTML from the server): every ISO date in a text under
 * `root` goes in a no-wrap span, so none breaks at its hyphens ("2025-12-" / "11" in the provenance list).
 * SVG text (which never wraps), form fields and dates already in a no-wrap span are left alone.
 */
export function keepDatesWhole(root: Node): void {
  const texts: Text[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || TEXT_ONLY.has(parent.nodeName) || parent.closest('svg, .nb, .date')) continue;
    if ((n as Text).data.search(ISO_DATE) >= 0) texts.push(n as Text);
  }
  for (const t of texts) {
    const frag = document.createDocumentFragment();
    appendWithWholeDates(frag, t.data);
    t.replaceWith(frag);
  }
}

export function clear(node: Node): void {
  while (node.firstChild) node.removeChild(node.firstChild);
}

const SVG_NS = 'http://www.w3.org/2000/svg';
export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | number> = {},
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG_NS, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

/** A page panel: a heading row (the title, then any controls beside it) above the panel's body. */
export function panel(title: string, controls: Child[], ...body: Child[]): HTMLElement {
  return el(
    'section',
    { class: 'panel' },
    el('div', { class: 'panel-head' }, el('h2', {}, title), ...controls),
    ...body,
  );
}

/** A labelled control: `<label>Text <select>…</select></label>`. */
export function labelled(text: string, control: HTMLElement): HTMLLabelElement {
  return el('label', { class: 'field' }, el('span', {}, text), control);
}

export function select(
  options: readonly (string | readonly [value: string, label: string])[],
  value: string,
  onChange: (v: string) => void,
  attrs: Attrs = {},
): HTMLSelectElement {
  const s = el('select', attrs);
  for (const o of options) {
    const [v, label] = typeof o === 'string' ? [o, o] : o;
    const opt = el('option', { value: v }, label);
    if (v === value) opt.selected = true;
    s.appendChild(opt);
  }
  s.addEventListener('change', () => onChange(s.value));
  return s;
}
