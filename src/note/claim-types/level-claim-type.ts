/**
 * Closing levels: "the VIX closed at 14.85", "IWM ended the session at $255.87", "closed at a record
 * 255.87". A level is held to the precision it is printed with (14.85: within 0.005) on the stored
 * close, so it is a price, never a dividend-adjusted figure, when the store keeps both.
 */
import type { LevelClaim } from '../claims/claim.js';
import { hedged } from '../claims/clause-words.js';
import { type findSubject, matchesWithSubjects } from '../claims/subject-finder.js';
import type { ClaimType, SentenceScope } from './claim-type.js';

const LEVEL =
  /\b(?:(?:closed|ended|finished|settled|wrapped\s+up|closes|ends|finishes|settles|closing|finishing|settling|to\s+(?:close|end|finish|settle))\s+(?:the\s+(?:day|session|week|month|quarter|year)\s+|trading\s+|(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|yesterday|today)(?:['’]s\s+session)?\s+)?(?:at|on)\s+(?:an?\s+|its\s+)?(?:(record|all[- ]time\s+high\s+of|record\s+high\s+of|new\s+high\s+of)\s+)?(?:of\s+)?|(?:to\s+)?an?\s+(record)\s+close\s+of\s+)\$?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d|[.,]\d|[a-z%]|\s?(?:%|percent\b|per\s+cent\b|points?\b|pp\b|bps?\b|basis\b|billion\b|million\b|trillion\b|times\b|bn\b|mn\b|x\b))/i;

const NUMBER_END =
  '(?!\\d|[.,]\\d|[a-z%]|\\s?(?:%|percent\\b|per\\s+cent\\b|points?\\b|pp\\b|bps?\\b|basis\\b|billion\\b|million\\b|trillion\\b|times\\b|bn\\b|mn\\b|x\\b))';
/** A period between a move and its level: "fell 14.41% this year to 14.85", "rose 1.21% on Thursday to 2,590.61". */
const PERIOD_BETWEEN =
  "(?:(?:over|in|during|for|on|since)\\s+(?:the\\s+)?[A-Za-z0-9.,' ]{1,30}?\\s+|(?:so\\s+far\\s+)?this\\s+(?:year|month|quarter|week)\\s+|year[- ]to[- ]date\\s+|(?:YTD|MTD|QTD|today)\\s+)";
/** "the VIX fell 5.83% to 14.85", "Oracle slid 10.8% to $196.95": a move, then the level it closed at. */
const MOVE_TO_LEVEL = new RegExp(
  `\\b(?:rose|risen|fell|fallen|gained|lost|climbed|dropped|declined|slid|slipped|sank|tumbled|plunged|collapsed|collapsing|cratered|jumped|surged|soared|rallied|advanced|added|shed|eased|dipped|popped|retreated|spiked|slumped|skidded|rebounded|gave\\s+up|gave\\s+back|surrendered|pared|tacked\\s+on|firmed|rising|falling|gaining|losing|climbing|dropping|declining|sliding|slipping|sinking|tumbling|plunging|jumping|surging|soaring|rallying|advancing|adding|easing|dipping|edged\\s+(?:up|down|higher|lower)|ticked\\s+(?:up|down|higher|lower)|(?:(?:was|is)\\s+)?(?:up|down))\\s+(?:by\\s+)?[-+−–]?\\d+(?:\\.\\d+)?\\s?%\\s+(?:${PERIOD_BETWEEN})?(?:to\\s+(?:(?:close|end|finish|settle)\\s+at\\s+)?|at\\s+(?:an?\\s+(?:fresh\\s+|new\\s+)?(?:record|all[- ]time\\s+high)(?:\\s+(?:close|high))?(?:\\s+of)?\\s+)?(?=\\$?\\d[\\d,]*\\.\\d))\\$?(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+\\.\\d+)${NUMBER_END}`,
  'i',
);
/** A level with decimals (or thousands): "14.85", "2,590.61", "$255.87"; whole numbers are too often counts. */
const PRICE = `\\$?(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+\\.\\d+)${NUMBER_END}`;
/**
 * "is 0.55% higher in October at 16.37", "stands 2.1% lower this week at 14.85": a move said by "higher" or "lower"
 * and its period, then "at" the level it stands at.
 */
const HIGHER_AT_LEVEL = new RegExp(
  `(?<![\\w.])[-+−–]?\\d+(?:\\.\\d+)?\\s?%\\s+(?:higher|lower)\\s+(?:${PERIOD_BETWEEN})?at\\s+${PRICE}`,
  'i',
);
/**
 * "closed above 50,000 for the first time, at 50,115.67": a round mark crossed, then the level it closed at (the
 * mark itself is no claim).
 */
const PAST_MARK_AT = new RegExp(
  `\\b(?:closed|ended|finished|settled)\\s+(?:above|below|over|under)\\s+\\$?[\\d,]+(?:\\.\\d+)?(?:\\s+for\\s+the\\s+first\\s+time(?:\\s+(?:ever|since\\s+\\w+(?:\\s+\\d{4})?))?)?,?\\s+at\\s+${PRICE}`,
  'i',
);
/** "SPY -1.71% (600.11)", "$IWM +1.2% ($255.87)": a name, its signed move, then its level alone in parentheses. */
const MOVE_THEN_PAREN_LEVEL = /^\s*:?\s*[-+−–]\d+(?:\.\d+)?\s?%\s*\(\s*\$?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)\s*\)/;
/**
 * A level after its move without "by": "+1.17% to 255.87", "dropped to 14.85", "fell back to 14.85", "VIX back
 * (down) to 14.85", "fell a second day, to 14.85", "rose for a fifth day in a row to 16.65", "collapsing to 52.33",
 * "+0.83% to a record 735.7" (a level with decimals: "rose to 3" is a count as often as a level).
 */
const TO_LEVEL = new RegExp(
  `(?:(?<![\\w.])[-+−–]\\d+(?:\\.\\d+)?\\s?%|\\b(?:rose|rising|fell|falling|dropped|dropping|declined|slid|sliding|slipped|sank|sinking|tumbled|tumbling|plunged|plunging|collapsed|collapsing|cratered|jumped|jumping|surged|surging|soared|soaring|rallied|climbed|climbing|advanced|eased|dipped|retreated|spiked|spiking|slumped|rebounded|bounced|recovered|popped|edged\\s+(?:up|down|higher|lower)|ticked\\s+(?:up|down|higher|lower))(?:\\s+back)?|\\bback(?:\\s+(?:down|up))?)(?:(?:\\s+(?:for|on))?\\s+(?:a|an|the)\\s+(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\\d+(?:st|nd|rd|th)|\\w+day|session|day)(?:\\s+(?:day|session|straight|running|in\\s+a\\s+row))*)?,?\\s+to\\s+(?:an?\\s+(?:fresh\\s+|new\\s+)?(?:record|all[- ]time\\s+high)(?:\\s+(?:close|high))?(?:\\s+of)?\\s+)?${PRICE}(?!\\s*(?:by|in|next|this|over)\\b)`,
  'i',
);
/**
 * A level named with its record: "hit a record of 54.21", "an all-time high of 255.87", "ATH 255.87", "record
 * close 683.51" (the record is an ATH claim of its own).
 */
const RECORD_LEVEL = new RegExp(
  `(?:\\b(?:record(?:\\s+(?:close|closing\\s+high|high))?|all[- ]time\\s+high|new\\s+high)\\s+(?:of|at)\\s+|\\b(?:ATH|record\\s+close|record\\s+high)(?:\\s+again)?(?:\\s*:|\\s+at|\\s+of)?\\s+)${PRICE}`,
  'i',
);
/**
 * "$IWM +1.17%, 255.87", "$VIX down 5.8%, 14.85 close", "Russell 2000 index +1.21%, 2,590.61": a name, its signed
 * move, then its level standing alone after a comma.
 */
const MOVE_COMMA_LEVEL =
  /^\s*:?\s*(?:[-+−–]|(?:up|down)\s+)\d+(?:\.\d+)?\s?%\s*,\s*\$?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?=\s*(?:[,;]|\.(?!\d)|$|\s+close\b))/i;
/**
 * "VIX 14.85 (-5.83%)", "$IWM 255.87 (+1.17%)", "RUT 2,590.61 (ATH)": a name, its level, then its signed
 * move or a record mark in parentheses (the record is an ATH claim of its own).
 */
/**
 * "VIX at 14.85", "Oracle sits at $196.95", "IWM at a record 255.87", "XLF closed 54.21", "SPY flat at
 * 683.51", "XLI to 156.37 (+1.07%)": a name, then "at" (or "closed", "flat at", and in shorthand "to"
 * before a level standing alone) and a level with decimals.
 */
const NAME_AT_LEVEL = new RegExp(
  `^\\s+(?:(?:is|was|sits|sat|stands|stood|trades|traded|trading|now)\\s+)?(?:(?:still|now|currently|only|just)\\s+)*(?:(?:closed|ended|finished|settled)\\s+(?:the\\s+(?:day|session)\\s+)?(?:at\\s+)?|(?:(?:closed|ended|finished)\\s+)?(?:flat|unchanged)\\s+at\\s+|at\\s+|to\\s+(?=\\$?[\\d,]+\\.\\d+\\s*(?:\\(|[,;]|$)))(?:an?\\s+(?:fresh\\s+|new\\s+)?(?:record|all[- ]time\\s+high)(?:\\s+(?:close|high))?(?:\\s+of)?\\s+)?\\$?(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+\\.\\d+)${NUMBER_END}(?!\\s*(?:a\\.?m|p\\.?m|ET|EST)\\b)`,
  'i',
);
/** "but still only 16.63", "now just 14.91": a level after "still" or "now" and "only"/"just" (its subject before it). */
const STILL_LEVEL = new RegExp(`\\b(?:still|now)\\s+(?:only|just)\\s+(?:at\\s+)?${PRICE}`, 'i');
/** "$VIX down 5 days running, 24.84": a name, its streak, then its level standing alone after a comma. */
const STREAK_COMMA_LEVEL =
  /^\s*:?\s*(?:up|down|higher|lower|green|red)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten)\s+(?:straight\s+)?(?:days|sessions)(?:\s+(?:running|straight|in\s+a\s+row))?\s*,\s*\$?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?=\s*(?:[,;]|\.(?!\d)|$))/i;
