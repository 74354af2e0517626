/**
 * The FOMC table against the real effective fed funds rate (FRED DFF, ../shared/data/real/rates):
 * every decided change shows as a DFF move of the same size (within 15 bp: DFF trades inside the
 * range, and the Sept. 2019 repo squeeze and March 2020 moved it more) from the decision day to the
 * next day; and DFF makes no move of 15 bp or more since 2016 that the table does not list. Dates ascend, through 2027.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeWithSharedData, realFile } from '../../test/support/shared-data.js';
import { FOMC_MEETINGS, fomcCuts } from './fomc-meetings.js';

describe('FOMC_MEETINGS', () => {
  it('ascends, runs through 2027 and lists the 2025-12-10 cut', () => {
    const dates = FOMC_MEETINGS.map((x) => x.date);
    expect([...dates].sort()).toEqual(dates);
    expect(dates.at(-1)!.startsWith('2027-12')).toBe(true);
    expect(fomcCuts().at(-1)).toEqual({ date: '2025-12-10', decisionBp: -25 });
  });
});

describeWithSharedData('FOMC_MEETINGS against FRED DFF', () => {
  it('each decision is the DFF move from the decision day to the next day', () => {
    const dff = new Map(
      readFileSync(realFile('rates/DFF.csv'), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(','))
        .filter(([, v]) => v !== '')
        .map(([d, v]) => [d!, Number(v)] as const),
    );
    const nextDay = (iso: string) => new Date(Date.parse(`${iso}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    for (const x of FOMC_MEETINGS) {
      if (x.decisionBp === null || !dff.has(nextDay(x.date))) continue;
      const moveBp = Math.round((dff.get(nextDay(x.date))! - dff.get(x.date)!) * 100);
      expect(Math.abs(moveBp - x.decisionBp), `${x.date}: DFF moved ${moveBp} bp`).toBeLessThanOrEqual(15);
    }
    const listed = new Set(FOMC_MEETINGS.filter((x) => x.decisionBp).map((x) => nextDay(x.date)));
    let previous: number | null = null;
    for (const [d, v] of dff) {
      if (d >= '2016-01-05' && previous !== null && Math.abs(v - previous) >= 0.15) expect(listed, d).toContain(d);
      previous = v;
    }
  });
});
