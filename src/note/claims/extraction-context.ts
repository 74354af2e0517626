/**
 * What the reader remembers while reading, within a section (a heading or a rule starts a new one):
 * the last subject named, the last index, fund, stock and basket named, and the period of the last
 * return claim in the paragraph. It resolves "the index",
 * "the fund", "it", "over the same period" and a bare "rose 6.55%" to what came before.
 */
import type { ReturnPeriod } from '../../domain/period-keys.js';
import type { Mention } from './name-resolver.js';
import { SECTOR_FUNDS } from './sector-words.js';

export class ExtractionContext {
  lastSubject: Mention | null = null;
  readonly lastByKind = new Map<string, Mention>();
  /** Period of the last return claim in the current paragraph (reset per paragraph). */
  lastPeriod: ReturnPeriod | null = null;
  /** Whether `lastPeriod` came from a label right after its figure ("-5.13% YTD"): a desk's next bare figure is the day's. */
  lastPeriodGlued = false;
  /** Period of the last return claim anywhere before: what "over the same period" refers to across paragraphs. */
  documentPeriod: ReturnPeriod | null = null;
  /** The last ratio named ("the ratio of IWM to QQQ", "SPSM/MAG7"): what "the ratio" and "the pair" refer to. */
  lastRatio: { readonly numerator: string; readonly denominator: string } | null = null;

  /** A new section (a heading, a rule): nothing named before it is what a pronoun or "the index" refers to. */
  newSection(): void {
    this.lastSubject = null;
    this.lastByKind.clear();
    this.lastPeriod = null;
    this.documentPeriod = null;
    this.lastRatio = null;
  }

  /**
   * Records the mentions of a sentence once its claims are read. A subject nothing stored or configured knows
   * ("Palantir (PLTR) jumped 4%") is what a following "the stock" or "the fund" refers to, never a stock or
   * fund named before it: those are forgotten.
   */
  remember(mentions: readonly Mention[]): void {
    for (const m of mentions) {
      if (m.kind) this.lastByKind.set(m.kind, m);
      if (!m.object) this.lastSubject = m;
      if (!m.object && m.kind === null) this.forgetStocksAndFunds();
    }
  }

  /** A subject named by no mention, only by the words before its verb ("Palantir jumped 4%"): the last subject now. */
  rememberUnnamed(subject: string, unresolved: string): void {
    this.lastSubject = { start: -1, end: -1, text: subject, symbol: null, kind: null, unresolved, object: false };
    this.forgetStocksAndFunds();
  }

  private forgetStocksAndFunds(): void {
    this.lastByKind.delete('stock');
    this.lastByKind.delete('etf');
  }
}

const ANAPHORS: readonly [RegExp, string | null][] = [
  [/\b(?:the|this|that)\s+(?:index|benchmark|gauge|average)\b/i, 'index'],
  [/\b(?:[Tt]he|[Tt]his|[Tt]hat)\s+(?:[\w-]+\s+)?(?:fund|ETF|etf)\b/, 'etf'],
  [
    /\b(?:the|this|that)\s+(?:[\w-]+\s+)?(?:stock|company|shares|chipmaker|chip\s+maker|software\s+maker|automaker|carmaker|retailer|iPhone\s+maker|group|firm)\b|\bits\s+shares\b|^\s*shares\b/i,
    'stock',
  ],
  [/\b(?:the|this|that)\s+basket\b/i, 'basket'],
  // "Energy (XLE) rose 1%. The sector is up 10% this year.": the last sector fund named.
  [/\b(?:the|this|that)\s+sector\b/i, 'sector'],
  [/\b(?:it|its|it's|they|their)\b/i, null],
];

/**
 * The subject an anaphor in `clause` refers to: the last mention of its kind (or, for "it", the last
 * subject) among `earlier` mentions of the sentence, else from the context. Null when the clause has
 * no anaphor, or nothing was named before.
 */
export function resolveAnaphor(
  clause: string,
  earlier: readonly Mention[],
  ctx: ExtractionContext,
): { mention: Mention; phrase: string } | null {
  for (const [re, kind] of ANAPHORS) {
    const m = re.exec(clause);
    if (!m) continue;
    const phrase = m[0].trim();
    const fits = (e: Mention) =>
      kind === null
        ? !e.object
        : kind === 'sector'
          ? e.kind === 'etf' && SECTOR_FUNDS.has(e.symbol ?? '')
          : e.kind === kind;
    for (let i = earlier.length - 1; i >= 0; i--) {
      const e = earlier[i]!;
      if (fits(e)) return { mention: e, phrase };
    }
    const fromCtx = kind === null ? ctx.lastSubject : (ctx.lastByKind.get(kind === 'sector' ? 'etf' : kind) ?? null);
    if (fromCtx && fits(fromCtx)) return { mention: fromCtx, phrase };
    // "Snowflake rallied 3%. The company is up 40%": a stock or fund word after a name nothing stores is that name.
    const unknown = ctx.lastSubject;
    return (kind === 'stock' || kind === 'etf') && unknown?.kind === null ? { mention: unknown, phrase } : null;
  }
  return null;
}
