/**
 * Turns market events into alerts, once each: a new alert goes to the live feed and, when its rule
 * names a webhook, is POSTed there (signed, retried). What has fired and what has been delivered is
 * kept in a small JSON ledger (beside the store by default) so a restart never re-sends an alert,
 * and an undelivered one is retried on the next run.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { DataError } from '../domain/errors.js';
import { type Alert, type AlertRule, type MarketEventLike, matchAlerts } from './alert-rules.js';
import type { EventFeed } from './event-feed.js';
import { type DeliveryOptions, type DeliveryOutcome, deliverWebhook } from './webhook-delivery.js';

interface LedgerEntry {
  readonly firedAt: string;
  delivered: boolean;
  readonly message: string;
  readonly webhook: string | null;
  readonly event: MarketEventLike;
  readonly ruleId: string;
}

export interface AlertCenterOptions {
  readonly rules: readonly AlertRule[];
  readonly feed: EventFeed;
  /** The ledger file; in memory only when null. */
  readonly ledgerPath: string | null;
  /** The signing secret for every webhook (MARKETDASH_WEBHOOK_SECRET). */
  readonly secret?: string | undefined;
  readonly delivery?: DeliveryOptions;
}

export interface AlertRunResult {
  readonly fired: readonly Alert[];
  readonly deliveries: readonly (DeliveryOutcome & { readonly key: string; readonly url: string })[];
}

export class AlertCenter {
  private ledger: Record<string, LedgerEntry>;
  private running: Promise<AlertRunResult> | null = null;
  private rules_: readonly AlertRule[];

  constructor(private readonly options: AlertCenterOptions) {
    this.rules_ = options.rules;
    this.ledger = options.ledgerPath ? readLedger(options.ledgerPath) : {};
  }

  get rules(): readonly AlertRule[] {
    return this.rules_;
  }

  /** Replaces the running rules (`PUT /api/alerts/rules`); alerts already fired stay fired. */
  setRules(rules: readonly AlertRule[]): void {
    this.rules_ = rules;
  }

  /** Alerts fired so far, newest first. */
  history(): {
    key: string;
    firedAt: string;
    delivered: boolean;
    message: string;
    ruleId: string;
    event: MarketEventLike;
  }[] {
    return Object.entries(this.ledger)
      .map(([key, e]) => ({
        key,
        firedAt: e.firedAt,
        delivered: e.delivered,
        message: e.message,
        ruleId: e.ruleId,
        event: e.event,
      }))
      .sort((a, b) => (a.firedAt < b.firedAt ? 1 : a.firedAt > b.firedAt ? -1 : a.key < b.key ? 1 : -1));
  }

  /** Matches the events against the rules, publishes new alerts, delivers pending webhooks. Runs one at a time. */
  async process(events: readonly MarketEventLike[]): Promise<AlertRunResult> {
    while (this.running) await this.running.catch(() => undefined);
    this.running = this.run(events);
    try {
      return await this.running;
    } finally {
      this.running = null;
    }
  }

  private async run(events: readonly MarketEventLike[]): Promise<AlertRunResult> {
    const fired: Alert[] = [];
    for (const alert of matchAlerts(this.rules_, events)) {
      if (this.ledger[alert.key]) continue;
      this.ledger[alert.key] = {
        firedAt: new Date().toISOString(),
        delivered: !alert.rule.webhook,
        message: alert.message,
        webhook: alert.rule.webhook ?? null,
        event: alert.event,
        ruleId: alert.rule.id,
      };
      fired.push(alert);
      this.options.feed.publish('alert', {
        key: alert.key,
        rule: alert.rule.id,
        message: alert.message,
        event: alert.event,
      });
    }
    this.save();
    const deliveries: (DeliveryOutcome & { key: string; url: string })[] = [];
    for (const [key, entry] of Object.entries(this.ledger)) {
      if (entry.delivered || !entry.webhook) continue;
      const payload = { key, rule: entry.ruleId, message: entry.message, event: entry.event, firedAt: entry.firedAt };
      const outcome = await deliverWebhook(
        { url: entry.webhook, secret: this.options.secret },
        payload,
        this.options.delivery,
      );
      deliveries.push({ ...outcome, key, url: entry.webhook });
      if (outcome.delivered) {
        entry.delivered = true;
        this.save();
      }
    }
    return { fired, deliveries };
  }

  private save(): void {
    const path = this.options.ledgerPath;
    if (!path) return;
    const tmp = `${path}.tmp`;
    writeFileSync(tmp, `${JSON.stringify(this.ledger, null, 1)}\n`);
    renameSync(tmp, path);
  }
}

function readLedger(path: string): Record<string, LedgerEntry> {
  if (!existsSync(path)) return {};
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Record<string, LedgerEntry>;
  } catch (e) {
    throw new DataError(`alert ledger ${path} is not valid JSON (delete it to start afresh): ${(e as Error).message}`, {
      cause: e,
      file: path,
    });
  }
}
