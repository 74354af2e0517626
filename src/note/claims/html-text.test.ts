/**
 * HTML read as text, on saved pages written in the markup patterns of real news sites
 * (test/fixtures/claims/pages): a wire article (JSON-LD and analytics scripts, a site header with
 * navigation, an aside of related stories, an ad slot, noscript and template, HTML comments, a footer),
 * a quotes table whose negative cells use `&minus;` and `&#x2212;`, and an e-mail newsletter laid out
 * in tables with an Outlook conditional comment and a footer cell. Entities are decoded by
 * htmlparser2's `entities` (the full HTML5 list); what is not the story must not leak into the text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test/support/shared-data.js';
import { defaultConfig } from '../../config/universe-config.js';
import { extractClaims, resolverFromConfig } from './extract-claims.js';
import { htmlToText, looksLikeHtml } from './html-text.js';

const page = (name: string) => readFileSync(join(repoRoot, 'test/fixtures/claims/pages', name), 'utf8');
const resolver = resolverFromConfig(defaultConfig());
const returns = (text: string) =>
  extractClaims(text, resolver)
    .filter((c) => c.metric === 'return')
    .map((c) => [c.symbol, c.metric === 'return' ? c.period : null, c.metric === 'return' ? c.value : null]);

describe('htmlToText on saved pages', () => {
  it('decodes every named and numeric entity: &minus; keeps its minus, &hellip; and &rsquo; become characters', () => {
    expect(
      htmlToText('<p>down &minus;15.49% &hellip; it&rsquo;s &#x2212;4.20% &#8722;1% &NotEqualTilde; &amp;</p>'),
    ).toBe('down −15.49% … it’s −4.20% −1% ≂̸ &');
  });

  it('keeps the wire story and drops scripts, JSON-LD, navigation, asides, ads, noscript, templates, comments and the footer', () => {
    const html = page('wire-article.html');
    expect(looksLikeHtml(html)).toBe(true);
    const text = htmlToText(html);
    expect(text).toContain('Microsoft Corp. (MSFT) slid 3.93% on Thursday and is now down −15.49% year-to-date');
    expect(text).toContain('The S&P SmallCap 600 Index gained 6.70% year-to-date — its best run since 2021.');
    expect(text).toContain('closed at a record high on Thursday…');
    for (const leak of ['99.99', '88.8', '77%', '66.6', '44%', '12% today', '33.3', '11.1', 'draft', 'dataLayer', '{'])
      expect(text).not.toContain(leak);
  });

  it('reads the MSFT sentence as two claims, the year-to-date one negative', () => {
    const claims = returns(htmlToText(page('wire-article.html')));
    expect(claims).toContainEqual(['MSFT', 'ytd', -0.1549]);
    expect(claims).toContainEqual(['^SP600', 'ytd', 0.067]);
    expect(claims.some((c) => c[1] === 'ytd' && c[2] === 0.1549)).toBe(false);
  });

  it('reads a quotes table with &minus; cells and a comment inside a cell as signed figures', () => {
    const text = htmlToText(page('data-table.html'));
    expect(text).toContain('Tesla Inc. (TSLA)\t28.02%\t5.04%');
    expect(text).not.toMatch(/cookie|Tesla fell 50%|Home/);
    expect(returns(text)).toEqual([
      ['NVDA', 'ytd', 0.368],
      ['NVDA', '1y', 0.3494],
      ['MSFT', 'ytd', -0.1549],
      ['MSFT', '1y', -0.042],
      ['TSLA', 'ytd', 0.2802],
      ['TSLA', '1y', 0.0504],
    ]);
  });

  it('reads a newsletter laid out in tables without its Outlook comment or footer cell', () => {
    const text = htmlToText(page('newsletter.html'));
    expect(text).toContain('Apple Inc. (AAPL) rose 11.53% year-to-date.');
    expect(text).not.toMatch(/Outlook|Unsubscribe|Amazon up 99%/);
    expect(returns(text)).toEqual([
      ['AAPL', 'ytd', 0.1153],
      ['TSLA', 'ytd', 0.1066],
      ['IWM', '1d', -0.005],
    ]);
  });
});
