// The period of a figure (blind batch 9's largest kind of miss, engineer A): month and quarter words that are not
// "MTD" ("ended July up 7.26%", "its August gain", "a 16.32% monthly advance", "finished the quarter 19.05% lower"),
// a move noun with its period before "to" ("its gain for the week to 7.98%"), a label heading a line ("July by
// sector:", "Q3:", "Jan +1.47%"), a signed figure its period follows ("still -17.83% on the week"), "to close the
// quarter" (the day's move), "in a month" (1m), a "Q3" column, and an aside between a subject's two moves. The
// expected figures are the sentences' own words and the periods follow the corpus convention of batches 7-9 (a
// month or quarter named is MTD/QTD in a note of that month or quarter); worked by hand, no data needed.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/universe-config.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { extractClaims, resolverFromConfig } from './extract-claims.js';
import { findPeriods } from './period-phrases.js';
import { otherPeriod } from './return-claims.js';
import { withoutMoveAsides } from './subject-finder.js';
import { tableColumns } from './table-columns.js';

const resolver = resolverFromConfig(defaultConfig());
/** Read as a note of Thursday 2025-07-31 (the last session of July, in the third quarter). */
const read = (text: string, date = '2025-07-31') =>
  extractClaims(text, resolver, { noteDate: parseIsoDate(date) })
    .filter((c) => c.metric === 'return')
    .map((c) => [c.symbol, c.metric === 'return' ? c.period : null, c.metric === 'return' ? c.value : null]);
const periods = (text: string) => findPeriods(text).map((p) => [p.period, text.slice(p.start, p.end)]);

describe('period words that are not "MTD"', () => {
  it('finds a closed month or quarter, a period adjective and "on the month"', () => {
    expect(periods('MSFT ended July up 7.26%')).toEqual([['other', 'ended July']]);
    expect(periods('NVDA ended the month up 8.53%')).toEqual([['mtd', 'ended the month']]);
    expect(periods('QQQ finished the quarter 5.93% lower')).toEqual([['qtd', 'finished the quarter']]);
    expect(periods('capping a 16.32% monthly advance')).toEqual([['mtd', 'monthly']]);
    expect(periods('its worst quarterly performance in years')).toEqual([]);
    expect(periods('still -5.28% on the month')).toEqual([['mtd', 'on the month']]);
    expect(periods('lifting its August gain to 10.95%')).toEqual([['other', 'August']]);
    // "may" is a modal, not May
    expect(periods('stocks may gain more')).toEqual([]);
    expect(periods('XLV has risen 8.44% in a month')).toEqual([['1m', 'in a month']]);
  });

  it('reads "+3.99% to close the quarter" as the day, but not when a figure follows in the clause', () => {
    expect(periods('SPY +3.99% to close the quarter')).toEqual([['1d', 'to close the quarter']]);
    expect(periods('SPY rose 1% to end the quarter up 10%')).toEqual([]);
  });

  it('reads month abbreviations against the note date', () => {
    const jul31 = parseIsoDate('2025-07-31');
    expect(otherPeriod('Jul', jul31)).toBe('mtd');
    expect(otherPeriod('ended Jul.', jul31)).toBe('mtd');
    expect(otherPeriod('Jun', jul31)).toBeNull();
    expect(otherPeriod('Q3', jul31)).toBe('qtd');
    expect(otherPeriod('Q1', jul31)).toBeNull();
  });

  it('gives each figure of a compound sentence its own period', () => {
    expect(read('Microsoft (MSFT) ended July up 7.26%, and Meta is up 32.32% this year.')).toEqual([
      ['MSFT', 'mtd', 0.0726],
      ['META', 'ytd', 0.3232],
    ]);
    expect(read('The SPDR S&P 500 ETF (SPY) fell 0.38%, trimming its July gain to 1.30%.')).toEqual([
      ['SPY', '1d', -0.0038],
      ['SPY', 'mtd', 0.013],
    ]);
    expect(read('The Invesco QQQ Trust (QQQ) rose 3.39% but ended the quarter down 5.93%.')).toEqual([
      ['QQQ', '1d', 0.0339],
      ['QQQ', 'qtd', -0.0593],
    ]);
    expect(read('XLV has risen 8.44% in a month and hit a record this week.')).toEqual([['XLV', '1m', 0.0844]]);
  });
});

