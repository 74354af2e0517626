// Blind batch 10's kinds that checker engineer A took on (/work/checker-b10-kinds.md, sections 1, 2, 3, 5 and 7):
// tables headed by dates and period names, a Treasury table of tenors with moves in bp, a streaks table, a short
// row of a tab-separated rates block; a period carried by a label before a list or by the sentence before; two
// periods in one sentence; periods without the usual keywords; "since <event>". The expected claims are the
// sentences' own figures, with the periods of the corpus convention (a month, quarter or year named in a note of that
// month, quarter or year is its MTD, QTD or YTD); worked by hand, no data needed.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/universe-config.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import type { Claim } from './claim.js';
import { extractClaims, resolverFromConfig } from './extract-claims.js';
import { findPeriods } from './period-phrases.js';
import { labelsNextClause } from './return-claims.js';
import { streakTitle, tableColumns } from './table-columns.js';

const resolver = resolverFromConfig(defaultConfig());
const all = (text: string, date: string) => extractClaims(text, resolver, { noteDate: parseIsoDate(date) });
/** One short line per claim: metric, symbol and what it says. */
function show(c: Claim): string {
  const o = c as unknown as Record<string, unknown>;
  const said = ['period', 'value', 'kind', 'distance', 'direction', 'length', 'bp', 'sinceDay']
    .filter((k) => o[k] !== undefined && o[k] !== null)
    .map((k) => String(o[k]));
  return [c.metric, c.symbol, ...said].join(' ');
}
const read = (text: string, date: string) => all(text, date).map(show);
const returns = (text: string, date: string) =>
  all(text, date)
    .filter((c) => c.metric === 'return')
    .map((c) => (c.metric === 'return' ? [c.symbol, c.period ?? c.sinceDay ?? null, c.value] : []));

describe('tables headed by dates and period names (section 1)', () => {
  it('reads a close column headed by the note day, a month, a quarter and the year as level, MTD, QTD and YTD', () => {
    const cols = tableColumns('| Fund | Dec 31 | Dec | Q4 | 2025 | % Off High |', parseIsoDate('2025-12-31'));
    expect(cols?.map((c) => (c.kind === 'return' ? c.period : c.kind))).toEqual([
      'name',
      'level',
      'mtd',
      'qtd',
      'ytd',
      'ath',
    ]);
    // Another day's closes are not the note's: the column is left out, never read as today's level.
    expect(tableColumns('| Fund | Dec 30 | 2025 |', parseIsoDate('2025-12-31'))?.map((c) => c.kind)).toEqual([
      'name',
      'skip',
      'return',
    ]);
    // A row of figures is still no header: its number cells are not years heading returns.
    expect(tableColumns('| SPY | 678.3 | 2025 |', parseIsoDate('2025-12-31'))).toBeNull();
    expect(
      read('| Fund | 31-Dec | Dec | 2025 |\n|:--|--:|--:|--:|\n| XLK | 145.06 | +0.75% | +24.61% |', '2025-12-31'),
    ).toEqual(['level XLK 145.06', 'return XLK mtd 0.0075', 'return XLK ytd 0.2461']);
  });

  it("reads a column of days as a streak's length when the title names the streaks' way (STREAK_TITLE)", () => {
    expect(streakTitle('Active winning streaks (sessions)')).toBe('winning');
    expect(streakTitle('Longest losing streaks')).toBe('losing');
    expect(streakTitle('Sector scoreboard')).toBeNull();
    expect(
      read('Active losing streaks\n| Ticker | Days | Last |\n|:--|--:|--:|\n| XLV | 3 | 133.87 |', '2025-08-15'),
    ).toEqual(['streak XLV losing 3', 'level XLV 133.87']);
    // Without a title naming a way, "Days" is not read: a count of days may be anything.
    expect(read('| Ticker | Days | Last |\n|:--|--:|--:|\n| XLV | 3 | 133.87 |', '2025-08-15')).toEqual([
      'level XLV 133.87',
    ]);
  });

  it("reads a tenor's row of whole signed moves under period columns as bp (BP_CELL)", () => {
    const table = [
      'Treasury yields (%), changes in basis points',
      '| Tenor | Yield | 1D | WTD | MTD | YTD |',
      '|:--|--:|--:|--:|--:|--:|',
      '| 10-year | 4.18 | -1 | -6 | -18 | -58 |',
      '| 2s10s spread | 55 | | | | |',
    ].join('\n');
    expect(read(table, '2025-11-26')).toEqual([
      'rate.level DGS10 4.18',
      'rate.change DGS10 1d -1',
      'rate.change DGS10 wtd -6',
      'rate.change DGS10 mtd -18',
      'rate.change DGS10 ytd -58',
      'rate.spread DGS10 55',
    ]);
  });

  it('reads a tab row that stops early with its last cells empty (SHORT_ROW)', () => {
    const block = 'Rates\tLevel\tChg 1D (bp)\tChg YTD (bp)\nUS 10Y\t4.69\t-6\t+48\n2s10s\t36';
    expect(read(block, '2026-07-24')).toEqual([
      'rate.level DGS10 4.69',
      'rate.change DGS10 1d -6',
      'rate.change DGS10 ytd 48',
      'rate.spread DGS10 36',
    ]);
  });
});

