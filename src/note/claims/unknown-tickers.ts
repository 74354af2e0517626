/**
 * Tickers nothing configured or stored knows, read so their claims are called unverifiable ("symbol
 * not stored") rather than dropped or credited to another name: a bare ticker right before a signed
 * move in broker shorthand ("AMD +0.9%, SMCI -2.1% d/d", "AMD 162.30 (+0.9%)"), before "closed at" ("SMCI
 * closed at 41.20"), and a ticker alone in a table's name cell.
 * A capitalised word is taken only in those places, and never one of the common abbreviations below.
 */

/** Capitalised words that are not tickers ("CEO +5%" is not about a stock called CEO). */
const NOT_TICKERS = new Set(
  'A I AI CEO CFO CIO ETF ETFS YTD MTD QTD WTD US USA UK EU GDP CPI PPI PCE EPS IPO FED FOMC ECB BOJ OK IT ON ALL ARE BE NOW SO AM PM EST EDT UTC ET NYSE NASDAQ DJIA USD EUR JPY GBP YOY QOQ MOM DOD WOW TTM ATH ATL AUM NAV PE PS EV EBITDA FCF ROE Q1 Q2 Q3 Q4 H1 H2 FY NOTE UPDATE BREAKING TOTAL AVG AVERAGE INDEX'.split(
    ' ',
  ),
);

/** Whether `word` is shaped like a ticker and is not a common abbreviation. */
export function looksLikeTicker(word: string): boolean {
  return /^[A-Z]{2,5}(?:\.[A-Z])?$/.test(word) && !NOT_TICKERS.has(word);
}

/**
 * A bare capitalised word right before a signed percent, or before its level and then a signed percent:
 * "AMD +0.9%", "SMCI -2.1% d/d", "ARM (−1.4%)", "SMCI 41.20, -2.1%", "AMD 162.3 (+0.9%)", "AVGO $341.10 +1.2%".
 */
const BEFORE_SIGNED_MOVE =
  /(?<![\w$^.&-])([A-Z]{2,5}(?:\.[A-Z])?)(?=:?\s*(?:\$?\d{1,3}(?:,\d{3})*(?:\.\d+)?\s*,?\s*)?\(?\s*[-+−–]\d+(?:\.\d+)?\s?%)/g;

/** A bare capitalised word right before "closed at" and a figure: "SMCI closed at 41.20, down 2.1%". */
const BEFORE_CLOSE_AT =
  /(?<![\w$^.&-])([A-Z]{2,5}(?:\.[A-Z])?)(?=\s+(?:closed|ended|finished|settled)\s+(?:the\s+(?:day|session)\s+)?at\s+\$?\d)/g;

/** Unknown tickers before a signed move (or "closed at") in `text`: offsets and ticker, for `known` tickers excluded. */
export function tickersBeforeMoves(text: string, known: (t: string) => boolean): { start: number; ticker: string }[] {
  const out: { start: number; ticker: string }[] = [];
  for (const re of [BEFORE_SIGNED_MOVE, BEFORE_CLOSE_AT]) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const t = m[1]!;
      if (looksLikeTicker(t) && !known(t)) out.push({ start: m.index, ticker: t });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
