/**
 * The rate claim types on hand-made series: a level to the printed precision, a bp change since a
 * named day (DFF 3.89 -> 3.64 is -25 bp, as FRED shows after the cut of 2025-12-10), and a beta.
 */
import { describe, expect, it } from 'vitest';
import { closeOnlySeries } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { verifyOptions } from '../check/verify-options.js';
import type { EvaluationPoint, Outcome } from './claim-type.js';
import { rateBetaClaimType, rateChangeClaimType, rateLevelClaimType } from './rate-claim-types.js';

const dates = Int32Array.from(['2025-12-09', '2025-12-10', '2025-12-11'], (d) => parseIsoDate(d));
const dff = closeOnlySeries('DFF', dates, [3.89, 3.89, 3.64]);
const options = verifyOptions(dates[2]!, { approachPct: 0.02 });
const at = (series = dff, k = 2): EvaluationPoint => ({
  series,
  k,
  field: 'close',
  options,
  seriesFor: () => ({ missing: 'none' }),
});
const ok = (o: Outcome) => ('ok' in o ? o.ok : o.unverifiable);
const base = { text: '', subject: 'DFF', symbol: 'DFF', line: 1, span: { start: 0, end: 0 } };

describe('rate claim types', () => {
  it('rate.level holds a level to the printed precision', () => {
    expect(ok(rateLevelClaimType.evaluate({ ...base, metric: 'rate.level', value: 3.64, decimals: 2 }, at()))).toBe(
      true,
    );
    expect(ok(rateLevelClaimType.evaluate({ ...base, metric: 'rate.level', value: 3.65, decimals: 2 }, at()))).toBe(
      false,
    );
  });

  it('rate.change.bp: -25 bp since December 10, not -24', () => {
    const claim = { ...base, metric: 'rate.change.bp' as const, month: 12, dayOfMonth: 10, year: null };
    expect(ok(rateChangeClaimType.evaluate({ ...claim, bp: -25 }, at()))).toBe(true);
    expect(ok(rateChangeClaimType.evaluate({ ...claim, bp: -24 }, at()))).toBe(false);
  });

  it(`rate.change.bp: "since the Fed's cut of December 10, 2025" in a later year reads the year it gives`, () => {
    // hand-made: DFF 3.89 on 2025-12-10, 3.39 on 2026-12-10, 3.14 on 2026-12-15 (the note's day)
    const days = Int32Array.from(['2025-12-10', '2025-12-11', '2026-12-10', '2026-12-15'], (d) => parseIsoDate(d));
    const later = closeOnlySeries('DFF', days, [3.89, 3.64, 3.39, 3.14]);
    const scope = {
      sentence: "The fed funds rate (DFF) is down 75 bp since the Fed's cut of December 10, 2025.",
      mentions: [{ start: 4, end: 18, text: 'fed funds rate', kind: 'rate', symbol: 'DFF' }],
      line: 1,
      offset: 0,
      noteDate: null,
    } as unknown as Parameters<typeof rateChangeClaimType.extract>[0];
    const [claim, ...rest] = rateChangeClaimType.extract(scope);
    expect(rest).toEqual([]);
    expect([claim!.bp, claim!.month, claim!.dayOfMonth, claim!.year]).toEqual([-75, 12, 10, 2025]);
    expect(rateChangeClaimType.period(claim!, options)).toBe('since December 10, 2025');
    // 3.14 - 3.89 = -75 bp from 2025-12-10; without the year it is the latest December 10, 2026: 3.14 - 3.39 = -25 bp
    expect(ok(rateChangeClaimType.evaluate(claim!, at(later, 3)))).toBe(true);
    expect(ok(rateChangeClaimType.evaluate({ ...claim!, year: null }, at(later, 3)))).toBe(false);
    expect(ok(rateChangeClaimType.evaluate({ ...claim!, year: null, bp: -25 }, at(later, 3)))).toBe(true);
  });

  it('rate.beta is unverifiable without the yield, and needs a sentence naming it and the year', () => {
    const claim = { ...base, metric: 'rate.beta' as const, yieldSymbol: 'DGS10', value: -5, decimals: 1 };
    expect(ok(rateBetaClaimType.evaluate(claim, at()))).toBe('none');
    const scope = {
      sentence:
        'Over the past year, the sectors that gained most as the 10-year yield fell were Real Estate (XLRE, 5.0 bp per basis point of decline).',
      mentions: [],
      line: 3,
      offset: 0,
      noteDate: null,
    } as unknown as Parameters<typeof rateBetaClaimType.extract>[0];
    const claims = rateBetaClaimType.extract(scope);
    expect(claims.map((c) => [c.symbol, c.value, c.yieldSymbol])).toEqual([['XLRE', -5, 'DGS10']]);
  });
});