/** "Closing levels: AAPL 277.51, MSFT 481.33": names each followed by a level, in a sentence about closes. */
const CLOSING_LIST = /\bclos(?:e|es|ed|ing)\b/i;
const NAME_THEN_LEVEL = /^\s*:?\s*\$?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?=\s*(?:[,;]|\.(?!\d)|$|\s+and\b))/;
/**
 * "$VIX 14.85, vol sellers eating", "IWM 255.87 (record close)", "$VIX 15.66 👀 up 16.28% today": a ticker, then a level
 * with decimals standing alone (or before an emoji, or before its move told "up x%").
 */
const TICKER_THEN_LEVEL =
  /^\s*:?\s*\$?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?=\s*(?:[,;]|\.(?!\d)|$|\((?:record|ATH|new)|\p{Extended_Pictographic})|\s+(?:up|down)\s+\d+(?:\.\d+)?\s?%|\s+(?:new\s+(?:closing\s+)?high|record(?:\s+close)?|ATH|all[- ]time\s+high)\b)/iu;
/** "VIX 14.85 (-5.83%)", "AMD 162.30 +0.9%": a level, then its signed move in parentheses or after a space. */
const LEVEL_THEN_MOVE =
  /^[\s:]*\$?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+\.\d+)(?:\s*\(\s*(?:[-+−–]\d+(?:\.\d+)?\s?%|(?:new\s+|fresh\s+)?(?:ATH|record(?:\s+(?:close|high))?|all[- ]time\s+high)\s*\))|\s+[-+−–]\d+(?:\.\d+)?\s?%)/i;

