/**
 * A ratio named as the subject of a move: "the SPSM/MAG7 ratio rose 4.5%", "the ratio of IWM to QQQ has
 * climbed 2.6% this month", "the IWM-to-QQQ ratio gained 2.6%", "IWM/QQQ +2.59% MTD". The move is the
 * ratio's, never the move of the name that happens to stand last before the verb (QQQ, MAG7). It is reported as
 * a spread of A over B read as the change of the ratio A/B (`reading: 'ratio'`), the convention of the labelled
 * corpora: "IWM/SPY ratio MTD +5.04%" is `spread IWM SPY 5.04%`, checked as (1 + rA) / (1 + rB) - 1 only.
 */
import type { Claim, SpreadClaim } from './claim.js';
import type { Mention } from './name-resolver.js';

/** What may stand between the two names of a ratio, with what must stand before the first or after the second. */
const JOINS: readonly { between: RegExp; before?: RegExp; after?: RegExp }[] = [
  { between: /^\s*\/\s*$/ },
  { between: /^\s*-to-\s*$/, after: /^\s+ratio\b/i },
  {
    // "the ratio of the S&P 600 index to the Mag 7", "the ratio of small caps (IWM) to large caps (SPY)"
    between:
      /^\)?\s+(?:(?:index|fund|ETF|basket|trust)\s+)?(?:to|versus|vs\.?|against|relative\s+to|over)\s+(?:the\s+)?(?:(?:[a-z][\w-]*\s+){1,3}\()?$/,
    before: /\bratio\s+(?:of|between)\s+(?:the\s+)?(?:(?:[a-z][\w-]*\s+){1,3}\()?$/i,
  },
  { between: /^\s+(?:versus|vs\.?|to)\s+(?:the\s+)?$/i, after: /^\s+ratio\b/i },
];

/** The ratios a sentence names from two stored or configured names: where their words end and the symbol `A/B`. */
export function namedRatioSubjects(sentence: string, mentions: readonly Mention[]): { end: number; symbol: string }[] {
  const out: { end: number; symbol: string }[] = [];
  for (let i = 0; i + 1 < mentions.length; i++) {
    const a = mentions[i]!;
    const b = mentions[i + 1]!;
    if (!a.symbol || !b.symbol || a.symbol.includes('/') || b.symbol.includes('/')) continue;
    const between = sentence.slice(a.end, b.start);
    const before = sentence.slice(0, a.start);
    const after = sentence.slice(b.end);
    const joined = JOINS.some(
      (j) => j.between.test(between) && (!j.before || j.before.test(before)) && (!j.after || j.after.test(after)),
    );
    if (joined)
      out.push({ end: b.end + (/^\s+ratio\b/i.exec(after)?.[0].length ?? 0), symbol: `${a.symbol}/${b.symbol}` });
  }
  return out;
}

/**
 * Return claims whose subject is the second name of a ratio standing right before the claim's words: the
 * ratio's move instead ("the ratio of IWM to QQQ has climbed 2.6%" is IWM/QQQ, not QQQ).
 */
export function ratioReturnClaims(
  claims: readonly Claim[],
  sentence: string,
  offset: number,
  mentions: readonly Mention[],
): Claim[] {
  const ratios = namedRatioSubjects(sentence, mentions);
  return claims
    .map((c) => {
      if (c.metric !== 'return') return c;
      const at = c.span.start - offset;
      const r = ratios.filter((x) => x.end <= at).at(-1);
      if (!r || c.symbol !== r.symbol.split('/')[1]) return c;
      // Only when nothing else is named between the ratio and the claim ("..., while QQQ rose 1%" stays QQQ's).
      if (mentions.some((m) => m.start >= r.end && m.end <= at)) return c;
      if (/[;.]|\b(?:while|but|and)\b/i.test(sentence.slice(r.end, at))) return c;
      return { ...c, symbol: r.symbol, subject: r.symbol };
    })
    .map((c) => unnamedRatio(c, sentence, offset, mentions))
    .map(ratioAsSpread);
}

/** A return claim of a ratio `A/B` as the spread of A over B it states (the ratio's change), when its period allows. */
export function ratioAsSpread(c: Claim): Claim {
  if (c.metric !== 'return' || c.symbol === null || c.sinceDay !== undefined || c.periodText !== undefined) return c;
  const parts = c.symbol.split('/');
  if (parts.length !== 2) return c;
  const spread: SpreadClaim = {
    metric: 'spread',
    text: c.text,
    subject: c.subject,
    symbol: parts[0]!,
    line: c.line,
    span: c.span,
    versus: parts[1]!,
    period: c.period,
    ...(c.sessions === undefined ? {} : { sessions: c.sessions }),
    value: c.value,
    decimals: c.decimals,
    reading: 'ratio',
    ...(c.day === undefined ? {} : { day: c.day }),
  };
  return spread;
}

/**
 * "The ratio of small caps to the Magnificent 7 fell 3%": a ratio whose first side names nothing known is no move
 * of its second side; the claim is left unresolved, with the reason.
 */
function unnamedRatio(c: Claim, sentence: string, offset: number, mentions: readonly Mention[]): Claim {
  if (c.metric !== 'return' || c.symbol === null || c.symbol.includes('/')) return c;
  const b = mentions.filter((m) => m.symbol === c.symbol && m.end <= c.span.start - offset).at(-1);
  if (!b) return c;
  const m =
    /\bratio\s+(?:of|between)\s+((?:the\s+)?[^,;.()]{1,40}?)\s+(?:to|versus|vs\.?|against|relative\s+to)\s+(?:the\s+)?$/i.exec(
      sentence.slice(0, b.start),
    );
  if (!m || mentions.some((x) => x.start >= m.index && x.end <= b.start)) return c;
  if (/[;.]|\b(?:while|but|and)\b/i.test(sentence.slice(b.end, c.span.start - offset))) return c;
  const side = m[1]!.trim();
  return {
    ...c,
    symbol: null,
    subject: `the ratio of ${side} to ${b.text.replace(/^the\s+/i, '')}`,
    unresolved: `the ratio's first side '${side}' names no configured symbol`,
  };
}