describe('a period carried by a label or by the sentence before (section 2)', () => {
  it('reads "Weekly:", "<year> total return:" heading a list as the week or the year so far', () => {
    expect(returns('Weekly: SPY +1.94%, QQQ +2.18%.', '2025-09-12')).toEqual([
      ['SPY', 'wtd', 0.0194],
      ['QQQ', 'wtd', 0.0218],
    ]);
    expect(returns('2025 total return: SPY +17.72%, IWM +12.66%.', '2025-12-31')).toEqual([
      ['SPY', 'ytd', 0.1772],
      ['IWM', 'ytd', 0.1266],
    ]);
    // Another year is a period not computed, never the day's move.
    expect(returns('2024 total return: SPY +24.89%.', '2025-12-31')).toEqual([['SPY', null, 0.2489]]);
  });

  it('keeps a label after a semicolon on the figures after it (LABEL_AFTER_BREAK)', () => {
    expect(labelsNextClause(' ; ')).toBe(true);
    expect(labelsNextClause(' ')).toBe(false);
    expect(labelsNextClause(', and ', true)).toBe(true);
    expect(labelsNextClause(', and ', false)).toBe(false);
    expect(returns('SPY -1.71%, IWM -2.03%; WTD SPY -1.60%, IWM -3.62%.', '2025-02-21')).toEqual([
      ['SPY', '1d', -0.0171],
      ['IWM', '1d', -0.0203],
      ['SPY', 'wtd', -0.016],
      ['IWM', 'wtd', -0.0362],
    ]);
  });

  it('reads a sentence that is only a period as the frame of the figures after it (FRAME_SENTENCE)', () => {
    expect(findPeriods('A wild week.').map((p) => p.period)).toEqual(['wtd']);
    expect(findPeriods('What a month!').map((p) => p.period)).toEqual(['mtd']);
    expect(findPeriods('Last week.').map((p) => p.period)).toEqual(['lastweek']);
    expect(returns('A rough week. QQQ fell 2.10%, while XLU rose 1.02%.', '2025-02-21')).toEqual([
      ['QQQ', 'wtd', -0.021],
      ['XLU', 'wtd', 0.0102],
    ]);
  });

  it('reads "returned" without a period as the period the note named last (RETURNED_CARRIES)', () => {
    const note = 'Our scorecard. SPY returned 17.72% this year.\nAmong sectors, XLK returned 24.61% and XLC 23.08%.';
    expect(returns(note, '2025-12-31')).toEqual([
      ['SPY', 'ytd', 0.1772],
      ['XLK', 'ytd', 0.2461],
      ['XLC', 'ytd', 0.2308],
    ]);
    // A day's verb is still the day's move.
    expect(returns('SPY returned 17.72% this year.\nXLK rose 0.61%.', '2025-12-31')).toEqual([
      ['SPY', 'ytd', 0.1772],
      ['XLK', '1d', 0.0061],
    ]);
  });
});

