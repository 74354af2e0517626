/**
 * What the VIX card says about the day, by the events' rule: "lowest close since D" only when D is at
 * least a month before the as-of day (a close merely below the previous session's is no low), the
 * same for "highest close since"; otherwise the day's move. The events service uses the same
 * month (config `events.sinceMinMonths`, default 1) and the same calendar arithmetic.
 */
import { formatIsoDate, sameDateMonthsEarlier, tryParseIsoDate } from '../../src/domain/trading-date.js';

export interface SinceFigures {
  readonly asOf: string;
  readonly lowestSince: string | null;
  readonly highestSince: string | null;
}

export type Notable =
  | { readonly kind: 'lowest' | 'highest'; readonly since: string }
  | { readonly kind: 'record-low' | 'record-high' }
  | { readonly kind: 'none' };

export function notableClose(r: SinceFigures, minMonths = 1): Notable {
  const day = tryParseIsoDate(r.asOf);
  if (day === null) return { kind: 'none' };
  const limit = formatIsoDate(sameDateMonthsEarlier(day, minMonths));
  if (r.lowestSince !== null && r.lowestSince <= limit) return { kind: 'lowest', since: r.lowestSince };
  if (r.highestSince !== null && r.highestSince <= limit) return { kind: 'highest', since: r.highestSince };
  // No earlier close below (above) at all: a low (high) for the whole history held.
  if (r.lowestSince === null && r.highestSince !== null) return { kind: 'record-low' };
  if (r.highestSince === null && r.lowestSince !== null) return { kind: 'record-high' };
  return { kind: 'none' };
}

export function notableText(n: Notable): string {
  switch (n.kind) {
    case 'lowest':
      return `Lowest close since ${n.since}`;
    case 'highest':
      return `Highest close since ${n.since}`;
    case 'record-low':
      return 'Lowest close on record';
    case 'record-high':
      return 'Highest close on record';
    default:
      return 'No low or high of note (not beyond a month)';
  }
}
