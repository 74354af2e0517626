/**
 * The HTML note's provenance list ("Where every figure comes from") prints each value as the note formats
 * its kind, never a 17-digit float (0.056134497283757856 was printed as it is); the exact value stays in the
 * JSON and in the list's tooltip. Values are the figures of the real-data note as of 2025-12-11.
 */
import { describe, expect, it } from 'vitest';
import { spreadWords } from '../../domain/format/display-format.js';
import type { Figure, MarketNote } from './note-model.js';
import { noteJson, provenanceValue, renderHtml } from './render-note.js';

const fig = (id: string, metric: string, value: number | string, display: string, symbols = ['SPSM']): Figure => ({
  id,
  metric,
  symbols,
  dates: ['2025-12-11'],
  value,
  formula: 'close(2025-12-11)',
  display,
});

const figures: Figure[] = [
  fig('ratio', 'ratio.change.21d', 0.056134497283757856, '5.6 percentage points', ['SPSM', 'MAG7']),
  fig('ytd', 'return.ytd', 0.10186452605685581, '10.19%'),
  fig('5d', 'return.5d', -0.008630477062752773, '0.86%'),
  fig('ath', 'ath.distance', 0, '0.00%'),
  fig('slope', 'trend.slope', -0.4151812793004531, '-34.0% a year'),
  fig('vix', 'close', 14.85, '14.85'),
  fig('dff', 'rate.change.bp', -25, '25 bp'),
  fig('beta', 'rate.beta.252d', -5.037659680303954, '5.0 bp'),
  fig('median', 'baserate.median3m', -0.0372423742870337, '3.7 percentage points', ['SPSM', 'MAG7']),
  fig('touches', 'trend.touches', 3, 'three'),
  fig('low', 'since.lowest', '2025-09-12', 'September 12'),
  fig('breadth', 'breadth.above50', 0.5712328767123288, '57.12%'),
];

describe('spreadWords', () => {
  it('says a spread unsigned with the side it favours, never a sign and a side together', () => {
    expect(spreadWords(-0.0372423742870337, 'SPSM', 'MAG7')).toBe('3.7 pp in favour of MAG7');
    expect(spreadWords(0.0128, 'SPSM', 'MAG7')).toBe('1.3 pp in favour of SPSM');
    expect(spreadWords(0.0004, 'SPSM', 'MAG7')).toBe('0.0 pp, neither side ahead');
    expect(spreadWords(0.05601, 'SPSM', 'MAG7', 2)).toBe('5.60 pp in favour of SPSM');
  });
});

describe('provenanceValue', () => {
  it('formats each kind with its fixed decimals, signed, a spread unsigned with the side it favours', () => {
    // Hand-rounded: 5.6134... pp -> +5.6 pp; 10.1864...% -> +10.19%; -0.8630...% -> -0.86%; the slope, ln(line)
    // per year -0.41518..., as the note says it: exp(-0.41518) - 1 = -0.33976 -> -34.0% a year; -5.0376... ->
    // -5.0; -3.7242... pp -> -3.7 pp; 57.1232...% -> 57.12%.
    expect(figures.map(provenanceValue)).toEqual([
      '5.6 pp in favour of SPSM',
      '+10.19%',
      '-0.86%',
      '0.00%',
      '-34.0% a year',
      '14.85',
      '-25 bp',
      '-5.0 bp per bp',
      '3.7 pp in favour of MAG7',
      '3',
      '2025-09-12',
      '57.12%',
    ]);
  });

  it('leaves no long float in the HTML list, keeps the exact value in the tooltip and in the JSON', () => {
    const note: MarketNote = {
      asOf: '2025-12-11',
      headline: 'Small caps',
      lede: { runs: ['Small caps lead.'] },
      story: 'into_small_caps',
      sections: [],
      charts: [],
      figures,
      fingerprint: 'abc',
      rows: 1,
      demo: false,
    };
    const html = renderHtml(note);
    const list = html.slice(html.indexOf('<ol>'), html.indexOf('</ol>'));
    const shown = list.replace(/title="[^"]*"/g, '');
    expect(shown).not.toMatch(/\d\.\d{5,}/);
    expect(list).toContain(
      'value <span class="fig-value" title="exact value 0.056134497283757856">5.6 pp in favour of SPSM</span>',
    );
    expect(noteJson(note).figures.find((f) => f.id === 'ratio')?.value).toBe(0.056134497283757856);
  });
});
