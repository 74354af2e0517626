/** The Check tab's Markdown reading: blocks and styles, each visible piece at its place in the source. */
import { describe, expect, it } from 'vitest';
import { type Block, type Inline, parseInline, parseMarkdown } from './markdown-prose.js';

/** The visible text of pieces, with * around bold and _ around italic to show the styles. */
const shown = (text: string, pieces: readonly Inline[]) =>
  pieces
    .map((p) => {
      const t = text.slice(p.start, p.end);
      return p.strong ? `[b:${t}]` : p.em ? `[i:${t}]` : p.code ? `[c:${t}]` : t;
    })
    .join('');

describe('parseInline', () => {
  it('drops the ** and * marks and keeps the words at their source offsets', () => {
    const text = 'SPSM **outpaced** the *basket* by `5.6` points';
    const pieces = parseInline(text, 0, text.length);
    expect(shown(text, pieces)).toBe('SPSM [b:outpaced] the [i:basket] by [c:5.6] points');
    // "outpaced" is source 7..15: the offsets are the source's, not the rendered text's.
    expect(pieces.find((p) => p.strong)).toMatchObject({ start: 7, end: 15 });
  });

  it('keeps an underscore inside a word, an escaped pipe, and a lone star', () => {
    const text = 'snake_case_name \\| 5 * 3';
    expect(shown(text, parseInline(text, 0, text.length))).toBe('snake_case_name | 5 * 3');
  });
});

describe('parseMarkdown', () => {
  // The shape of the generated note (GET /api/report?format=md): a title, an italic stamp, sections and a table.
  const note = [
    '# Small Caps Take the Lead',
    '',
    '*As of the close of December 11, 2025.*',
    '',
    'SPSM has outpaced the basket by 5.6 percentage points.',
    'MAG7 fell 0.86%.',
    '',
    '## The scoreboard',
    '',
    '| Name | 1M | YTD |',
    '|---|---:|---:|',
    '| Apple Inc. (AAPL) | +1.01% | +11.53% |',
    '| A \\| B | n/a | n/a |',
    '',
    '- first point',
    '- second **point**',
    '',
    '> **Synthetic demo data**',
  ].join('\n');
  const blocks = parseMarkdown(note);
  const kinds = blocks.map((b) => b.kind);

  it('reads headings, paragraphs (lines joined), a table with its head, a list and a quote', () => {
    expect(kinds).toEqual(['heading', 'paragraph', 'paragraph', 'heading', 'table', 'list', 'quote']);
    const h1 = blocks[0] as Extract<Block, { kind: 'heading' }>;
    expect([h1.level, shown(note, h1.inline)]).toEqual([1, 'Small Caps Take the Lead']);
    expect(shown(note, (blocks[1] as Extract<Block, { kind: 'paragraph' }>).inline)).toBe(
      '[i:As of the close of December 11, 2025.]',
    );
    expect(shown(note, (blocks[2] as Extract<Block, { kind: 'paragraph' }>).inline)).toBe(
      'SPSM has outpaced the basket by 5.6 percentage points.\nMAG7 fell 0.86%.',
    );
    const table = blocks[4] as Extract<Block, { kind: 'table' }>;
    expect(table.head!.map((c) => shown(note, c))).toEqual(['Name', '1M', 'YTD']);
    expect(table.rows.map((r) => r.map((c) => shown(note, c)))).toEqual([
      ['Apple Inc. (AAPL)', '+1.01%', '+11.53%'],
      ['A | B', 'n/a', 'n/a'],
    ]);
    const list = blocks[5] as Extract<Block, { kind: 'list' }>;
    expect([list.ordered, list.items.map((it) => shown(note, it))]).toEqual([
      false,
      ['first point', 'second [b:point]'],
    ]);
    expect(shown(note, (blocks[6] as Extract<Block, { kind: 'quote' }>).inline)).toBe('[b:Synthetic demo data]');
  });

  it("keeps each cell's offsets: a claim's span on '+1.01%' is that cell's source range", () => {
    const table = blocks[4] as Extract<Block, { kind: 'table' }>;
    const cell = table.rows[0]![1]![0]!;
    expect(note.slice(cell.start, cell.end)).toBe('+1.01%');
    expect(cell.start).toBe(note.indexOf('+1.01%'));
  });

  it('reads a plain text as paragraphs', () => {
    const text = 'The Russell 2000 is up 12.5% year to date.\n\nNvidia fell 1.1%.';
    expect(parseMarkdown(text).map((b) => b.kind)).toEqual(['paragraph', 'paragraph']);
  });
});