describe('two periods in one sentence (section 3)', () => {
  it('keeps a trailing period on its own clause when the next figure is the session move (TRAILING_PERIOD, DAY_MARKED)', () => {
    expect(
      returns(
        'GOOGL is up 65.99% for the year, while Tesla (TSLA) fell 1.04% for a sixth straight loss.',
        '2025-12-31',
      ),
    ).toEqual([
      ['GOOGL', 'ytd', 0.6599],
      ['TSLA', '1d', -0.0104],
    ]);
    expect(
      returns(
        'GOOGL has rallied 13.78% in November, while NVDA rose 0.87% and remains 12.18% lower this month.',
        '2025-11-26',
      ),
    ).toEqual([
      ['GOOGL', 'mtd', 0.1378],
      ['NVDA', '1d', 0.0087],
      ['NVDA', 'mtd', -0.1218],
    ]);
    // Without a mark of the session, the period is still shared (the convention of batches 4-9).
    expect(returns('SPY is up 0.85% for the month, while QQQ has gained 1.02%.', '2025-11-26')).toEqual([
      ['SPY', 'mtd', 0.0085],
      ['QQQ', 'mtd', 0.0102],
    ]);
  });

  it('reads a period opening the next clause as that clause’s (LABEL_AFTER_BREAK)', () => {
    expect(
      returns('Over six months, Oracle has climbed 55.36%, and over a year it is up 60.10%.', '2025-10-24'),
    ).toEqual([
      ['ORCL', '6m', 0.5536],
      ['ORCL', '1y', 0.601],
    ]);
  });

  it('reads the week in "in the holiday-shortened week" and the day in "on the year’s final session"', () => {
    expect(returns('SPY rose 0.09%, and is up 3.43% in the holiday-shortened week.', '2026-04-02')).toEqual([
      ['SPY', '1d', 0.0009],
      ['SPY', 'wtd', 0.0343],
    ]);
    expect(returns('SPY fell 0.74% on the year’s final session.', '2025-12-31')).toEqual([['SPY', '1d', -0.0074]]);
  });

  it('gives a closed year to the figure after it, not to the one before (a closed period is its own verb’s)', () => {
    expect(returns('Tesla (TSLA) fell 1.04% but still finished 2025 6.83% higher.', '2025-12-31')).toEqual([
      ['TSLA', '1d', -0.0104],
      ['TSLA', 'ytd', 0.0683],
    ]);
  });

  it('finds the subject after an aside on the first move and "but" (withoutMoveAsides)', () => {
    expect(
      returns('SPY slipped 0.03% to snap a four-day winning streak but gained 2.32% for the week.', '2025-09-12'),
    ).toEqual([
      ['SPY', '1d', -0.0003],
      ['SPY', 'wtd', 0.0232],
    ]);
  });

  it('does not read "the 10-year yield" as a ten-year period', () => {
    expect(findPeriods('The 10-year yield eased 3 basis points')).toEqual([]);
    expect(findPeriods('over ten years').map((p) => p.period)).toEqual(['10y']);
  });
});

describe('periods without the usual keywords and "since <event>" (sections 5 and 7)', () => {
  it('reads "over a year" as 1y', () => {
    expect(findPeriods('over a year it has returned 48.74%').map((p) => p.period)).toEqual(['1y']);
  });

  it('reads an event dated by its day as the return since that close (SINCE_EVENT)', () => {
    expect(returns("Since the Fed's Dec. 10 cut, SPY has lost 0.53%.", '2025-12-31')).toEqual([
      ['SPY', '2025-12-10', -0.0053],
    ]);
    expect(returns('Even measured from the April 2 tariff announcement, QQQ is up 3.37%.', '2025-05-02')).toEqual([
      ['QQQ', '2025-04-02', 0.0337],
    ]);
  });
});

describe('extra claims the kinds above caused', () => {
  it('reads no header of periods in a post about a streak, so the next post keeps its own period (NOT_A_HEADER)', () => {
    expect(read('$AMZN red 5 days straight, not catching this knife\n$VIX up 16.28% today', '2025-02-21')).toEqual([
      'streak AMZN losing 5',
      'return ^VIX 1d 0.1628',
    ]);
  });

  it('reads no record in "since its Jan. 27 record close" (REFERENCE_BEFORE)', () => {
    expect(read('SPY has slipped 0.70% since its Jan. 27 record close.', '2026-02-06')).toEqual([
      'return SPY -0.007 2026-01-27',
    ]);
  });

  it('reads "today\'s -2.35%" after another period as the day\'s move', () => {
    expect(returns("$TSLA still +7.76% on the week even after today's -2.35%", '2026-02-06')).toEqual([
      ['TSLA', 'wtd', 0.0776],
      ['TSLA', '1d', -0.0235],
    ]);
  });

  it('reads "managed" like "returned" (RETURNED_CARRIES)', () => {
    expect(
      returns('SPY returned 17.72% this year.\nAmong sectors, real estate (XLRE) managed 3.42%.', '2025-12-31'),
    ).toEqual([
      ['SPY', 'ytd', 0.1772],
      ['XLRE', 'ytd', 0.0342],
    ]);
  });
});
