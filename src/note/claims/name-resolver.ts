/**
 * Finds the companies, funds and indices a text names, through the config's tickers, names and
 * aliases: "Nvidia Corp. (NVDA)", "the Russell 2000 Index" (^RUT, not IWM), "S&P SmallCap 600 Index"
 * (^SP600), "Magnificent 7" (MAG7). The longest match wins, a ticker in parentheses overrides the name
 * before it, and an unknown ticker in parentheses still names its subject ("Broadcom Inc. (AVGO)").
 * A company with share classes named without one ("Alphabet") is read as the class the config's groups hold
 * (GOOGL, the Mag 7 member), and the claim says so ("Alphabet read as GOOGL (Class A)"); it stays ambiguous
 * when the groups hold none or several of its classes, or the sentence itself points at the classes
 * ("depending on which share class you own").
 */
import type { SymbolKind } from '../../domain/symbol-info.js';
import { tickersBeforeMoves } from './unknown-tickers.js';

export interface NamedSymbol {
  readonly ticker: string;
  readonly name: string;
  readonly kind: SymbolKind;
  readonly aliases: readonly string[];
  /** Words for a part of the market read as this symbol, said so: "small caps" -> "small caps read as IWM (...)". */
  readonly readAs?: readonly string[];
}

/** One place in a text that names something. */
export interface Mention {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The resolved ticker, or null for an unknown or ambiguous name. */
  readonly symbol: string | null;
  readonly kind: SymbolKind | null;
  /** Why `symbol` is null. */
  readonly unresolved?: string;
  /** How a company's bare name was read as one of its share classes: "Alphabet read as GOOGL (Class A)". */
  readonly readAs?: string;
  /** True when the mention is an object ("which tracks the Russell 2000", "versus the Magnificent 7"). */
  readonly object: boolean;
}

interface Pattern {
  readonly re: RegExp;
  readonly symbol: string | null;
  readonly kind: SymbolKind | null;
  readonly unresolved?: string;
  /** A reading of a part of the market as this symbol: the note the verdict carries. */
  readonly readAs?: string;
}

const OBJECT_MARKER =
  /\b(?:tracks|tracking|tracked|track|versus|vs\.?|against|than|relative to|compared (?:to|with)|outperform\w*|underperform\w*|beat|beating|mirrors|follows|follow)\s+(?:the\s+)?$/i;
