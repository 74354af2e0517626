/**
 * A pasted note's Markdown read as prose for the Check tab: headings, paragraphs, bold and italic, code,
 * lists, quotes, rules and pipe tables, each piece of visible text keeping its place in the source, so the
 * checker's claim spans (character offsets into the text as sent) still fall on the right words once the
 * `**`, `#` and `|` are gone. Only the Markdown a note uses, not all of CommonMark. Pure: no DOM.
 */

/** Visible text: the source characters [start, end) and how they are styled. */
export interface Inline {
  readonly start: number;
  readonly end: number;
  readonly strong: boolean;
  readonly em: boolean;
  readonly code: boolean;
}

export type Block =
  | { readonly kind: 'heading'; readonly level: number; readonly inline: Inline[] }
  | { readonly kind: 'paragraph'; readonly inline: Inline[] }
  | { readonly kind: 'quote'; readonly inline: Inline[] }
  | { readonly kind: 'list'; readonly ordered: boolean; readonly items: Inline[][] }
  | { readonly kind: 'table'; readonly head: Inline[][] | null; readonly rows: Inline[][][] }
  | { readonly kind: 'rule' };

const WORD = /[\p{L}\p{N}]/u;

/**
 * The visible pieces of the source range [from, to): `**`/`__` toggle bold, `*`/`_` italic (an `_` only at
 * a word's edge, so snake_case stays), backticks code; a backslash before a punctuation mark shows the mark.
 */
export function parseInline(text: string, from: number, to: number): Inline[] {
  const out: Inline[] = [];
  let strong = false;
  let em = false;
  let emChar = '*';
  let code = false;
  let runStart = from;
  const flush = (end: number) => {
    if (end > runStart) out.push({ start: runStart, end, strong, em, code });
  };
  let i = from;
  while (i < to) {
    const ch = text[i]!;
    const next = text[i + 1];
    if (code) {
      if (ch === '`') {
        flush(i);
        code = false;
        runStart = i + 1;
      }
      i++;
      continue;
    }
    if (ch === '\\' && next !== undefined && i + 1 < to && /[\\`*_{}[\]()#+\-.!|>~]/.test(next)) {
      flush(i);
      runStart = i + 1;
      i += 2;
      continue;
    }
    if (ch === '`') {
      flush(i);
      code = true;
      runStart = i + 1;
      i++;
      continue;
    }
    if ((ch === '*' || ch === '_') && next === ch && i + 1 < to) {
      flush(i);
      strong = !strong;
      runStart = i + 2;
      i += 2;
      continue;
    }
    if (ch === '*' || ch === '_') {
      const before = i > from ? text[i - 1]! : ' ';
      const after = i + 1 < to ? text[i + 1]! : ' ';
      // An opening mark is followed by a word and closed later in the range; a closing one follows a word;
      // an "_" inside a word is a letter (snake_case).
      const closeAt = text.indexOf(ch, i + 1);
      const opens = !em && /\S/.test(after) && (ch === '*' || !WORD.test(before)) && closeAt !== -1 && closeAt < to;
      const closes = em && ch === emChar && /\S/.test(before) && (ch === '*' || !WORD.test(after));
      if (opens || closes) {
        flush(i);
        em = !em;
        emChar = ch;
        runStart = i + 1;
        i++;
        continue;
      }
    }
    i++;
  }
  flush(to);
  return out;
}

interface Line {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

function linesOf(text: string): Line[] {
  const out: Line[] = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      const end = i > start && text[i - 1] === '\r' ? i - 1 : i;
      out.push({ start, end, text: text.slice(start, end) });
      start = i + 1;
    }
  }
  return out;
}

