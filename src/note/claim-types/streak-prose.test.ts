// Streaks told in prose (group A of the sixth batch): the streak's newest day ("its second day of gains",
// "the seventh loss in a row", "up for a fourth day running"), a count with "in a row", the close that ends
// one ("the first down day in six" ended 5 gains; "fell after 13 consecutive gains"). The readings are the
// sentences' own (direction, ongoing or ending, length); verdicts on the real data are in the dev corpus.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/universe-config.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { extractClaims, resolverFromConfig } from '../claims/extract-claims.js';

const resolver = resolverFromConfig(defaultConfig());
const streaks = (text: string) =>
  extractClaims(text, resolver, { noteDate: parseIsoDate('2025-12-11') })
    .filter((c) => c.metric === 'streak')
    .map((c) => (c.metric === 'streak' ? [c.symbol, c.direction, c.phase, c.length] : []));

describe('streaks in prose', () => {
  it.each([
    ['IWM rose 1.17%, its fourth day of gains.', ['IWM', 'winning', 'ongoing', 4]],
    ['Nvidia fell 1.55%, a third straight session of losses.', ['NVDA', 'losing', 'ongoing', 3]],
    ['Nvidia slid again, the seventh loss in a row.', ['NVDA', 'losing', 'ongoing', 7]],
    ['IWM notched the 13th gain in a row.', ['IWM', 'winning', 'ongoing', 13]],
    ["NVDA's third consecutive decline weighed.", ['NVDA', 'losing', 'ongoing', 3]],
    ['The Russell 2000 fund IWM was up for a fourth day running.', ['IWM', 'winning', 'ongoing', 4]],
    ['The VIX fell for a second day.', ['^VIX', 'losing', 'ongoing', 2]],
    ['SPY closed lower for the 2nd straight session.', ['SPY', 'losing', 'ongoing', 2]],
    ['XLU has fallen five sessions in a row.', ['XLU', 'losing', 'ongoing', 5]],
    ['IWM has gained in four sessions in a row.', ['IWM', 'winning', 'ongoing', 4]],
    ['XLK slipped 0.51% after 13 consecutive gains.', ['XLK', 'winning', 'ending', 13]],
    ['XLK fell following a 13-day winning streak.', ['XLK', 'winning', 'ending', 13]],
    ['XLU rose after five sessions of losses.', ['XLU', 'losing', 'ending', 5]],
    ['ORCL dropped 10.83%, the first down day in eight.', ['ORCL', 'winning', 'ending', 7]],
    ['XLU posted its first gain in seven sessions.', ['XLU', 'losing', 'ending', 6]],
    ['XLK closed lower for the first time in 14 sessions.', ['XLK', 'winning', 'ending', 13]],
    ['XLK snapped a streak of 13 gains.', ['XLK', 'winning', 'ending', 13]],
    ['QQQ fell 0.32%, ending a two-day run of gains.', ['QQQ', 'winning', 'ending', 2]],
    // Eighth blind batch's kinds (dev corpus dev-sentences-b8b.txt): a figure between the verb and the streak,
    // an ordinal without an article, the subject before "for a Nth straight session" and the move after it.
    ['Nvidia fell 1.55% for a third straight day.', ['NVDA', 'losing', 'ongoing', 3]],
    ['$NVDA -1.55%, third loss in a row', ['NVDA', 'losing', 'ongoing', 3]],
    ['Nvidia dropped 1.55%, making it three losses in a row.', ['NVDA', 'losing', 'ongoing', 3]],
    // Ninth blind batch's kinds (dev corpus dev-sentences-b9b.txt): "an" before the ordinal, an ordinal day in
    // parentheses, a count with "in a row" before its direction, "snapped N up days" (the close ended them).
    ['Oracle rose 1.26% for an eighth straight session.', ['ORCL', 'winning', 'ongoing', 8]],
    ['SPY -0.38% (4th down day); MTD +2.82%.', ['SPY', 'losing', 'ongoing', 4]],
    ['SPY -0.30% (3 down days), Jan +1.47%; QQQ -0.60%.', ['SPY', 'losing', 'ongoing', 3]],
    ['NVDA -1.64% (5th straight loss), ORCL -2.58%.', ['NVDA', 'losing', 'ongoing', 5]],
    ['$MSFT record close again. 7 days in a row up', ['MSFT', 'winning', 'ongoing', 7]],
    ['$XLU -0.07%, snapped 6 up days', ['XLU', 'winning', 'ending', 6]],
    ['$AAPL +2.37% today, snapped 4 red days', ['AAPL', 'losing', 'ending', 4]],
    ['XLP was rising for a third straight session.', ['XLP', 'winning', 'ongoing', 3]],
    ['MAGS fell 0.74%, ending a two-session gain.', ['MAGS', 'winning', 'ending', 2]],
    ['XLK -0.51% d/d (13-day win streak over), +5.00% QTD.', ['XLK', 'winning', 'ending', 13]],
    ['XLU -1.34%; XLK +0.70%, 12th straight up.', ['XLK', 'winning', 'ongoing', 12]],
    ['Oracle has fallen in five straight sessions.', ['ORCL', 'losing', 'ongoing', 5]],
    // One streak told twice in a sentence is one claim.
    [
      'Microsoft slipped for an eighth straight session, its longest losing run in years.',
      ['MSFT', 'losing', 'ongoing', 8],
    ],
    ['Apple Inc., for a third straight session, closed lower.', ['AAPL', 'losing', 'ongoing', 3]],
    ['Meta for a fourth straight session gained ground.', ['META', 'winning', 'ongoing', 4]],
    // Shorthand: a bare count of up or down days, the count after "up", the days before "up".
    ['$IWM 4 up days', ['IWM', 'winning', 'ongoing', 4]],
    ['$NVDA 3 red days', ['NVDA', 'losing', 'ongoing', 3]],
    ['$IWM up 4 straight', ['IWM', 'winning', 'ongoing', 4]],
    ['$IWM up 4 in a row', ['IWM', 'winning', 'ongoing', 4]],
    ['$NVDA 3 days down', ['NVDA', 'losing', 'ongoing', 3]],
    // A run named by its noun ("slide", "skid", "rally", a bare "run" is gains), and an end without an article.
    ['Meta rose 1%, ending a three-day slide.', ['META', 'losing', 'ending', 3]],
    ['Meta rose, snapping a three-session skid.', ['META', 'losing', 'ending', 3]],
    ['XLK extends its five-day climb.', ['XLK', 'winning', 'ongoing', 5]],
    ['$XLK red after a 13 day run', ['XLK', 'winning', 'ending', 13]],
    ['XLK: first down day after a 13-day run', ['XLK', 'winning', 'ending', 13]],
    ['Meta posted its first gain following a three-day slide.', ['META', 'losing', 'ending', 3]],
    ['$XLK -0.51% after 13 up days', ['XLK', 'winning', 'ending', 13]],
    ['$XLK breaks 13-day winning streak', ['XLK', 'winning', 'ending', 13]],
    ['XLK fell, breaking what had been a 13-day winning streak.', ['XLK', 'winning', 'ending', 13]],
    ['$ORCL -10.8%, 7 day win streak over', ['ORCL', 'winning', 'ending', 7]],
    // Tenth blind batch's kinds (dev corpus dev-sentences-b10b.txt): a run without an article, over after it.
    ['$AAPL streak of 7 up days is over.', ['AAPL', 'winning', 'ending', 7]],
    ['$AAPL -3.74% after the tariff comments, streak of 8 up days is over', ['AAPL', 'winning', 'ending', 8]],
    ['$TSLA broke a 4 day losing streak today.', ['TSLA', 'losing', 'ending', 4]],
    ['$NVDA red 3 days straight.', ['NVDA', 'losing', 'ongoing', 3]],
  ])('%s', (text, want) => {
    expect(streaks(text)).toEqual([want]);
  });

  it.each([
    // A desk's streak list: each name's count, with its own direction word or the one of the item before it.
    [
      'Streaks: SPY 4 up days, XLF 5, VIX 4 down days.',
      [
        ['SPY', 'winning', 'ongoing', 4],
        ['XLF', 'winning', 'ongoing', 5],
        ['^VIX', 'losing', 'ongoing', 4],
      ],
    ],
    [
      'Losing streaks: XLC 5, AAPL 3.',
      [
        ['XLC', 'losing', 'ongoing', 5],
        ['AAPL', 'losing', 'ongoing', 3],
      ],
    ],
    // A bare "N straight" after a name takes the direction of the streak told before it, or of the name's move.
    [
      'XLRE +1.61%, 4 straight gains; XLC 5 straight.',
      [
        ['XLRE', 'winning', 'ongoing', 4],
        ['XLC', 'winning', 'ongoing', 5],
      ],
    ],
    ['XLV -0.40%, 3 straight.', [['XLV', 'losing', 'ongoing', 3]]],
  ])('%s', (text, want) => {
    expect(streaks(text)).toEqual(want);
  });

  it('reads no streak where none is told', () => {
    // A move the same way as the run before it extends that run, it ends nothing; weeks are not sessions.
    expect(streaks('XLK rose 0.2% after 12 consecutive gains.')).toEqual([]);
    expect(streaks('XLU posted its first gain in three weeks.')).toEqual([]);
    expect(streaks('SPY rose for the second time this week.')).toEqual([]);
    expect(streaks('IWM rose for a second day of the week.')).toEqual([]);
    // A tally of days is no streak: bounded by a period, after "had", or counted both ways.
    expect(streaks('IWM had 3 red days this week.')).toEqual([]);
    expect(streaks('IWM: 4 up days out of 5.')).toEqual([]);
    expect(streaks('In the past five sessions, SPY had 3 up days and 2 down days.')).toEqual([]);
    expect(streaks('Two down days later, SPY recovered.')).toEqual([]);
    expect(streaks('IWM 3 days up 2%.')).toEqual([]);
    expect(streaks('SPY up 3 straight weeks.')).toEqual([]);
    // A run the move extends is not ended ("rose after a three-day rally").
    expect(streaks('XLK rose 0.2% after a three-day rally.')).toEqual([]);
    expect(streaks('XLK: first up day after a 13-day run.')).toEqual([]);
    // A list label needs counts after the names; "N straight" with no streak or move to take a direction from is not read.
    expect(streaks('Streaks: none worth noting today.')).toEqual([]);
    expect(streaks('XLC 5 straight.')).toEqual([]);
  });
});
