/**
 * Splits commentary into paragraphs (lines) and sentences, without breaking after the abbreviations
 * market copy is full of ("Nvidia Corp. (NVDA)", "SPSM vs. Mag7", "U.S.") or inside a decimal.
 */

export interface Sentence {
  readonly text: string;
  /** Offset of the sentence in its paragraph. */
  readonly offset: number;
}

export interface Paragraph {
  readonly text: string;
  /** 1-based line number in the input. */
  readonly line: number;
  /** Offset of the line's first character in the input. */
  readonly offset: number;
}

const ABBREVIATIONS =
  /(?:\b(?:Corp|Inc|Co|Ltd|vs|Mr|Mrs|Ms|Dr|St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|est)|\b[A-Z](?:\.[A-Z])*)\.$/;

/** Non-empty lines, each a paragraph, with its line number. */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  // Offsets refer to `text` itself, so a CRLF file is split without rewriting it.
  const re = /\r\n|\r|\n/g;
  let start = 0;
  let line = 1;
  const push = (end: number) => {
    const l = text.slice(start, end);
    if (l.trim() !== '') out.push({ text: l, line, offset: start });
  };
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    push(m.index);
    start = m.index + m[0].length;
    line++;
  }
  push(text.length);
  return out;
}

/** The sentences of one paragraph. A sentence ends at . ! or ? (and a closing quote) before a space and a capital or quote. */
export function sentences(paragraph: string): Sentence[] {
  const out: Sentence[] = [];
  const re = /[.!?]["”')]*\s+(?=["“(]?[A-Z0-9$^])/g;
  let start = 0;
  for (let m = re.exec(paragraph); m !== null; m = re.exec(paragraph)) {
    const endOfSentence = m.index + 1;
    const head = paragraph.slice(start, endOfSentence);
    if (ABBREVIATIONS.test(head)) continue;
    const end = m.index + m[0].length;
    pushTrimmed(out, paragraph, start, end);
    start = end;
  }
  pushTrimmed(out, paragraph, start, paragraph.length);
  return out;
}

function pushTrimmed(out: Sentence[], text: string, start: number, end: number): void {
  const raw = text.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const trimmed = raw.trim();
  if (trimmed !== '') out.push({ text: trimmed, offset: start + lead });
}