const PAREN_TICKER = /^\s*\((\^?[A-Z][A-Z0-9.]{0,6})\)/;
/** Up to four capitalised words of a fund's name, then its ticker: " ETF (SPY)", " Small Cap (SPSM)". */
const NAME_WORDS_THEN_TICKER = /^(?:[ \t]+(?:[A-Z][A-Za-z&.'-]*|\d{1,4}|&)){1,4}[ \t]*\((\^?[A-Z][A-Z0-9.]{0,6})\)/;
const LOOSE_PAREN_TICKER = /\((\^?[A-Z][A-Z0-9.]{0,6})\)/g;
const CASHTAG = /\$([A-Z]{1,6})\b/g;

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A name as a pattern: case-insensitive for several words, case-sensitive for one word or a ticker. A space
 * and a hyphen between words are the same ("Nasdaq 100 ETF", "the Nasdaq-100 ETF"), and "The" opening a
 * sentence is "the", so "The Nasdaq-100" is not cut to a shorter name's "the Nasdaq".
 */
function namePattern(text: string, caseSensitive: boolean): RegExp {
  const body = escapeRegex(text).replace(/[\s-]+/g, '[\\s-]+');
  return new RegExp(`(?<![\\w^])(?:[Tt]he\\s+)?${body}(?![\\w]|-\\d)${MODIFIED_NOUN}`, caseSensitive ? 'g' : 'gi');
}

/**
 * NAME_AS_MODIFIER: a name that is an ordinary word ("Energy", "Tech", "Health Care") before the noun it qualifies
 * names no fund: "Energy prices rose 2%", "Tech giant Apple", "health care costs". Tickers are not held to this.
 */
const MODIFIED_NOUN =
  '(?!\\s+(?:prices?|costs?|giants?|compan(?:y|ies)|firms?|bills?|producers?|demand|supply|policy|spending)\\b)';

export class NameResolver {
  private readonly patterns: Pattern[] = [];
  private readonly byTicker = new Map<string, NamedSymbol>();

  /** Words for a part of the market read as a symbol (config `readAs`: "small caps" -> IWM). */
  private readonly readings: { readonly re: RegExp; readonly ticker: string; readonly note: string }[] = [];

  /** The bare names of companies with share classes that are read as one class ("Alphabet" -> GOOGL). */
  private readonly classDefaults: { readonly re: RegExp; readonly ticker: string; readonly note: string }[] = [];

  /**
   * `grouped`: the tickers the config's groups hold; a company's bare name is read as the one class of it they
   * hold (the others are named by their class or ticker).
   */
  constructor(
    symbols: readonly NamedSymbol[],
    grouped: ReadonlySet<string> = new Set(),
    /** The config's groups: a reading ("small caps") right after a member of its symbol's group is that member. */
    private readonly groups: readonly (readonly string[])[] = [],
    /** The config's tracking pairs, index -> fund: "the S&P 600 ETF" is the fund (SPSM), never the index. */
    private readonly trackers: ReadonlyMap<string, string> = new Map(),
  ) {
    for (const s of symbols) {
      this.byTicker.set(s.ticker, s);
      const bare = s.ticker.replace(/^\^/, '');
      this.patterns.push({
        re: new RegExp(`(?<![\\w^])\\^?${escapeRegex(bare)}(?![\\w])`, 'g'),
        symbol: s.ticker,
        kind: s.kind,
      });
      const names = new Set<string>([s.name, ...s.aliases]);
      // "Nvidia Corp." is also written "Nvidia Corp" and "Nvidia Corporation".
      const stem = s.name.replace(/,?\s+(?:Inc\.|Corp\.|Co\.|Ltd\.)$/, '');
      if (stem !== s.name) {
        names.add(`${stem} Inc`);
        names.add(`${stem} Corp`);
        names.add(`${stem} Corporation`);
      }
      for (const n of names) {
        const oneWord = !/\s/.test(n.trim());
        // "Alphabet A" (a share class) is case-sensitive: "Alphabet a remarkable 78.75%" is the company.
        const shareClass = /\s[A-Z]$/.test(n.trim());
        this.patterns.push({ re: namePattern(n, oneWord || shareClass), symbol: s.ticker, kind: s.kind });
      }
      for (const w of s.readAs ?? []) {
        const note = `${w} read as ${s.ticker} (${s.name})`;
        this.patterns.push({ re: namePattern(w, false), symbol: s.ticker, kind: s.kind, readAs: note });
        this.readings.push({
          re: new RegExp(`^(?:the\\s+)?${escapeRegex(w).replace(/[\s-]+/g, '[\\s-]+')}$`, 'i'),
          ticker: s.ticker,
          note,
        });
      }
    }
    // A company with several share classes (Alphabet Class A / Class C): the bare company name is ambiguous.
    const classes = new Map<string, { ticker: string; cls: string }[]>();
    for (const s of symbols) {
      const m = /^(.*?)\s+Class\s+([A-Z])$/.exec(s.name);
      if (!m) continue;
      const base = m[1]!.replace(/,?\s+(?:Inc\.|Corp\.)$/, '');
      classes.set(base, [...(classes.get(base) ?? []), { ticker: s.ticker, cls: m[2]! }]);
    }
    for (const [base, members] of classes) {
      if (members.length < 2) continue;
      const tickers = members.map((c) => c.ticker);
      const why = `'${base}' is ambiguous: it has share classes ${tickers.join(' and ')}; name the class or the ticker`;
      const held = members.filter((c) => grouped.has(c.ticker));
      for (const n of [`${base} Inc.`, `${base} Inc`, base]) {
        this.patterns.push({ re: namePattern(n, true), symbol: null, kind: 'stock', unresolved: why });
        if (held.length === 1)
          this.classDefaults.push({
            re: new RegExp(`^(?:the\\s+)?${escapeRegex(n).replace(/\s+/g, '\\s+')}$`),
            ticker: held[0]!.ticker,
            note: `${base} read as ${held[0]!.ticker} (Class ${held[0]!.cls})`,
          });
      }
    }
  }

  /** The class a company's bare name is read as, when the config's groups hold exactly one of its classes. */
  private classDefault(name: string): { ticker: string; note: string } | null {
    return this.classDefaults.find((d) => d.re.test(name)) ?? null;
  }

  /** "Alphabet read as GOOGL (Class A)" when `subject` is a bare company name read as `symbol`, one of its classes. */
  readAs(subject: string, symbol: string | null): string | null {
    const d = this.classDefault(subject.trim());
    return d !== null && d.ticker === symbol ? d.note : null;
  }

  /**
   * The symbol a claim whose subject is a reading ("small caps", read as IWM) stands for, and the note, when
   * the subject is one: `previous` (the symbol of the claim before it on the same line), when a config group
   * holds both it and the reading's symbol, is what the writer means ("$SPSM new all time high. small caps
   * quietly +16.46% YTD" is SPSM), with no note; else the reading's own symbol and its note.
   */
  reading(subject: string, symbol: string, previous: string | null): { symbol: string; note: string | null } | null {
    const r = this.readings.find((x) => x.ticker === symbol && x.re.test(subject.trim()));
    if (!r) return null;
    if (previous !== null && previous !== symbol && this.groups.some((g) => g.includes(previous) && g.includes(symbol)))
      return { symbol: previous, note: null };
    return { symbol, note: r.note };
  }

  /** Whether a config group holds both tickers (or they are one). */
  sameGroup(a: string, b: string): boolean {
    return a === b || this.groups.some((g) => g.includes(a) && g.includes(b));
  }

  /**
   * FUND_OF_INDEX: an index's name followed by "ETF" or "fund" ("The S&P 600 ETF rose 1%") names the fund the config
   * pairs with the index (trackingPairs: SPSM), as "the S&P 500 ETF" is SPY; with no such fund it names none.
   */
  private fundOfIndex(m: Mention, raw: string): Mention {
    if (m.kind !== 'index' || m.symbol === null) return m;
    const word = FUND_WORD.exec(raw.slice(m.end));
    if (!word) return m;
    const end = m.end + word[0].length;
    const named = { ...m, end, text: raw.slice(m.start, end), kind: 'etf' as const };
    const fund = this.trackers.get(m.symbol);
    if (fund !== undefined) return { ...named, symbol: fund };
    const unresolved = `'${named.text.replace(/^the\s+/i, '')}' names a fund tracking ${m.symbol}, and the config pairs no fund with it (trackingPairs)`;
    return { ...named, symbol: null, unresolved };
  }

  /** The configured symbol of a ticker, if any. */
  symbol(ticker: string): NamedSymbol | undefined {
    return this.byTicker.get(ticker);
  }

  /** Every non-overlapping mention in `text`, in order; the longest match wins where they overlap. */
  mentions(raw: string): Mention[] {
    // "Oracle's shares", "XLK’s streak": a possessive names the same thing. Blanking "'s" keeps every offset.
    const text = raw.replace(/(\w)['’]s\b/g, '$1  ');
    const found: { start: number; end: number; p: Pattern }[] = [];
    for (const p of this.patterns) {
      p.re.lastIndex = 0;
      for (let m = p.re.exec(text); m !== null; m = p.re.exec(text))
        found.push({ start: m.index, end: m.index + m[0].length, p });
    }
    // Unknown tickers in parentheses name a subject even when the config does not know them.
    LOOSE_PAREN_TICKER.lastIndex = 0;
    for (let m = LOOSE_PAREN_TICKER.exec(text); m !== null; m = LOOSE_PAREN_TICKER.exec(text)) {
      const t = m[1]!;
      if (!this.byTicker.has(t) && !/^(?:ETF|YTD|MTD|QTD|AI|CEO|GDP|CPI|US|USD|EPS)$/.test(t)) {
        found.push({ start: m.index + 1, end: m.index + 1 + t.length, p: { re: /$^/, symbol: t, kind: null } });
      }
    }
    // A cashtag names a ticker even when nothing stored or configured has it ("$PLTR up 4%").
    CASHTAG.lastIndex = 0;
    for (let m = CASHTAG.exec(text); m !== null; m = CASHTAG.exec(text)) {
      const t = m[1]!;
      if (!this.byTicker.has(t))
        found.push({ start: m.index + 1, end: m.index + 1 + t.length, p: { re: /$^/, symbol: t, kind: null } });
    }
    // "AMD +0.9%, SMCI -2.1% d/d": a bare ticker before a signed move names it even when it is not stored.
    for (const u of tickersBeforeMoves(text, (t) => this.byTicker.has(t)))
      found.push({ start: u.start, end: u.start + u.ticker.length, p: { re: /$^/, symbol: u.ticker, kind: null } });
    found.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
    const chosen: { start: number; end: number; p: Pattern }[] = [];
    let cursor = 0;
    for (const f of found) {
      if (f.start < cursor) continue;
      chosen.push(f);
      cursor = f.end;
    }
    // "Alphabet is up 65%, depending on which share class you own": the writer leaves the class open.
    const classesOpen = /\b(?:share\s+class(?:es)?|(?:which|either|both|each)\s+(?:share\s+)?class(?:es)?)\b/i.test(
      text,
    );
    const out: Mention[] = [];
    for (let i = 0; i < chosen.length; i++) {
      const c = chosen[i]!;
      let { end } = c;
      let symbol = c.p.symbol;
      let kind = c.p.kind;
      let unresolved = c.p.unresolved;
      // "Nvidia Corp. (NVDA)", "SPDR S&P 500 ETF (SPY)", "SPDR Portfolio S&P 600 Small Cap (SPSM)": the
      // ticker in parentheses is the same subject and wins over the name (a few capitalised words of the
      // fund's name may lie between them) ...
      const close = PAREN_TICKER.exec(text.slice(end));
      const paren = close ?? NAME_WORDS_THEN_TICKER.exec(text.slice(end));
      const next = chosen[i + 1];
      if (paren && next && next.start === end + paren[0].length - paren[1]!.length - 1) {
        // ... except an unknown ticker right after a company's configured name ("Alphabet (A)", "Apple
        // (APPL)"): a ticker nothing stores or configures does not overrule the name it contradicts.
        const contradicts = close !== null && next.p.kind === null && kind === 'stock';
        if (!contradicts) {
          symbol = next.p.symbol;
          kind = next.p.kind;
          unresolved = undefined;
        } else if (unresolved) unresolved = `${unresolved} ('${next.p.symbol}' in parentheses is not one of them)`;
        end += paren[0].length;
        i++;
      }
      // A bare company name read as the class the config's groups hold, unless a ticker after it contradicts it.
      const readAs = unresolved && symbol === null && !classesOpen ? this.classDefault(raw.slice(c.start, end)) : null;
      if (readAs) {
        symbol = readAs.ticker;
        unresolved = undefined;
      }
      const before = text.slice(Math.max(0, c.start - 40), c.start);
      const mention: Mention = {
        start: c.start,
        end,
        text: raw.slice(c.start, end),
        symbol,
        kind,
        object: OBJECT_MARKER.test(before),
      };
      const reading = symbol === c.p.symbol ? c.p.readAs : undefined;
      out.push(
        unresolved
          ? { ...mention, unresolved }
          : readAs
            ? { ...mention, readAs: readAs.note }
            : reading
              ? { ...mention, readAs: reading }
              : mention,
      );
    }
    // A name the config does not know, with an unknown ticker in parentheses: widen the mention to the name.
    return fundsNamedByIndex(out, raw)
      .map((m) => this.fundOfIndex(m, raw))
      .map((m) => {
        if (m.kind !== null || m.symbol === null) return m;
        const head = /((?:[A-Z][\w&.'-]*\s+)*[A-Z][\w&.'-]*)\s*\($/.exec(text.slice(0, m.start));
        if (!head) return m;
        const start = m.start - head[0].length;
        const end = text[m.end] === ')' ? m.end + 1 : m.end;
        return { ...m, start, end, text: raw.slice(start, end) };
      });
  }
}

/** "the S&P 600 ETF", "the S&P 600 index fund": an index's name, then a word that makes it a fund's. */
const FUND_WORD = /^[ \t]+(?:index[ \t]+)?(?:ETF|fund|tracker)\b(?!-)/i;

/** "the Nasdaq-100 tracking QQQ", "the S&P 500-tracking SPY": an index before "tracking" names the fund. */
const TRACKING_BETWEEN = /^\s*-?\s*tracking\s+$/i;

/** The mentions with each "<index> tracking <fund>" pair made one mention of the fund, spanning both names. */
export function fundsNamedByIndex(mentions: readonly Mention[], text: string): Mention[] {
  const out: Mention[] = [];
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const next = mentions[i + 1];
    if (next && m.kind === 'index' && next.kind !== 'index' && TRACKING_BETWEEN.test(text.slice(m.end, next.start))) {
      out.push({ ...next, start: m.start, text: text.slice(m.start, next.end), object: m.object });
      i++;
    } else out.push(m);
  }
  return out;
}