const HEADING = /^ {0,3}(#{1,6})[ \t]+/;
const LIST = /^(\s*)([-*+]|\d{1,9}[.)])[ \t]+/;
const QUOTE = /^ {0,3}>[ \t]?/;
const RULE = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/;
const TABLE_ROW = /^\s*\|/;
const TABLE_RULE = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** The cells of a table row: the source ranges between unescaped pipes, trimmed (outer pipes optional). */
function cellsOf(text: string, line: Line): Inline[][] {
  const edges = [line.start - 1];
  for (let i = line.start; i < line.end; i++) if (text[i] === '|' && text[i - 1] !== '\\') edges.push(i);
  edges.push(line.end);
  const trimmed = line.text.trim();
  const first = trimmed.startsWith('|') ? 1 : 0;
  const last =
    trimmed.length > 1 && trimmed.endsWith('|') && !trimmed.endsWith('\\|') ? edges.length - 2 : edges.length - 1;
  const cells: Inline[][] = [];
  for (let k = first; k < last; k++) {
    let s = edges[k]! + 1;
    let e = edges[k + 1]!;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    cells.push(parseInline(text, s, e));
  }
  return cells;
}

/** The note's blocks, in order, each with the source ranges of its visible text. */
export function parseMarkdown(text: string): Block[] {
  const lines = linesOf(text);
  const out: Block[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (line.text.trim() === '') {
      i++;
      continue;
    }
    const heading = HEADING.exec(line.text);
    if (heading) {
      let end = line.end;
      // A closing run of #s is not part of the heading.
      const closing = /[ \t]+#+[ \t]*$/.exec(line.text);
      if (closing) end = line.start + closing.index;
      out.push({
        kind: 'heading',
        level: heading[1]!.length,
        inline: parseInline(text, line.start + heading[0].length, end),
      });
      i++;
      continue;
    }
    if (RULE.test(line.text)) {
      out.push({ kind: 'rule' });
      i++;
      continue;
    }
    if (TABLE_ROW.test(line.text)) {
      const rows: Line[] = [];
      while (i < lines.length && TABLE_ROW.test(lines[i]!.text)) rows.push(lines[i++]!);
      const hasHead = rows.length > 1 && TABLE_RULE.test(rows[1]!.text);
      out.push({
        kind: 'table',
        head: hasHead ? cellsOf(text, rows[0]!) : null,
        rows: rows
          .slice(hasHead ? 2 : 0)
          .filter((r) => !TABLE_RULE.test(r.text))
          .map((r) => cellsOf(text, r)),
      });
      continue;
    }
    if (QUOTE.test(line.text)) {
      const start = line.start + QUOTE.exec(line.text)![0].length;
      let end = line.end;
      i++;
      while (i < lines.length && QUOTE.test(lines[i]!.text)) end = lines[i++]!.end;
      out.push({
        kind: 'quote',
        inline: parseInline(text, start, end).filter((p) => !/^\s*>\s*$/.test(text.slice(p.start, p.end))),
      });
      continue;
    }
    const item = LIST.exec(line.text);
    if (item) {
      const ordered = /\d/.test(item[2]!);
      const items: Inline[][] = [];
      while (i < lines.length) {
        const m = LIST.exec(lines[i]!.text);
        if (!m || /\d/.test(m[2]!) !== ordered) break;
        let end = lines[i]!.end;
        const start = lines[i]!.start + m[0].length;
        i++;
        // A wrapped item: following indented lines that start no other block.
        while (i < lines.length && /^\s+\S/.test(lines[i]!.text) && !LIST.test(lines[i]!.text)) end = lines[i++]!.end;
        items.push(parseInline(text, start, end));
      }
      out.push({ kind: 'list', ordered, items });
      continue;
    }
    // A paragraph: lines up to a blank line or the start of another block.
    const start = line.start;
    let end = line.end;
    i++;
    while (
      i < lines.length &&
      lines[i]!.text.trim() !== '' &&
      !HEADING.test(lines[i]!.text) &&
      !TABLE_ROW.test(lines[i]!.text) &&
      !QUOTE.test(lines[i]!.text) &&
      !LIST.test(lines[i]!.text) &&
      !RULE.test(lines[i]!.text)
    )
      end = lines[i++]!.end;
    out.push({ kind: 'paragraph', inline: parseInline(text, start, end) });
  }
  return out;
}
