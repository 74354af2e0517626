// Records and levels told the way the eighth blind batch tells them (its kinds, in sentences of our own): a list
// after a "Records:" label, a second subject's "hit a record of 54.21", a post's last word "record" or "all time
// high", and a level after its move ("+1.17% to 255.87", "dropped to 14.85", "back to 14.85", "ATH 255.87",
// "record close 255.87", "an all-time high of 255.87", "$IWM +1.17%, 255.87"). Readings are the sentences' own;
// verdicts on the real data are in the dev corpus (dev-sentences-b8b.txt).
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/universe-config.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { extractClaims, resolverFromConfig } from '../claims/extract-claims.js';

const resolver = resolverFromConfig(defaultConfig());
const read = (text: string) =>
  extractClaims(text, resolver, { noteDate: parseIsoDate('2025-12-11') })
    .filter((c) => c.metric === 'ath' || c.metric === 'level')
    .map((c) => (c.metric === 'level' ? ['level', c.symbol, c.value] : c.metric === 'ath' ? [c.kind, c.symbol] : []));

describe('records and levels', () => {
  it.each([
    [
      'Records: IWM, XLF, XLI, SPY.',
      [
        ['new_high', 'IWM'],
        ['new_high', 'XLF'],
        ['new_high', 'XLI'],
        ['new_high', 'SPY'],
      ],
    ],
    [
      'New highs: XLF and XLI',
      [
        ['new_high', 'XLF'],
        ['new_high', 'XLI'],
      ],
    ],
    [
      'SPY rose 0.2%, while XLF hit a record of 54.21.',
      [
        ['new_high', 'XLF'],
        ['level', 'XLF', 54.21],
      ],
    ],
    ['$IWM +1.17% record', [['new_high', 'IWM']]],
    [
      '$IWM 255.87, all time high',
      [
        ['level', 'IWM', 255.87],
        ['new_high', 'IWM'],
      ],
    ],
    ['$IWM +1.17% to 255.87', [['level', 'IWM', 255.87]]],
    ['The VIX dropped to 14.85.', [['level', '^VIX', 14.85]]],
    ['The VIX fell back to 14.85.', [['level', '^VIX', 14.85]]],
    ['VIX back to 14.85', [['level', '^VIX', 14.85]]],
    [
      '$IWM ATH 255.87',
      [
        ['new_high', 'IWM'],
        ['level', 'IWM', 255.87],
      ],
    ],
    [
      'IWM record close 255.87.',
      [
        ['new_high', 'IWM'],
        ['level', 'IWM', 255.87],
      ],
    ],
    [
      'IWM set an all-time high of 255.87.',
      [
        ['new_high', 'IWM'],
        ['level', 'IWM', 255.87],
      ],
    ],
    ['$VIX -5.83%, 14.85', [['level', '^VIX', 14.85]]],
    ['The VIX fell a second day, to 14.85.', [['level', '^VIX', 14.85]]],
    ['$VIX down 5.8%, 14.85 close', [['level', '^VIX', 14.85]]],
    ['Russell 2000 index +1.21%, 2,590.61', [['level', '^RUT', 2590.61]]],
    [
      'SPY ATH again at 683.51',
      [
        ['new_high', 'SPY'],
        ['level', 'SPY', 683.51],
      ],
    ],
  ])('%s', (text, want) => {
    expect(read(text)).toEqual(want);
  });

  it('reads no record or level where none is told', () => {
    // "a record of" a sum in billions is no close; a volume is no record close; a forecast's level is no close.
    expect(read("Oracle's revenue hit a record of 16.1 billion.")).toEqual([]);
    expect(read('SPY +0.2% on record volume.')).toEqual([]);
    expect(read('The VIX could drop to 12.50 by Friday.')).toEqual([]);
  });
});
