/**
 * Claim extraction measured on a hand-labelled set (test/fixtures/claims/labelled-sentences.json):
 * precision and recall are printed and must both be at least 0.95. Expected claims were labelled by
 * hand, reading each sentence as an editor would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../../test/support/shared-data.js';
import { defaultConfig } from '../../config/universe-config.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import type { Claim } from './claim.js';
import { extractClaims, resolverFromConfig } from './extract-claims.js';
import { htmlToText } from './html-text.js';

interface Expected {
  readonly metric: string;
  readonly symbol: string | null;
  readonly period?: string | null;
  readonly value?: number;
  readonly kind?: string;
  readonly distance?: number;
  readonly direction?: string;
  readonly month?: number;
  readonly phase?: string;
  readonly state?: string;
}
interface Item {
  readonly text: string;
  readonly context?: string;
  readonly claims: readonly Expected[];
}

const labelled = JSON.parse(readFileSync(join(repoRoot, 'test/fixtures/claims/labelled-sentences.json'), 'utf8')) as {
  items: Item[];
};
const resolver = resolverFromConfig(defaultConfig());

function matches(c: Claim, e: Expected): boolean {
  if (c.metric !== e.metric || c.symbol !== e.symbol) return false;
  switch (c.metric) {
    case 'return':
      return c.period === (e.period ?? null) && Math.abs(c.value - e.value!) < 1e-9;
    case 'ath':
      return (
        c.kind === e.kind &&
        (e.distance === undefined || (c.distance !== null && Math.abs(c.distance - e.distance) < 1e-9))
      );
    case 'since':
      return c.direction === e.direction && c.since.month === e.month;
    case 'streak':
      return c.direction === e.direction && c.phase === e.phase;
    case 'trend':
      return c.state === e.state;
    default:
      return true;
  }
}

/** The claims found in `item.text` (after its context), each matched to at most one expected claim. */
function score(item: Item): { tp: number; fp: number; fn: number; misses: string[] } {
  const contextLines = item.context ? item.context.split('\n').length : 0;
  const input = item.context ? `${item.context}\n${item.text}` : item.text;
  const found = extractClaims(input, resolver).filter((c) => c.line > contextLines);
  const left = [...item.claims];
  let tp = 0;
  const misses: string[] = [];
  for (const c of found) {
    const k = left.findIndex((e) => matches(c, e));
    if (k >= 0) {
      tp++;
      left.splice(k, 1);
    } else misses.push(`extra ${JSON.stringify({ ...c, text: undefined })} in: ${item.text}`);
  }
  for (const e of left) misses.push(`missed ${JSON.stringify(e)} in: ${item.text}`);
  return { tp, fp: found.length - tp, fn: left.length, misses };
}

describe('claim extraction on the labelled set', () => {
  it('has at least 60 sentences, claims and non-claims', () => {
    expect(labelled.items.length).toBeGreaterThanOrEqual(60);
    expect(labelled.items.filter((i) => i.claims.length === 0).length).toBeGreaterThanOrEqual(10);
  });

  it('reaches precision and recall of at least 0.95 (printed)', () => {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const misses: string[] = [];
    for (const item of labelled.items) {
      const s = score(item);
      tp += s.tp;
      fp += s.fp;
      fn += s.fn;
      misses.push(...s.misses);
    }
    const precision = tp / (tp + fp);
    const recall = tp / (tp + fn);
    console.log(
      `claim extraction on ${labelled.items.length} labelled sentences: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (tp ${tp}, fp ${fp}, fn ${fn})`,
    );
    for (const m of misses) console.log(`  ${m}`);
    expect(precision).toBeGreaterThanOrEqual(0.95);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });
});

