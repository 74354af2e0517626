/**
 * Beta and correlation of returns to yield changes, by hand: a return that is exactly
 * -0.001 x (change in bp) + 0.0002 has beta -0.001 per bp and correlation -1; a three-point case
 * worked on paper; alignment skips FRED holidays and keeps the last day of each week.
 */
import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '../../domain/trading-date.js';
import { alignedObservations, betaAndCorrelation, rateSensitivity } from './rate-sensitivity.js';

const days = (isos: string[]) => Int32Array.from(isos, (d) => parseIsoDate(d));

describe('betaAndCorrelation', () => {
  it('an exact linear relation gives its slope and a correlation of -1', () => {
    const changes = Float64Array.from([5, -3, 8, -12, 0, 4, -7, 2, 9, -1, 6, -4]);
    const returns = changes.map((c) => -0.001 * c + 0.0002);
    const r = betaAndCorrelation({ returns, changesBp: changes }, 252);
    expect(r.n).toBe(12);
    expect(r.beta).toBeCloseTo(-0.001, 12);
    expect(r.correlation).toBeCloseTo(-1, 12);
  });

  it('a hand-worked case: changes 10, -10, 0 ... and returns 1%, -1%, 1% ... give beta 0.001, corr 0.866', () => {
    // per triple: change deviations 10, -10, 0 (mean 0); return deviations 2/300, -4/300, 2/300 (mean 1/300);
    // sum of products 60/300 = 0.2, sum of squared changes 200, of squared returns 24/90000:
    // beta = 0.2 / 200 = 0.001; corr = 0.2 / sqrt(200 x 24/90000) = sqrt(3)/2
    const changes = Float64Array.from({ length: 12 }, (_, k) => [10, -10, 0][k % 3]!);
    const returns = Float64Array.from({ length: 12 }, (_, k) => [0.01, -0.01, 0.01][k % 3]!);
    const r = betaAndCorrelation({ returns, changesBp: changes }, 12);
    expect(r.beta).toBeCloseTo(0.001, 12);
    expect(r.correlation).toBeCloseTo(Math.sqrt(3) / 2, 12);
  });

  it('uses only the last `window` observations and needs at least 10', () => {
    const changes = Float64Array.from({ length: 30 }, (_, k) => (k % 2 ? 3 : -3));
    const returns = Float64Array.from({ length: 30 }, (_, k) => (k < 15 ? 1 : -1) * 0.002 * changes[k]!);
    expect(betaAndCorrelation({ returns, changesBp: changes }, 15).beta).toBeCloseTo(-0.002, 12);
    expect(betaAndCorrelation({ returns, changesBp: changes }, 9).beta).toBeNull();
  });
});

describe('alignedObservations', () => {
  it('pairs only days where both have a value (a FRED holiday is skipped), changes in bp', () => {
    const asset = days(['2025-12-22', '2025-12-23', '2025-12-24', '2025-12-26']);
    const closes = Float64Array.of(100, 101, 102, 99.96);
    const rate = days(['2025-12-22', '2025-12-23', '2025-12-26']); // no 12-24 value
    const levels = Float64Array.of(3.5, 3.48, 3.52);
    const obs = alignedObservations(asset, closes, rate, levels, parseIsoDate('2025-12-31'), 'daily');
    expect([...obs.changesBp]).toEqual([-2, 4]);
    expect(obs.returns[0]).toBeCloseTo(0.01, 12);
    expect(obs.returns[1]).toBeCloseTo(99.96 / 101 - 1, 12);
  });

  it('weekly keeps the last common day of each week', () => {
    const d = days(['2025-12-01', '2025-12-05', '2025-12-08', '2025-12-12', '2025-12-15']);
    const obs = alignedObservations(
      d,
      Float64Array.of(1, 2, 3, 4, 5),
      d,
      Float64Array.of(4, 4.1, 4, 3.9, 3.95),
      parseIsoDate('2025-12-31'),
      'weekly',
    );
    // weeks end on 12-05 (2, 4.1), 12-12 (4, 3.9), 12-15 (5, 3.95)
    expect([...obs.returns]).toEqual([1, 0.25]);
    expect([...obs.changesBp]).toEqual([-20, 5]);
  });

  it('rateSensitivity reports daily 63/252 and weekly 13/52 windows', () => {
    const d = days(['2025-12-01', '2025-12-02']);
    const r = rateSensitivity(
      { dates: d, closes: Float64Array.of(1, 2) },
      { dates: d, closes: Float64Array.of(1, 2) },
      d[1]!,
    );
    expect(r.map((w) => `${w.frequency}:${w.window}:${w.n}:${w.beta}`)).toEqual([
      'daily:63:1:null',
      'daily:252:1:null',
      'weekly:13:0:null',
      'weekly:52:0:null',
    ]);
  });
});
