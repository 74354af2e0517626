/**
 * Claim types are plug-ins: a new kind of claim registered from outside the core (here a closing
 * "above its 200-day average" claim, worked by hand on a small series) is found by `extractClaims` and
 * judged by `verifyClaim`, with the verdict sentence, basis and five-session search coming from the core.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/universe-config.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { verifyClaim } from '../check/verify-claim.js';
import { verifyOptions } from '../check/verify-options.js';
import type { ClaimBase } from '../claims/claim.js';
import { extractClaims, resolverFromConfig } from '../claims/extract-claims.js';
import type { ClaimType } from './claim-type.js';
import { claimTypeOf, claimTypes, registerClaimType } from './claim-types.js';

interface AboveAverageClaim extends ClaimBase {
  readonly metric: 'above-average';
  readonly days: number;
}

const aboveAverage: ClaimType<AboveAverageClaim> = {
  metric: 'above-average',
  hasBasis: false,
  extract({ sentence, mentions, line, offset }) {
    const m = /\babove\s+its\s+(\d+)-day\s+average\b/i.exec(sentence);
    const subject = mentions.find((x) => !x.object && m && x.end <= m.index);
    if (!m || !subject) return [];
    return [
      {
        metric: 'above-average',
        text: sentence,
        subject: subject.text,
        symbol: subject.symbol,
        line,
        span: { start: offset + m.index, end: offset + m.index + m[0].length },
        days: Number(m[1]),
      },
    ];
  },
  evaluate(c, { series, k }) {
    if (k + 1 < c.days) return { unverifiable: `fewer than ${c.days} closes` };
    let sum = 0;
    for (let i = k - c.days + 1; i <= k; i++) sum += series.close[i]!;
    const avg = sum / c.days;
    return {
      ok: series.close[k]! > avg,
      actual: series.close[k]! / avg - 1,
      fact: `${series.symbol} closed ${series.close[k]! > avg ? 'above' : 'below'} its ${c.days}-day average (${avg.toFixed(2)})`,
    };
  },
  claimed: () => 'above',
  claimedText: (c) => `above its ${c.days}-day average`,
  period: (c) => `${c.days} days`,
};

describe('a claim type added from outside the core', () => {
  const before = claimTypes().length;
  registerClaimType(aboveAverage);
  afterAll(() => {
    // Leave the registry as other tests expect it.
    (claimTypes() as unknown[]).splice(before);
  });

  it('is extracted and verified through the registry', () => {
    expect(claimTypeOf('above-average')).toBe(aboveAverage);
    const resolver = resolverFromConfig(defaultConfig());
    const [claim] = extractClaims('Apple closed above its 3-day average.', resolver);
    expect(claim).toMatchObject({ metric: 'above-average', symbol: 'AAPL', span: { start: 13, end: 36 } });
    // Closes 10, 11, 12, 9: on the 4th day the 3-day average is (11 + 12 + 9) / 3 = 10.67 > 9 (below);
    // on the 3rd day it is (10 + 11 + 12) / 3 = 11 < 12 (above).
    const days = ['2025-01-06', '2025-01-07', '2025-01-08', '2025-01-09'].map((d) => parseIsoDate(d));
    const series = closeOnlySeries('AAPL', days, [10, 11, 12, 9]);
    const options = verifyOptions(parseIsoDate('2025-01-09'));
    const v = verifyClaim(claim!, () => ({ series }), options);
    expect(v).toMatchObject({
      verdict: 'contradicted',
      matchesCloseOf: '2025-01-08',
      period: '3 days',
      sentence:
        'AAPL closed below its 3-day average (10.67) on Jan 9, not above its 3-day average: contradicted; matches the close of Jan 8 (AAPL closed above its 3-day average (11.00))',
    });
  });
});