describe('extraction details', () => {
  it('carries a bare "rose 6.55%" to the subject named before it and the period of the claim before', () => {
    const claims = extractClaims('SPSM is up 6.70% year-to-date. It rose 6.55%.', resolver);
    expect(
      claims.map((c) => [c.symbol, c.metric === 'return' ? c.period : null, c.metric === 'return' ? c.value : null]),
    ).toEqual([
      ['SPSM', 'ytd', 0.067],
      ['SPSM', 'ytd', 0.0655],
    ]);
  });

  it('carries "it" within a section but not past a heading, and reads a hard-wrapped paragraph as one', () => {
    const text = 'IWM rose 1.17%,\nclosing at a record.\n\nIt is up 17.59% this year.\n\n## Elsewhere\nIt fell 0.51%.';
    const claims = extractClaims(text, resolver);
    expect(claims.map((c) => [c.metric, c.symbol, c.line])).toEqual([
      ['return', 'IWM', 1],
      ['ath', 'IWM', 1],
      ['return', 'IWM', 4],
    ]);
    // The record claim's words are on line 2: its span points there.
    const ath = claims[1]!;
    expect(text.slice(ath.span.start, ath.span.end)).toBe('at a record');
  });

  it('reads a line opening with a cashtag as a post of its own: no period or subject from the post above', () => {
    const posts = 'small caps ripping, $IWM +2.1% YTD\n$QQQ -0.5% and still lagging\n$XLE +3% QTD';
    expect(
      extractClaims(posts, resolver, { noteDate: parseIsoDate('2025-12-11') }).map((c) => [
        c.symbol,
        c.metric === 'return' ? c.period : null,
        c.line,
      ]),
    ).toEqual([
      ['IWM', 'ytd', 1],
      ['QQQ', '1d', 2],
      ['XLE', 'qtd', 3],
    ]);
    // A signed figure and its label, then the name it is for, in a post of its own: not the post above's subject.
    expect(
      extractClaims('$VIX 14.85 zzz\nmeanwhile +3% QTD for $XLE', resolver, {
        noteDate: parseIsoDate('2025-12-11'),
      }).map((c) => [c.symbol, c.metric === 'return' ? c.period : null, c.line]),
    ).toEqual([['XLE', 'qtd', 2]]);
    // Two lines that each hold a cashtag are two posts, whatever they open with.
    expect(
      extractClaims('$XLE +28.6% ytd, energy ripping\nlol $QQQ -0.5%', resolver, {
        noteDate: parseIsoDate('2025-12-11'),
      }).map((c) => [c.symbol, c.metric === 'return' ? c.period : null]),
    ).toEqual([
      ['XLE', 'ytd'],
      ['QQQ', '1d'],
    ]);
  });

  it("keeps a label glued to one name's figure off the bare figures after it in a broker run", () => {
    const periods = (text: string) =>
      extractClaims(text, resolver, { noteDate: parseIsoDate('2025-12-11') }).map((c) => [
        c.symbol,
        c.metric === 'return' ? c.period : null,
      ]);
    expect(periods('XLK +1.2% (WTD +3.1%), XLF -0.4% (WTD +0.2%), XLE +0.8%')).toEqual([
      ['XLK', '1d'],
      ['XLK', 'wtd'],
      ['XLF', '1d'],
      ['XLF', 'wtd'],
      ['XLE', '1d'],
    ]);
    expect(periods('NVDA -1.5%, WTD +2.2%; MSFT +0.6%')).toEqual([
      ['NVDA', '1d'],
      ['NVDA', 'wtd'],
      ['MSFT', '1d'],
    ]);
    // With no bare figure before it, a leading label still frames the line.
    expect(periods('IWM YTD +15.6%, QQQ +21%')).toEqual([
      ['IWM', 'ytd'],
      ['QQQ', 'ytd'],
    ]);
  });

  it('turns an HTML heading into a section break', () => {
    const claims = extractClaims(htmlToText('<p>IWM rose 1.17%.</p><h2>Elsewhere</h2><p>It fell 0.51%.</p>'), resolver);
    expect(claims.map((c) => c.symbol)).toEqual(['IWM']);
  });

  it('reads a Markdown table column by column through its header aliases', () => {
    const table =
      '| Ticker | Last | Chg % | YTD % | From ATH | Wk % |\n|---|---:|---:|---:|---:|---:|\n| QQQ | 623.30 | -0.32% | 22.83% | -1.60% | 0.4% |';
    expect(extractClaims(table, resolver)).toMatchObject([
      { metric: 'level', symbol: 'QQQ', value: 623.3, decimals: 2 },
      { metric: 'return', symbol: 'QQQ', period: '1d', value: -0.0032 },
      { metric: 'return', symbol: 'QQQ', period: 'ytd', value: 0.2283 },
      { metric: 'ath', symbol: 'QQQ', kind: 'below_high', distance: -0.016 },
      { metric: 'return', symbol: 'QQQ', period: null, periodText: 'Wk %', value: 0.004 },
    ]);
  });

  it('keeps an unconfigured ticker of a table as its symbol, and skips a change in points under a bare Chg', () => {
    const claims = extractClaims(
      '| Ticker | Last | Chg % | Chg |\n|---|---:|---:|---:|\n| AVGO | 406.37 | 1.45% | 5.80 |\n| VIX | 14.85 | -5.83% | -0.92 |',
      resolver,
    );
    expect(claims.map((c) => [c.metric, c.symbol, c.metric === 'return' ? c.period : null])).toEqual([
      ['level', 'AVGO', null],
      ['return', 'AVGO', '1d'],
      ['level', '^VIX', null],
      ['return', '^VIX', '1d'],
    ]);
    expect(claims[0]!.unresolved).toBeUndefined();
  });

  it('reads a glued table row under a glued header', () => {
    const claims = extractClaims('StocksYTD PerformanceOne Year Performance\nTesla Inc. (TSLA)28.02%5.04%', resolver);
    expect(claims).toMatchObject([
      { symbol: 'TSLA', period: 'ytd', value: 0.2802, line: 2 },
      { symbol: 'TSLA', period: '1y', value: 0.0504, line: 2 },
    ]);
  });

  it('tells the Russell 2000 Index from the fund that tracks it', () => {
    const [c] = extractClaims(
      'The iShares Russell 2000 ETF, which tracks the Russell 2000 Index, rose 1.2% today.',
      resolver,
    );
    expect(c?.symbol).toBe('IWM');
  });

  it('reads Alphabet without a class as GOOGL, the class the mag7 group holds, and says so', () => {
    const [c] = extractClaims('Alphabet is up 65% this year.', resolver);
    expect(c).toMatchObject({ symbol: 'GOOGL', subject: 'Alphabet', readAs: 'Alphabet read as GOOGL (Class A)' });
    expect(extractClaims('Alphabet Inc. fell 2.4% on the day.', resolver)[0]).toMatchObject({
      symbol: 'GOOGL',
      readAs: 'Alphabet read as GOOGL (Class A)',
    });
    // A class or ticker named is read as written, with no note.
    const [c2] = extractClaims('Alphabet Class C shares fell 2.3% on the day.', resolver);
    expect(c2?.symbol).toBe('GOOG');
    expect(c2?.readAs).toBeUndefined();
  });

  it('keeps Alphabet ambiguous where the writer leaves the class open', () => {
    const [c] = extractClaims('Alphabet is up 65% this year, depending on which share class you own.', resolver);
    expect(c?.symbol).toBeNull();
    expect(c?.unresolved).toMatch(/GOOGL and GOOG/);
  });

  it('keeps a period it does not compute as null with the words used', () => {
    const [c] = extractClaims('Nvidia fell 3.1% over the past two weeks.', resolver);
    expect(c).toMatchObject({ metric: 'return', period: null, periodText: 'over the past two weeks', value: -0.031 });
  });
});

