/**
 * Breadth claims (issue 15) about the members of a group, in a sentence that names the S&P 600's
 * members ("S&P 600 members", "members of the S&P SmallCap 600"):
 * - "72.49% closed above their 50-day average" (and "66.03% above their 200-day average"): the
 *   share of members with that average on the day whose close is strictly above it, in percent, to
 *   the precision printed;
 * - "58 made new 52-week highs", "none made new 52-week lows", "net new highs: 58";
 * - "420 S&P 600 members advanced and 154 declined": against the member's own previous bar.
 * The group's equal-weighted index (`sp600:equalWeight`, see analytics/breadth) is one more derived
 * series: a sentence or table row naming "S&P 600 members, equal-weighted" resolves to it and its
 * returns over a period are ordinary return claims, set against a cap-weighted fund (SPSM).
 * Each measure is checked on the group's breadth history (analytics/breadth, the same counts as
 * `marketdash breadth`), which the check service supplies as a derived series named
 * `<group>:<measure>` (see `breadthSymbol`): one value per day, so the checker's as-of and
 * nearby-session logic applies unchanged.
 */
import type { ClaimBase } from '../claims/claim.js';
import { allMatches, hedged } from '../claims/clause-words.js';
import type { ClaimType, SentenceScope } from './claim-type.js';

export const BREADTH_MEASURES = [
  'above50',
  'above200',
  'newHighs',
  'newLows',
  'netNewHighs',
  'advances',
  'declines',
  'equalWeight',
] as const;
export type BreadthMeasure = (typeof BREADTH_MEASURES)[number];

/** The group a sentence about "S&P 600 members" means: the store's imported `sp600` group. */
export const SP600_GROUP = 'sp600';

interface BreadthClaim extends ClaimBase {
  readonly metric: 'breadth';
  readonly group: string;
  readonly measure: BreadthMeasure;
  /** Percent for the shares (72.49), a count for the others. */
  readonly value: number;
  readonly decimals: number;
}

/** The derived series a breadth measure of a group is checked against: `sp600:above50`. */
export function breadthSymbol(group: string, measure: BreadthMeasure): string {
  return `${group}:${measure}`;
}

/** The group and measure of a derived breadth symbol, or null for an ordinary ticker. */
export function parseBreadthSymbol(symbol: string): { group: string; measure: BreadthMeasure } | null {
  const m = /^([a-z0-9_-]+):([A-Za-z0-9]+)$/.exec(symbol);
  if (!m || !(BREADTH_MEASURES as readonly string[]).includes(m[2]!)) return null;
  return { group: m[1]!, measure: m[2] as BreadthMeasure };
}

const GROUP =
  /\bS&P\s+(?:SmallCap\s+)?600(?:'s)?\s+(?:index\s+)?(?:members|constituents|stocks)\b|\b(?:members|constituents)\s+of\s+the\s+S&P\s+(?:SmallCap\s+)?600\b/i;
const ABOVE =
  /(\d+(?:\.\d+)?)%\s+(?:of\s+them\s+)?(?:closed\s+|are\s+|were\s+|traded\s+|trade\s+)?above\s+their\s+(50|200)-day(?:\s+(?:simple\s+)?moving)?\s+average/gi;
const HIGH_LOW =
  /\b(\d+|no|none)\s+(?:members\s+|stocks\s+)?(?:made|set|hit|posted)\s+new\s+52-week\s+(?:closing\s+)?(highs|lows)\b/gi;
const NET = /\bnet\s+new\s+highs:?\s+(?:of\s+)?(-?\d+)\b/gi;
const ADVANCE_DECLINE =
  /\b(\d+)\s+(?:S&P\s+(?:SmallCap\s+)?600\s+)?(?:members\s+|stocks\s+|of\s+them\s+)?(advanced|declined)\b/gi;

const NAMES: Record<BreadthMeasure, string> = {
  above50: 'the share above the 50-day average',
  above200: 'the share above the 200-day average',
  newHighs: 'new 52-week highs',
  newLows: 'new 52-week lows',
  netNewHighs: 'net new highs',
  advances: 'advances',
  declines: 'declines',
  equalWeight: 'the equal-weighted index',
};

/** The names a text gives the equal-weighted index of the S&P 600 members (the note's table row first). */
export const EQUAL_WEIGHT_NAMES = [
  'S&P 600 members, equal-weighted',
  'equal-weighted S&P 600 members',
  'S&P 600 members (equal-weighted)',
  'S&P 600 members equal-weighted',
  'equal-weighted S&P 600',
] as const;

const isShare = (m: BreadthMeasure) => m === 'above50' || m === 'above200';
const format = (m: BreadthMeasure, v: number, decimals: number) =>
  isShare(m) ? `${v.toFixed(decimals)}%` : String(Math.round(v));

/** Whether a sentence is about the S&P 600's members (where "new highs" counts members, not an index record). */
export function aboutGroupMembers(sentence: string): boolean {
  return GROUP.test(sentence);
}

function claimsOf(scope: SentenceScope): BreadthClaim[] {
  const { sentence } = scope;
  if (!GROUP.test(sentence)) return [];
  const out: BreadthClaim[] = [];
  const add = (m: RegExpExecArray, measure: BreadthMeasure, digits: string) => {
    if (hedged(sentence, m.index)) return;
    const value = /^(?:no|none)$/i.test(digits) ? 0 : Number(digits);
    out.push({
      metric: 'breadth',
      text: sentence,
      subject: 'S&P 600 members',
      symbol: breadthSymbol(SP600_GROUP, measure),
      line: scope.line,
      span: { start: scope.offset + m.index, end: scope.offset + m.index + m[0].length },
      group: SP600_GROUP,
      measure,
      value,
      decimals: digits.includes('.') ? digits.split('.')[1]!.length : 0,
    });
  };
  for (const m of allMatches(ABOVE, sentence)) add(m, m[2] === '50' ? 'above50' : 'above200', m[1]!);
  for (const m of allMatches(HIGH_LOW, sentence))
    add(m, m[2]!.toLowerCase() === 'highs' ? 'newHighs' : 'newLows', m[1]!);
  for (const m of allMatches(NET, sentence)) add(m, 'netNewHighs', m[1]!);
  for (const m of allMatches(ADVANCE_DECLINE, sentence))
    add(m, m[2]!.toLowerCase() === 'advanced' ? 'advances' : 'declines', m[1]!);
  return out.sort((a, b) => a.span.start - b.span.start);
}

export const breadthClaimType: ClaimType<BreadthClaim> = {
  metric: 'breadth',
  hasBasis: false,
  extract: claimsOf,
  evaluate(c, { series: s, k }) {
    const v = s.close[k]!;
    if (!Number.isFinite(v))
      return { unverifiable: `no ${c.group} member has the data for ${NAMES[c.measure]} on that day` };
    const ok = isShare(c.measure) ? Math.abs(v - c.value) <= 0.5 * 10 ** -c.decimals + 1e-9 : v === c.value;
    return {
      ok,
      actual: v,
      fact: `${NAMES[c.measure]} of the ${c.group} members is ${format(c.measure, v, Math.max(2, c.decimals))}`,
    };
  },
  claimed: (c) => c.value,
  claimedText: (c) => format(c.measure, c.value, c.decimals),
  describe: (c) => `${NAMES[c.measure]}: ${format(c.measure, c.value, c.decimals)}`,
  period: () => null,
};
