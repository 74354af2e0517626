/** A symbol's market events in words (the list under the chart) and as short chart-marker labels. */
import type { MarketEvent } from '../../api-client.js';
import { formatPercent, formatPrice } from '../../number-format.js';

const money = (v: unknown): string => (typeof v === 'number' ? formatPrice(v) : 'n/a');
const fig = (v: unknown, key: string): unknown =>
  v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;

/** One event in words, the way a market note would say it. */
export function eventText(e: MarketEvent): string {
  const since = e.since ? ` since ${e.since}` : '';
  const sessions = typeof e.length === 'number' ? `${e.length} sessions` : '';
  switch (e.type) {
    case 'new_ath':
      return `${e.date} · New record close at ${money(e.close)}${fig(e.previousHigh, 'date') ? ` (previous record ${money(fig(e.previousHigh, 'close'))} on ${String(fig(e.previousHigh, 'date'))})` : ''}`;
    case 'near_ath':
      return `${e.date} · ${formatPercent(typeof e.distance === 'number' ? e.distance : null)} from the record close of ${money(fig(e.ath, 'close'))} (${String(fig(e.ath, 'date') ?? 'n/a')})`;
    case 'highest_since':
      return `${e.date} · Highest close${since}`;
    case 'lowest_since':
      return `${e.date} · Lowest close${since}`;
    case 'streak':
      return `${e.date} · ${sessions} ${e.direction === 'down' ? 'down' : 'up'} in a row`;
    case 'streak_end':
      return `${e.date} · A streak of ${sessions} ${e.direction === 'down' ? 'down' : 'up'} ended`;
    default:
      return `${e.date} · ${e.type.replace(/_/g, ' ')}${since}${typeof e.state === 'string' ? `: ${e.state}` : sessions ? `: ${sessions}` : ''}`;
  }
}

/**
 * A short marker label for an event drawn on the chart ("record close", "4 days up", "13-day up streak ended"):
 * a record is of closes, said so (high-words.ts).
 */
export function eventLabel(e: MarketEvent): string {
  const n = typeof e.length === 'number' ? e.length : null;
  const dir = e.direction === 'down' ? 'down' : 'up';
  if (e.type === 'streak' && n !== null) return `${n} days ${dir}`;
  if (e.type === 'streak_end' && n !== null) return `${n}-day ${dir} streak ended`;
  const words: Record<string, string> = {
    new_ath: 'record close',
    near_ath: 'near record close',
    highest_since: 'highest since',
    lowest_since: 'lowest since',
    streak: 'streak',
    streak_end: 'streak ended',
  };
  return words[e.type] ?? e.type.replace(/_/g, ' ');
}

/** Whether an event is drawn under the bar (lows, down moves) or over it. */
export function eventBelow(e: MarketEvent): boolean {
  return e.type.includes('low') || e.direction === 'down';
}
