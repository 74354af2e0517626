// FIGURE_ASIDE (return-claims.ts): a period inside a relative clause (", which ...,") or a figure appositive
// (", up 34.8% this year,") is that clause's only; the main clause's figure takes its own period (none: the day's move
// in a dated note). Expected periods and figures are the sentences' own words, worked by hand; no data needed.
import { describe, expect, it } from 'vitest';
import { readClaims, resolver } from '../../../test/support/read-claims.js';
import { figureAsides } from './return-claims.js';

/** Read as a note dated Thursday 2025-12-11 ("As of the close of December 11, 2025."). */
const read = readClaims;

describe('a period inside an aside belongs to the aside only (FIGURE_ASIDE)', () => {
  it("reads the main clause's bare figure after a relative clause as the day's move", () => {
    expect(read('Tesla, which is up 10.66% this year, slipped 1.01%.')).toEqual([
      ['TSLA', 'ytd', 0.1066],
      ['TSLA', '1d', -0.0101],
    ]);
  });

  it("reads the main clause's bare figure after a figure appositive as the day's move", () => {
    expect(read('Nvidia, up 34.8% this year, fell 1.2%.')).toEqual([
      ['NVDA', 'ytd', 0.348],
      ['NVDA', '1d', -0.012],
    ]);
    expect(read('NVDA, now down 3% this month, rose 0.5%.')).toEqual([
      ['NVDA', 'mtd', -0.03],
      ['NVDA', '1d', 0.005],
    ]);
  });

  it("does not carry the aside's period to the next sentence's bare figure", () => {
    expect(read('Nvidia, up 34.8% this year, fell 1.2%. Apple fell 0.3%.')).toEqual([
      ['NVDA', 'ytd', 0.348],
      ['NVDA', '1d', -0.012],
      ['AAPL', '1d', -0.003],
    ]);
  });

  it("still gives the main clause its own period, and the aside's figure none from outside", () => {
    expect(read('Tesla, which is up 10.66% this year, slipped 1.01% this week.')).toEqual([
      ['TSLA', 'ytd', 0.1066],
      ['TSLA', 'wtd', -0.0101],
    ]);
    expect(read('IWM, which rose 0.88%, has now gained 6.64% this year.')).toEqual([
      ['IWM', '1d', 0.0088],
      ['IWM', 'ytd', 0.0664],
    ]);
  });

  it('finds relative clauses and figure appositives, not a list clause or a description', () => {
    const spans = (s: string) =>
      figureAsides(s, resolver.mentions(s)).map((a) => s.slice(a.start, a.end).replace(/^,\s*|,$/g, ''));
    expect(spans('Nvidia, up 34.8% this year, fell 1.2%.')).toEqual(['up 34.8% this year']);
    expect(spans('Tesla, which is up 10.66% this year, slipped 1.01%.')).toEqual(['which is up 10.66% this year']);
    expect(spans('Nvidia rose 2%, up 34.8% this year, and AMD fell.')).toEqual([]);
    expect(spans('SPSM, the cheapest way to own the S&P 600, has returned 10.2% this year.')).toEqual([]);
  });
});
