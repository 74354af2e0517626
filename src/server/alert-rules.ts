/**
 * Alert rules from the config's `alerts` array, and which market events each rule turns into an
 * alert. Three kinds:
 *   {"type":"trend_state","pair":"SPSM/MAG7"}          a pair's trendline/breakout state changed
 *   {"type":"new_ath","symbols":["IWM","SPSM"]}        a new all-time closing high (symbols optional: any)
 *   {"type":"vix_lowest_since","months":3}             the VIX at its lowest close since at least N months back
 * Each may name a `webhook` URL and an `id` (default: derived from the rule). Matching is pure; the
 * alert key (rule, event type, symbol, date) is what makes delivery happen once per alert.
 */

import { z } from 'zod';
import { ensureDefined } from '../domain/ensure.js';
import { DataError } from '../domain/errors.js';
import { parseIsoDate, sameDateMonthsEarlier } from '../domain/trading-date.js';
import { webhookUrlProblem } from './webhook-target-guard.js';

const webhook = z
  .string()
  .url()
  .superRefine((url, ctx) => {
    const problem = webhookUrlProblem(url);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: `webhook ${problem}` });
  })
  .optional();
const ruleSchema = z.discriminatedUnion('type', [
  z
    .object({
      type: z.literal('trend_state'),
      id: z.string().min(1).optional(),
      pair: z.string().regex(/^[^/\s]+\/[^/\s]+$/, 'expected A/B'),
      webhook,
    })
    .strict(),
  z
    .object({
      type: z.literal('new_ath'),
      id: z.string().min(1).optional(),
      symbols: z.array(z.string().min(1)).optional(),
      webhook,
    })
    .strict(),
  z
    .object({
      type: z.literal('vix_lowest_since'),
      id: z.string().min(1).optional(),
      months: z.number().int().min(1).max(600),
      symbol: z.string().optional(),
      webhook,
    })
    .strict(),
]);

export type AlertRuleInput = z.infer<typeof ruleSchema>;
export type AlertRule = AlertRuleInput & { readonly id: string };

/** A market event as `marketdash events` writes it: `{type, symbol, date, ...figures}`. */
export interface MarketEventLike {
  readonly type: string;
  readonly symbol: string;
  readonly date: string;
  readonly since?: string | null;
  /** The new state of a trend_state event. */
  readonly state?: unknown;
}

export interface Alert {
  /** Unique per (rule, event): the once-only delivery key. */
  readonly key: string;
  readonly rule: AlertRule;
  readonly event: MarketEventLike;
  readonly message: string;
}

function defaultId(rule: AlertRuleInput): string {
  if (rule.type === 'trend_state') return `trend_state:${rule.pair.toUpperCase()}`;
  if (rule.type === 'new_ath') return `new_ath:${(rule.symbols ?? ['*']).map((s) => s.toUpperCase()).join(',')}`;
  return `vix_lowest_since:${rule.months}m`;
}

/**
 * Validates the config's `alerts` array (or the API body's `rules`); a bad rule is a DataError naming its path
 * (`alerts[1].months`; `rules[1].months` with listName 'rules' and no file).
 */
export function parseAlertRules(
  raw: readonly unknown[] | undefined,
  file = 'config',
  /** The list's name where the rules were given: the config's `alerts`, the API body's `rules`. */
  listName = 'alerts',
): AlertRule[] {
  const at = (i: number, rest: string) => `${file === '' ? '' : `${file}: `}${listName}[${i}]${rest}`;
  const list = raw ?? [];
  const rules: AlertRule[] = [];
  const seen = new Set<string>();
  list.forEach((item, i) => {
    const parsed = ruleSchema.safeParse(item);
    if (!parsed.success) {
      const issue = ensureDefined(parsed.error.issues[0], 'the first issue of a failed rule');
      throw new DataError(at(i, `${issue.path.map((k) => `.${String(k)}`).join('')}: ${issue.message}`), { file });
    }
    const id = parsed.data.id ?? defaultId(parsed.data);
    if (seen.has(id)) throw new DataError(at(i, `.id: '${id}' is used by an earlier rule`), { file });
    seen.add(id);
    rules.push({ ...parsed.data, id });
  });
  return rules;
}

function sameSymbol(a: string, b: string): boolean {
  return a.trim().toUpperCase() === b.trim().toUpperCase();
}

/** Does `event` fire `rule`? */
export function ruleMatches(rule: AlertRule, event: MarketEventLike): boolean {
  switch (rule.type) {
    case 'trend_state':
      return event.type === 'trend_state' && sameSymbol(event.symbol, rule.pair);
    case 'new_ath':
      return (
        event.type === 'new_ath' &&
        (rule.symbols === undefined || rule.symbols.some((s) => sameSymbol(s, event.symbol)))
      );
    case 'vix_lowest_since': {
      if (event.type !== 'lowest_since' || !sameSymbol(event.symbol, rule.symbol ?? '^VIX') || !event.since)
        return false;
      const cutoff = sameDateMonthsEarlier(parseIsoDate(event.date, 'event.date'), rule.months);
      return parseIsoDate(event.since, 'event.since') <= cutoff;
    }
  }
}

function describe(rule: AlertRule, e: MarketEventLike): string {
  switch (rule.type) {
    case 'trend_state':
      return `${e.symbol}: trendline state is now ${String(e.state ?? 'changed')} (${e.date})`;
    case 'new_ath':
      return `${e.symbol}: new all-time closing high on ${e.date}`;
    case 'vix_lowest_since':
      return `${e.symbol}: lowest close since ${e.since} (${e.date})`;
  }
}

/** Every (rule, event) match, each with its once-only key; the order follows rules then events. */
export function matchAlerts(rules: readonly AlertRule[], events: readonly MarketEventLike[]): Alert[] {
  const out: Alert[] = [];
  for (const rule of rules) {
    for (const event of events) {
      if (!ruleMatches(rule, event)) continue;
      const state = event.type === 'trend_state' ? `|${String(event.state ?? '')}` : '';
      out.push({
        key: `${rule.id}|${event.type}|${event.symbol.toUpperCase()}|${event.date}${state}`,
        rule,
        event,
        message: describe(rule, event),
      });
    }
  }
  return out;
}
