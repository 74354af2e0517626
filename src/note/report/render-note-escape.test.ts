/** The markdown note never passes raw HTML from config names through (issue 17 item 13). */
import { describe, expect, it } from 'vitest';
import type { MarketNote } from './note-model.js';
import { renderHtml, renderMarkdown } from './render-note.js';

const note: MarketNote = {
  asOf: '2024-06-28',
  headline: 'Small caps <b>lead</b>',
  lede: { runs: ['<script>alert(1)</script> took the lead.'] },
  story: 'into_small_caps',
  sections: [
    {
      id: 'table',
      title: 'Names <i>',
      paragraphs: [{ runs: ['S&P 600 <img src=x onerror=alert(1)> rose.'] }],
      table: [
        {
          symbol: 'X',
          label: 'Evil <svg onload=alert(1)> | Co',
          group: 'Small caps',
          oneMonth: null,
          threeMonths: null,
          sixMonths: null,
          ytd: null,
          oneYear: null,
        },
      ],
    },
  ],
  charts: [],
  figures: [],
  fingerprint: 'abc',
  rows: 1,
  demo: false,
};

describe('renderMarkdown', () => {
  it('escapes < and > in headline, text, titles and table labels, and | in cells', () => {
    const md = renderMarkdown(note);
    expect(md).not.toMatch(/<(script|img|svg|b|i)\b/);
    expect(md).toContain('# Small caps &lt;b&gt;lead&lt;/b&gt;');
    expect(md).toContain('&lt;script&gt;alert(1)&lt;/script&gt; took the lead.');
    expect(md).toContain('S&P 600 &lt;img src=x onerror=alert(1)&gt; rose.');
    expect(md).toContain('| Evil &lt;svg onload=alert(1)&gt; \\| Co | n/a | n/a |');
  });
  it('heads the scoreboard with one convention of period labels, 1M 3M 6M YTD 1Y, in Markdown and HTML', () => {
    // The screenshot review: "One year" beside "1M 3M 6M YTD" wrapped the header of the note's table.
    expect(renderMarkdown(note)).toContain('| Name | 1M | 3M | 6M | YTD | 1Y |');
    expect(renderHtml(note)).toContain(
      '<th>Name</th><th class="num">1M</th><th class="num">3M</th><th class="num">6M</th><th class="num">YTD</th><th class="num">1Y</th>',
    );
  });
});