describe('a closed period belongs to its own verb (isClosedPeriod)', () => {
  it('is not carried to another name after it, nor read where no figure follows it', () => {
    expect(read('Nvidia (NVDA) ended the month up 8.53%, while Netflix (NFLX) rose 2.7%.')).toEqual([
      ['NVDA', 'mtd', 0.0853],
      ['NFLX', '1d', 0.027],
    ]);
    expect(read('Wall Street ended July on a soft note, with the SPDR S&P 500 ETF (SPY) down 0.86%.')).toEqual([
      ['SPY', '1d', -0.0086],
    ]);
    // a figure sharing the verb shares the period
    expect(read('SPY ended the month up 2.1% and QQQ 3.4%.')).toEqual([
      ['SPY', 'mtd', 0.021],
      ['QQQ', 'mtd', 0.034],
    ]);
  });
});

describe('a figure sharing the verb after a longer name', () => {
  it('reads "and the Roundhill MAGS fund 14.62%" as a continuation of the move before it', () => {
    expect(read('Since the July 29 close, QQQ has gained 1.2%, and the Roundhill MAGS fund 1.5%.')).toEqual([
      ['QQQ', null, 0.012],
      ['MAGS', null, 0.015],
    ]);
  });
});

describe('a second figure of the same subject', () => {
  it('shares the verb across a period phrase ("24.56% over six months and 19.6% over the past year")', () => {
    expect(read('MAGS is still up 24.56% over six months and 19.6% over the past year.')).toEqual([
      ['MAGS', '6m', 0.2456],
      ['MAGS', '1y', 0.196],
    ]);
  });

  it('keeps the subject across a phrase on the first move before "and is" (no verb of its own)', () => {
    expect(read('Nvidia (NVDA) rebounded 2.25% after three straight losses and is up 8.10% this quarter.')).toEqual([
      ['NVDA', '1d', 0.0225],
      ['NVDA', 'qtd', 0.081],
    ]);
    // with a verb of its own the phrase has its own subject (an unknown one: no claim for it)
    expect(read('SPY rose 1% after mid caps fell and are up 3% this week.')).toEqual([['SPY', '1d', 0.01]]);
    // ... and a known one has its claim: "small caps" is read as IWM (the config's readAs)
    expect(read('SPY rose 1% after small caps fell and are up 3% this week.')).toEqual([
      ['SPY', '1d', 0.01],
      ['IWM', 'wtd', 0.03],
    ]);
  });
});

describe('a label right after a figure, once the run opened with the day (GLUED_LABEL)', () => {
  it("leaves the next name's bare signed figure the day's move, in the sentence and the next", () => {
    expect(read('QQQ -1.39% d/d, -5.26% YTD; IWM -0.31%, now +0.12% YTD.')).toEqual([
      ['QQQ', '1d', -0.0139],
      ['QQQ', 'ytd', -0.0526],
      ['IWM', '1d', -0.0031],
      ['IWM', 'ytd', 0.0012],
    ]);
    expect(read('XLE -1.76% today, +4.04% QTD. $XLU -2.38%')).toEqual([
      ['XLE', '1d', -0.0176],
      ['XLE', 'qtd', 0.0404],
      ['XLU', '1d', -0.0238],
    ]);
  });

  it('is shared when no day opened the run (a comparison of two names over one period)', () => {
    expect(read('$IWM +22.05% YTD vs $SPY +10.18%')).toEqual([
      ['IWM', 'ytd', 0.2205],
      ['SPY', 'ytd', 0.1018],
    ]);
    expect(read('IJR +2.97% over the past five sessions; IWM +2.37%.')).toEqual([
      ['IJR', '5d', 0.0297],
      ['IWM', '5d', 0.0237],
    ]);
  });
});