describe('recall on newsroom prose (the examples of issue 14)', () => {
  const brief = (text: string, stored: string[] = [], noteDate: string | null = null) =>
    extractClaims(text, resolverFromConfig(defaultConfig(), stored), {
      noteDate: noteDate === null ? null : parseIsoDate(noteDate),
    }).map((c) => {
      const { text: _t, line: _l, span: _s, subject: _u, ...rest } = c;
      return rest;
    });

  it('reads the figure after "and is now" as its own claim', () => {
    expect(brief('Microsoft (MSFT) slid 3.93% and is now down 15.49% year-to-date.', [], '2025-12-11')).toMatchObject([
      { metric: 'return', symbol: 'MSFT', period: '1d', value: -0.0393 },
      { metric: 'return', symbol: 'MSFT', period: 'ytd', value: -0.1549 },
    ]);
  });

  it('reads both halves of a compound trendline sentence', () => {
    expect(
      brief(
        'The ratio of SPSM versus the Magnificent 7 has confirmed its breakout, and the ratio of IWM versus QQQ is testing its downtrend line.',
      ),
    ).toMatchObject([
      { metric: 'trend', symbol: 'SPSM/MAG7', state: 'confirmed' },
      { metric: 'trend', symbol: 'IWM/QQQ', state: 'testing', kind: 'downtrend' },
    ]);
  });

  it('knows a bare ticker that is in the store, and only then', () => {
    const text = 'Over the past twelve months, ZZA has gained 10.1%.';
    expect(brief(text, ['ZZA'])).toMatchObject([{ metric: 'return', symbol: 'ZZA', period: '1y', value: 0.101 }]);
    expect(brief(text, [])).toMatchObject([
      { metric: 'return', symbol: null, unresolved: "no symbol in the config is named 'ZZA'" },
    ]);
  });

  it('reads records in many wordings', () => {
    for (const s of [
      'IWM is trading at a fresh all-time high.',
      'IWM notched a record close.',
      'IWM closed at its highest level ever.',
      'IWM hit an all-time high on Thursday.',
      'IWM set yet another record high.',
      'IWM logged its highest close on record.',
      'IWM finished at an all-time closing high.',
    ])
      expect(brief(s), s).toMatchObject([{ metric: 'ath', symbol: 'IWM', kind: 'new_high' }]);
  });

  it('pairs a list of names with a list of figures in order', () => {
    expect(brief('AAPL, MSFT and NVDA rose 1.2%, 0.8% and 3.1% this month.')).toMatchObject([
      { symbol: 'AAPL', period: 'mtd', value: 0.012 },
      { symbol: 'MSFT', period: 'mtd', value: 0.008 },
      { symbol: 'NVDA', period: 'mtd', value: 0.031 },
    ]);
    expect(brief('Apple and Tesla fell 2% and 5%, respectively, year-to-date.')).toMatchObject([
      { symbol: 'AAPL', period: 'ytd', value: -0.02 },
      { symbol: 'TSLA', period: 'ytd', value: -0.05 },
    ]);
  });

  it('reads levels, spreads, streak counts and a pronoun for the subject before', () => {
    expect(brief('The VIX closed at 14.85. It is at its lowest close since September.')).toMatchObject([
      { metric: 'level', symbol: '^VIX', value: 14.85, decimals: 2 },
      { metric: 'since', symbol: '^VIX', direction: 'lowest' },
    ]);
    expect(
      brief('SPSM has outpaced the Magnificent 7 basket by 5.6 percentage points over the past 21 sessions.'),
    ).toMatchObject([{ metric: 'spread', symbol: 'SPSM', versus: 'MAG7', sessions: 21, value: 0.056 }]);
    expect(brief('XLK ended a 13-day winning streak.')).toMatchObject([
      { metric: 'streak', symbol: 'XLK', phase: 'ending', length: 13, direction: 'winning' },
    ]);
    expect(brief('Tesla fell for a sixth straight session.')).toMatchObject([
      { metric: 'streak', symbol: 'TSLA', direction: 'losing', length: 6 },
    ]);
  });

  it('reads broker shorthand: d/d, w/w, a level with its move or a record mark, a run of figures after one name', () => {
    const note = '2025-12-11';
    expect(brief('IWM +1.2% d/d', [], note)).toMatchObject([{ symbol: 'IWM', period: '1d', value: 0.012 }]);
    expect(brief('XLK -0.8% w/w', [], note)).toMatchObject([{ symbol: 'XLK', period: '5d', value: -0.008 }]);
    expect(brief('SPY 680.5 (+0.3%)', [], note)).toMatchObject([
      { metric: 'level', symbol: 'SPY', value: 680.5, decimals: 1 },
      { metric: 'return', symbol: 'SPY', period: '1d', value: 0.003 },
    ]);
    expect(brief('RUT 2,590 (ATH)', [], note)).toMatchObject([
      { metric: 'level', symbol: '^RUT', value: 2590, decimals: 0 },
      { metric: 'ath', symbol: '^RUT', kind: 'new_high' },
    ]);
    expect(brief('IWM 255.87 (record close)', [], note)).toMatchObject([
      { metric: 'level', symbol: 'IWM', value: 255.87 },
      { metric: 'ath', symbol: 'IWM', kind: 'new_high' },
    ]);
    expect(brief('SPY MTD +4.1%', [], note)).toMatchObject([{ symbol: 'SPY', period: 'mtd', value: 0.041 }]);
    // The level standing alone after the ticker is a level claim of its own (kind 11: "$VIX 14.85,").
    expect(brief('XLK 147.39, +1.2% d/d, -0.8% w/w, YTD +27.87%', [], note)).toMatchObject([
      { metric: 'level', symbol: 'XLK', value: 147.39 },
      { symbol: 'XLK', period: '1d', value: 0.012 },
      { symbol: 'XLK', period: '5d', value: -0.008 },
      { symbol: 'XLK', period: 'ytd', value: 0.2787 },
    ]);
    // The figure after another name is that name's.
    expect(brief('IWM 255.87, QQQ 623.30, +1.2%', [], note)).toMatchObject([
      { metric: 'level', symbol: 'IWM', value: 255.87 },
      { metric: 'level', symbol: 'QQQ', value: 623.3 },
      { metric: 'return', symbol: 'QQQ', period: '1d' },
    ]);
    expect(
      brief('| Ticker | 1M | 3M | 6M |\n|---|---:|---:|---:|\n| SPY | 1.2% | 5.0% | 14.1% |', [], note),
    ).toMatchObject([
      { symbol: 'SPY', period: '1m', value: 0.012 },
      { symbol: 'SPY', period: '3m', value: 0.05 },
      { symbol: 'SPY', period: '6m', value: 0.141 },
    ]);
  });

  it('dates a day move by the weekday it names, relative to the note', () => {
    // 2025-12-11 was a Thursday: "on Wednesday" is Dec 10.
    expect(brief('Oracle fell 11% on Wednesday.', [], '2025-12-11')).toMatchObject([
      { symbol: 'ORCL', period: '1d', day: '2025-12-10', value: -0.11 },
    ]);
    expect(brief('Oracle fell 11%.', [], '2025-12-11')).toMatchObject([{ symbol: 'ORCL', period: '1d' }]);
    expect(brief('Oracle fell 11%.')).toMatchObject([{ symbol: 'ORCL', period: null }]);
  });
});
