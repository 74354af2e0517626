/**
 * The story rules on hand-made series: SPSM and MAG7 over 60 weekdays, where only the last 21
 * sessions differ between cases. The ratio's 21-session change decides the story (+/-2% thresholds),
 * the headline follows the story, and the verbs follow the size of the moves.
 */
import { describe, expect, it } from 'vitest';
import { ratioSeries } from '../../analytics/ratios-baskets/ratio-series.js';
import { DEFAULT_TREND_OPTIONS } from '../../analytics/trend/trend-options.js';
import { defaultConfig } from '../../config/universe-config.js';
import { closeOnlySeries, type PriceSeries } from '../../domain/price-series.js';
import { formatIsoDate, parseIsoDate, weekday } from '../../domain/trading-date.js';
import { composeNote } from './compose-note.js';
import { renderMarkdown } from './render-note.js';

function weekdays(from: string, n: number): number[] {
  const out: number[] = [];
  for (let d = parseIsoDate(from); out.length < n; d++) if (weekday(d) !== 0 && weekday(d) !== 6) out.push(d);
  return out;
}

/** 60 sessions flat at 100, then the last 21 sessions move linearly to 100 * (1 + total). */
function path(symbol: string, days: number[], total: number): PriceSeries {
  const closes = days.map((_, i) => (i < days.length - 21 ? 100 : 100 * (1 + (total * (i - (days.length - 22))) / 21)));
  return closeOnlySeries(symbol, days, closes);
}

function note(smallMove: number, megaMove: number) {
  const days = weekdays('2025-09-01', 60);
  const spsm = path('SPSM', days, smallMove);
  const mag7 = path('MAG7', days, megaMove);
  const series = new Map<string, PriceSeries>([
    ['SPSM', spsm],
    ['MAG7', mag7],
    ['SPSM/MAG7', ratioSeries(spsm, mag7)],
  ]);
  const asOf = days[days.length - 1]!;
  return composeNote({
    asOf,
    series,
    config: defaultConfig(),
    trend: DEFAULT_TREND_OPTIONS,
    fingerprint: 'f'.repeat(64),
    rows: 120,
    demo: false,
  });
}

describe('story rules', () => {
  it('small caps 4% ahead over 21 sessions: rotation into small caps', () => {
    const n = note(0.05, 0.01);
    expect(n.story).toBe('into_small_caps');
    // SPSM's last close (105) is its record, so the headline names it through the small-cap rule
    expect(n.headline).toMatch(/Small Caps/);
    const change = n.figures.find((f) => f.id === 'ratio-change-21d-SPSM-MAG7')!;
    expect(change.value as number).toBeCloseTo(1.05 / 1.01 - 1, 12);
  });

  it('mega caps 4% ahead: rotation into mega caps', () => {
    const n = note(0.01, 0.05);
    expect(n.story).toBe('into_mega_caps');
    expect(n.headline).toBe('The Magnificent 7 Outrun Small Caps Again');
  });

  it('within 2% of each other: no clear rotation', () => {
    const n = note(0.03, 0.02);
    expect(n.story).toBe('no_clear_rotation');
    expect(n.headline).toMatch(/No Clear Rotation/);
  });

  it('words follow the numbers: a 0.24% five-session move "edged up", a 4.13% one "climbed"', () => {
    // five-session MAG7 move in the first case: 100*(1+0.01*21/21) / 100*(1+0.01*16/21) - 1
    const small = renderMarkdown(note(0.05, 0.01));
    const r = (1.01 / (1 + (0.01 * 16) / 21) - 1) * 100;
    expect(small).toContain(`The Magnificent 7 basket (MAG7) edged up ${r.toFixed(2)}% over the past five sessions.`);
    const big = renderMarkdown(note(0.01, 0.2));
    const r2 = ((1 + 0.2) / (1 + (0.2 * 16) / 21) - 1) * 100;
    expect(r2).toBeGreaterThan(2);
    expect(r2).toBeLessThan(5);
    expect(big).toContain(`The Magnificent 7 basket (MAG7) climbed ${r2.toFixed(2)}% over the past five sessions.`);
    expect(big).not.toMatch(/surged/);
  });

  it('is as of the last session on or before the requested day', () => {
    const n = note(0.05, 0.01);
    expect(n.asOf).toBe(formatIsoDate(weekdays('2025-09-01', 60)[59]!));
  });

  it('without a small-vs-mega ratio, says there is too little data instead of inventing a story', () => {
    const days = weekdays('2025-09-01', 60);
    const series = new Map<string, PriceSeries>([['NVDA', path('NVDA', days, 0.1)]]);
    const n = composeNote({
      asOf: days[59]!,
      series,
      config: defaultConfig(),
      trend: DEFAULT_TREND_OPTIONS,
      fingerprint: 'f'.repeat(64),
      rows: 60,
      demo: false,
    });
    expect(n.story).toBe('no_clear_rotation');
    expect(n.headline).toMatch(/Too Little Data for a Rotation Call$/);
    expect(n.sections.map((x) => x.id)).toEqual(['performance']);
  });

  it('the scoreboard carries a "+" on gains and a "-" on losses (issue 11: "+" on gains everywhere)', () => {
    // 1M back from 2025-11-21 is 2025-10-21, still in the flat part at 100: SPSM 105/100 - 1, MAG7 97/100 - 1.
    const md = renderMarkdown(note(0.05, -0.03));
    const row = (label: string) => md.split('\n').find((l) => l.startsWith(`| ${label}`)) ?? '';
    expect(row('State Street SPDR Portfolio S&P 600 Small Cap ETF (SPSM)').split(' | ')[1]).toBe('+5.00%');
    expect(row('Magnificent 7 (equal weight) (MAG7)').split(' | ')[1]).toBe('-3.00%');
  });
});