describe("periods that are another phrase's", () => {
  it('reads "last week\'s record" and "its record from last week" as no period of a move', () => {
    expect(periods("sits 7.9% below last week's record")).toEqual([]);
    expect(periods('still 6.81% below its record from last week')).toEqual([]);
    expect(periods('SPY fell 1% last week')).toEqual([['lastweek', 'last week']]);
    // "ended the week" is the week only with its figure after it
    expect(periods('stocks ended the week firmer, with SPY up 0.63%')).toEqual([]);
    expect(periods('SPY ended the week 1.5% lower')).toEqual([['wtd', 'ended the week']]);
  });

  it('keeps a figure in a relative clause out of the period after the clause', () => {
    expect(read('IWM, which rose 0.88%, has now gained 6.64% this year.')).toEqual([
      ['IWM', '1d', 0.0088],
      ['IWM', 'ytd', 0.0664],
    ]);
  });

  it('reads "since the evening of Oct. 29" and "since its Nov. 20 report" as since that day', () => {
    const dec11 = '2025-12-11';
    const since = (text: string) =>
      extractClaims(text, resolver, { noteDate: parseIsoDate(dec11) }).map((c) =>
        c.metric === 'return' ? [c.symbol, c.sinceDay ?? c.period, c.value] : null,
      );
    expect(since('Since the evening of Oct. 29, XLK has dropped 10.52% and QQQ 8.63%.')).toEqual([
      ['XLK', '2025-10-29', -0.1052],
      ['QQQ', '2025-10-29', -0.0863],
    ]);
    expect(since('NVDA has risen 3.55% since its Nov. 20 earnings report.')).toEqual([['NVDA', '2025-11-20', 0.0355]]);
  });

  it('reads a distance from "Monday\'s record", "record" or "the May ATH" as no return', () => {
    expect(read("SPY -1.32% to 709.75, 0.50% below Monday's record.")).toEqual([['SPY', '1d', -0.0132]]);
    expect(read('$NVDA +3.12% today, 12.99% below the May ATH')).toEqual([['NVDA', '1d', 0.0312]]);
  });
});

describe('lists, causes and social days', () => {
  it('pairs a list with the names of its own clause, after a colon', () => {
    expect(read('Small caps have trailed the S&P 500 ETF this month: IWM is down 8.25%, SPY 4.33%.')).toEqual([
      ['IWM', 'mtd', -0.0825],
      ['SPY', 'mtd', -0.0433],
    ]);
  });

  it('reads a move caused in a name ("lifting SPY 1.03%", "dragged QQQ 1.2% lower")', () => {
    expect(read('Stocks rallied after the jobs report, lifting the SPDR S&P 500 ETF (SPY) 1.03% to a high.')).toEqual([
      ['SPY', '1d', 0.0103],
    ]);
    expect(read('A slide in chipmakers dragged the Invesco QQQ Trust (QQQ) 1.2% lower.')).toEqual([
      ['QQQ', '1d', -0.012],
    ]);
  });

  it('reads "a +6.22% day" and a post\'s later sentence without a name', () => {
    expect(read('$TSLA snapped its 3 day losing streak with a +6.22% day')).toEqual([['TSLA', '1d', 0.0622]]);
    expect(read('$AAPL ANOTHER record close. 3 green days in a row, +15.34% in July alone')).toEqual([
      ['AAPL', 'mtd', 0.1534],
    ]);
  });

  it('reads "Alphabet a remarkable 78.75%" as the company, not its class A', () => {
    expect(read('SPY is up 17.49% this year, QQQ 19.60%, and Alphabet a remarkable 78.75%.')).toEqual([
      ['SPY', 'ytd', 0.1749],
      ['QQQ', 'ytd', 0.196],
      ['GOOGL', 'ytd', 0.7875],
    ]);
  });
});

describe('a move noun with its period before "to" (MOVE_NOUN_PERIOD_BEFORE)', () => {
  it('gives the period to the figure after the noun, and leaves the day to the move before it', () => {
    expect(read('Nvidia (NVDA) surged 3.33% to take its gain for the week to 7.98%.')).toEqual([
      ['NVDA', '1d', 0.0333],
      ['NVDA', 'wtd', 0.0798],
    ]);
    // since the start of July (June 30's close) is also the quarter's base: QTD
    expect(read('Apple (AAPL) rose 2.05% to a record, taking its gain since the start of July to 8.10%.')).toEqual([
      ['AAPL', '1d', 0.0205],
      ['AAPL', 'qtd', 0.081],
    ]);
  });
});