function extract(scope: SentenceScope): LevelClaim[] {
  const { sentence, mentions, ctx, line } = scope;
  const out: LevelClaim[] = [];
  const push = (
    at: number,
    end: number,
    digitsText: string,
    subject: ReturnType<typeof findSubject>,
    record: boolean,
  ) => {
    if (!subject) return;
    const digits = digitsText.replace(/,/g, '');
    const claim: LevelClaim = {
      metric: 'level',
      text: sentence,
      subject: subject.subject,
      symbol: subject.symbol,
      line,
      span: { start: scope.offset + at, end: scope.offset + end },
      value: Number(digits),
      decimals: digits.includes('.') ? digits.split('.')[1]!.length : 0,
      record,
    };
    out.push(subject.unresolved ? { ...claim, unresolved: subject.unresolved } : claim);
  };
  for (const { m, subject } of matchesWithSubjects(MOVE_TO_LEVEL, sentence, mentions, ctx)) {
    const at = m.index + m[0].lastIndexOf(m[1]!);
    push(at, at + m[1]!.length, m[1]!, subject, false);
  }
  for (const x of mentions) {
    if (x.object || x.symbol === null) continue;
    const tail = sentence.slice(x.end);
    const m =
      LEVEL_THEN_MOVE.exec(tail) ??
      MOVE_THEN_PAREN_LEVEL.exec(tail) ??
      (hedged(sentence, x.start) ? null : NAME_AT_LEVEL.exec(tail)) ??
      (CLOSING_LIST.test(sentence) ? NAME_THEN_LEVEL.exec(tail) : null) ??
      (hedged(sentence, x.start)
        ? null
        : ((/^\$?\^?[A-Z]{2,5}$/.test(x.text) ? TICKER_THEN_LEVEL.exec(tail) : null) ??
          MOVE_COMMA_LEVEL.exec(tail) ??
          STREAK_COMMA_LEVEL.exec(tail)));
    if (!m) continue;
    const at = x.end + m[0].indexOf(m[1]!);
    push(
      at,
      at + m[1]!.length,
      m[1]!,
      { subject: x.text.replace(/^the\s+/i, ''), symbol: x.symbol, mention: x },
      false,
    );
  }
  for (const { m, subject } of matchesWithSubjects(LEVEL, sentence, mentions, ctx))
    push(m.index, m.index + m[0].length, m[3]!, subject, m[1] !== undefined || m[2] !== undefined);
  for (const re of [TO_LEVEL, RECORD_LEVEL, STILL_LEVEL, HIGHER_AT_LEVEL, PAST_MARK_AT])
    for (const { m, subject } of matchesWithSubjects(re, sentence, mentions, ctx)) {
      const at = m.index + m[0].lastIndexOf(m[1]!);
      push(at, at + m[1]!.length, m[1]!, subject, false);
    }
  // "fell 2% to close at 14.85" is read by both patterns: one claim per figure.
  const unique = out.filter(
    (c, i) =>
      !out.some(
        (d, j) => j < i && d.value === c.value && d.span.end >= c.span.start - 12 && d.span.start <= c.span.end,
      ),
  );
  return unique.sort((a, b) => a.span.start - b.span.start);
}

export const levelClaimType: ClaimType<LevelClaim> = {
  metric: 'level',
  hasBasis: false,
  extract,
  evaluate(c, { series: s, k }) {
    // A level is the price close; a close-only series of adjusted closes has no other to offer.
    const close = s.close[k]!;
    const ok = Math.abs(close - c.value) <= 0.5 * 10 ** -c.decimals + 1e-9 * Math.max(1, close);
    return { ok, actual: close, fact: `${s.symbol} closed at ${close.toFixed(Math.max(2, c.decimals))}` };
  },
  claimed: (c) => c.value,
  claimedText: (c) => c.value.toFixed(c.decimals),
  period: () => null,
};
