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
    // Ninth blind batch's kinds (dev corpus dev-sentences-b9b.txt): VIX levels in their forms, a distance "shy of",
    // "off the high", "under its own" (after a record named), a dated record close, and records told alone.
    ['The Cboe Volatility Index collapsed 35.75% to 33.62.', [['level', '^VIX', 33.62]]],
    ['The VIX fell for a fifth day, down 6.16% to 24.84.', [['level', '^VIX', 24.84]]],
    ['The VIX rose for a fifth day in a row to 16.65.', [['level', '^VIX', 16.65]]],
    ['The VIX is still at 33.62, a level that says a lot.', [['level', '^VIX', 33.62]]],
    ['$VIX back down to 21.77, -14.04% today', [['level', '^VIX', 21.77]]],
    ['$VIX down 5 days running, 24.84', [['level', '^VIX', 24.84]]],
    ['$VIX up 5 days straight but still only 16.63', [['level', '^VIX', 16.63]]],
    [
      'SPY +0.83% to a record 735.7; QQQ +2.83%.',
      [
        ['new_high', 'SPY'],
        ['level', 'SPY', 735.7],
      ],
    ],
    ['Apple closed 0.92% shy of its December 2024 record.', [['below_high', 'AAPL']]],
    ['AAPL -1.69%, 12.58% below record.', [['below_high', 'AAPL']]],
    ["SPY -1.32%, 0.50% below Monday's record.", [['below_high', 'SPY']]],
    ['$NVDA +3.12% today, 12.99% below the May ATH', [['below_high', 'NVDA']]],
    ['The VIX fell for a fifth day, down 1.63% at 16.32.', [['level', '^VIX', 16.32]]],
    [
      '$IWM 255.87 new closing high',
      [
        ['level', 'IWM', 255.87],
        ['new_high', 'IWM'],
      ],
    ],
    ['$SPY only 0.79% off the high, relax', [['below_high', 'SPY']]],
    [
      'SPY is 1.96% below its February record, and QQQ sits 2.32% under its own.',
      [
        ['below_high', 'SPY'],
        ['below_high', 'QQQ'],
      ],
    ],
    ['QQQ sits 2.32% under its own moving average.', []],
    ['The rebound left SPY 8.18% below its February 19 record close.', [['below_high', 'SPY']]],
    ['$META +7.94% on earnings. ATH. Zuck cooked', [['new_high', 'META']]],
    ['$XLI all time high while everyone debates recession', [['new_high', 'XLI']]],
    ['XLV has risen 8.44% in a month and hit a record this week.', [['new_high', 'XLV']]],
    ['XLF notched another record: it rose 0.26% and closed at an all-time high.', [['new_high', 'XLF']]],
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
    // Tenth blind batch's kinds (dev corpus dev-sentences-b10b.txt), in sentences of our own: a distance "off high"
    // without an article, "a record of its own", a record first in a parenthesised list, a record list that ends at
    // its semicolon, a record close named as the start of a period, levels after an "-ing" move, in parentheses
    // after a signed move, after "closed the year at", after "x% higher in <Month> at", and before an emoji.
    ['XLE -0.65%, XLK +0.12%; XLK 0.59% off high.', [['below_high', 'XLK']]],
    ['Alphabet (GOOGL) jumped 0.55% to a record of its own.', [['new_high', 'GOOGL']]],
    [
      'QQQ +0.44% to 581.28 (record, 8 up days in a row); SPY -0.03%.',
      [
        ['level', 'QQQ', 581.28],
        ['new_high', 'QQQ'],
      ],
    ],
    [
      'Records: AAPL, XLK; MSFT 6 straight up sessions.',
      [
        ['new_high', 'AAPL'],
        ['new_high', 'XLK'],
      ],
    ],
    ['SPY has slipped 0.70% since its Jan. 27 record close.', []],
    ['Stocks fell, with the SPDR S&P 500 ETF (SPY) dropping 1.71% to 589.84.', [['level', 'SPY', 589.84]]],
    ['SPY -1.71% (600.11), QQQ -2.81%.', [['level', 'SPY', 600.11]]],
    ['The Russell 2000 closed the year at 2481.91.', [['level', '^RUT', 2481.91]]],
    ['The VIX is 0.55% higher in October at 16.37.', [['level', '^VIX', 16.37]]],
    ['$VIX 15.66 👀 up 16.28% today', [['level', '^VIX', 15.66]]],
    ['The Russell 2000 closed above 2,500 for the first time, at 2,512.34.', [['level', '^RUT', 2512.34]]],
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