describe('labels heading a line or a figure (LEADING_LABEL, INLINE_LABEL)', () => {
  it('reads "<Month> by sector:", "Q3:", "Day:" and "<Month> in one paragraph:" for every figure after them', () => {
    expect(read('July by sector: XLK +3.76%, XLU +3.60%, XLV -3.23%.')).toEqual([
      ['XLK', 'mtd', 0.0376],
      ['XLU', 'mtd', 0.036],
      ['XLV', 'mtd', -0.0323],
    ]);
    expect(read('SPY -0.60%, QQQ -1.43%. Q3: SPY +2.05%, QQQ +0.95%.')).toEqual([
      ['SPY', '1d', -0.006],
      ['QQQ', '1d', -0.0143],
      ['SPY', 'qtd', 0.0205],
      ['QQQ', 'qtd', 0.0095],
    ]);
    expect(read('July in one paragraph: SPY up 2.38%, QQQ up 5.55%.')).toEqual([
      ['SPY', 'mtd', 0.0238],
      ['QQQ', 'mtd', 0.0555],
    ]);
    expect(read('Week: SPY +1.20%, IWM -0.40%.')).toEqual([
      ['SPY', 'wtd', 0.012],
      ['IWM', 'wtd', -0.004],
    ]);
  });

  it('reads a month right before a signed figure as its label, not as the period of the figure before', () => {
    expect(read('SPY -0.30% (3 down days), Jul +1.47%; QQQ -0.60%, Jul +1.23%.')).toEqual([
      ['SPY', '1d', -0.003],
      ['SPY', 'mtd', 0.0147],
      ['QQQ', '1d', -0.006],
      ['QQQ', 'mtd', 0.0123],
    ]);
  });

  it("does not carry a line's label into the next line", () => {
    expect(read('July: SPY +2.05%\nQQQ -0.40%')).toEqual([
      ['SPY', 'mtd', 0.0205],
      ['QQQ', '1d', -0.004],
    ]);
  });
});

describe('a signed figure its period follows', () => {
  it('is a move of the name that opens the post or line', () => {
    expect(read("$SPY +1.56% today and everyone's a genius again. still -5.28% on the month lol")).toEqual([
      ['SPY', '1d', 0.0156],
      ['SPY', 'mtd', -0.0528],
    ]);
    expect(read("TSLA +3.67% after Thursday's rout; still -17.83% on the week.")).toEqual([
      ['TSLA', '1d', 0.0367],
      ['TSLA', 'wtd', -0.1783],
    ]);
    expect(read('$SPY +3.99% to close the quarter but -4.37% for Q3. good riddance')).toEqual([
      ['SPY', '1d', 0.0399],
      ['SPY', 'qtd', -0.0437],
    ]);
    expect(read('$MSFT ATH and +27.06% YTD')).toEqual([['MSFT', 'ytd', 0.2706]]);
  });
});

describe('asides between a subject and its next move (withoutMoveAsides)', () => {
  it('removes asides that describe the move, not a clause with a subject of its own', () => {
    expect(withoutMoveAsides(', ending a five-session slide, and is now').trim()).toBe(', and is now');
    expect(withoutMoveAsides(' to a record close, its eighth straight gain, and finished').trim()).toBe(
      ', and finished',
    );
    expect(withoutMoveAsides(', capping a').trim()).toBe('');
    // a clause of its own keeps its words (so the subject is not carried)
    expect(withoutMoveAsides(', while small caps').trim()).toBe(', while small caps');
  });

  it('keeps the subject across the aside', () => {
    expect(read('Microsoft (MSFT) advanced 8.06%, ending a five-session slide, and is now up 4.02% in July.')).toEqual([
      ['MSFT', '1d', 0.0806],
      ['MSFT', 'mtd', 0.0402],
    ]);
    expect(read('Oracle (ORCL) rose 1.26%, capping a 16.32% monthly advance.')).toEqual([
      ['ORCL', '1d', 0.0126],
      ['ORCL', 'mtd', 0.1632],
    ]);
    expect(
      read('The SPDR S&P 500 ETF (SPY) gained 0.32%, a second straight advance, and ended the week 0.65% higher.'),
    ).toEqual([
      ['SPY', '1d', 0.0032],
      ['SPY', 'wtd', 0.0065],
    ]);
  });
});

describe('a quarter or a month as a column header (CALENDAR_COLUMN)', () => {
  it('is QTD or MTD in a note of that quarter or month, else a period not computed', () => {
    const jul31 = parseIsoDate('2025-07-31');
    const cols = tableColumns('| Ticker | Close | Q3 | Jul % | Q1 |', jul31);
    expect(cols?.map((c) => (c.kind === 'return' ? c.period : c.kind))).toEqual(['name', 'level', 'qtd', 'mtd', null]);
    expect(read('| Ticker | Q3 |\n|:--|--:|\n| SPY | -4.37% |')).toEqual([['SPY', 'qtd', -0.0437]]);
  });
});
