/** Alert rules: validation messages that name the bad key, and which events fire which rule. */
import { describe, expect, test } from 'vitest';
import { DataError } from '../domain/errors.js';
import { matchAlerts, parseAlertRules, ruleMatches } from './alert-rules.js';

// a rule's receiver on 127.0.0.1 is refused by the webhook guard unless allowed
process.env.MARKETDASH_WEBHOOK_ALLOW_HOSTS = '127.0.0.1';

describe('parseAlertRules', () => {
  test('accepts the three kinds and gives each a stable id', () => {
    const rules = parseAlertRules([
      { type: 'trend_state', pair: 'SPSM/MAG7', webhook: 'http://127.0.0.1:9999/hook' },
      { type: 'new_ath', symbols: ['IWM', 'SPSM'] },
      { type: 'vix_lowest_since', months: 3 },
    ]);
    expect(rules.map((r) => r.id)).toEqual(['trend_state:SPSM/MAG7', 'new_ath:IWM,SPSM', 'vix_lowest_since:3m']);
  });
  test.each([
    [[{ type: 'new_ath', symbols: 'IWM' }], 'alerts[0].symbols'],
    [[{ type: 'new_ath' }, { type: 'vix_lowest_since', months: 0 }], 'alerts[1].months'],
    [[{ type: 'trend_state', pair: 'SPSM' }], 'alerts[0].pair'],
    [[{ type: 'new_ath', webhook: 'not a url' }], 'alerts[0].webhook'],
    [[{ type: 'new_ath', colour: 'red' }], 'alerts[0]'],
    [[{ type: 'moon_phase' }], 'alerts[0].type'],
  ])('a bad rule is a DataError naming %j -> %s', (raw, path) => {
    expect(() => parseAlertRules(raw)).toThrow(DataError);
    expect(() => parseAlertRules(raw)).toThrow(path);
  });
  test('two rules with the same id are refused', () => {
    expect(() => parseAlertRules([{ type: 'new_ath' }, { type: 'new_ath' }])).toThrow("alerts[1].id: 'new_ath:*'");
  });
});

describe('ruleMatches', () => {
  const [trend, ath, athAny, vix] = parseAlertRules([
    { type: 'trend_state', pair: 'SPSM/MAG7' },
    { type: 'new_ath', symbols: ['IWM'] },
    { type: 'new_ath', id: 'any-ath' },
    { type: 'vix_lowest_since', months: 3 },
  ]);
  test('a trend_state event of the configured pair (case-insensitive)', () => {
    expect(
      ruleMatches(trend!, { type: 'trend_state', symbol: 'spsm/mag7', date: '2025-12-11', state: 'testing' }),
    ).toBe(true);
    expect(ruleMatches(trend!, { type: 'trend_state', symbol: 'IWM/QQQ', date: '2025-12-11', state: 'testing' })).toBe(
      false,
    );
  });
  test('new_ath for the listed symbols, or for any symbol when none are listed', () => {
    expect(ruleMatches(ath!, { type: 'new_ath', symbol: 'IWM', date: '2025-12-11' })).toBe(true);
    expect(ruleMatches(ath!, { type: 'new_ath', symbol: 'SPY', date: '2025-12-11' })).toBe(false);
    expect(ruleMatches(ath!, { type: 'near_ath', symbol: 'IWM', date: '2025-12-11' })).toBe(false);
    expect(ruleMatches(athAny!, { type: 'new_ath', symbol: 'SPY', date: '2025-12-11' })).toBe(true);
  });
  test('VIX lowest-since counts only when the since-date is at least N months back (same calendar date rule)', () => {
    // 2025-12-11 minus 3 months = 2025-09-11: a since of 2025-09-11 qualifies, 2025-09-12 does not.
    expect(ruleMatches(vix!, { type: 'lowest_since', symbol: '^VIX', date: '2025-12-11', since: '2025-09-11' })).toBe(
      true,
    );
    expect(ruleMatches(vix!, { type: 'lowest_since', symbol: '^VIX', date: '2025-12-11', since: '2025-09-12' })).toBe(
      false,
    );
    expect(ruleMatches(vix!, { type: 'lowest_since', symbol: 'SPY', date: '2025-12-11', since: '2024-01-02' })).toBe(
      false,
    );
    expect(ruleMatches(vix!, { type: 'highest_since', symbol: '^VIX', date: '2025-12-11', since: '2024-01-02' })).toBe(
      false,
    );
  });
});

test('matchAlerts keys each (rule, event) pair; a new state of the pair is a new key', () => {
  const rules = parseAlertRules([{ type: 'trend_state', pair: 'SPSM/MAG7' }]);
  const a = matchAlerts(rules, [{ type: 'trend_state', symbol: 'SPSM/MAG7', date: '2025-12-11', state: 'testing' }]);
  const b = matchAlerts(rules, [{ type: 'trend_state', symbol: 'SPSM/MAG7', date: '2025-12-11', state: 'breaking' }]);
  expect(a[0]!.key).toBe('trend_state:SPSM/MAG7|trend_state|SPSM/MAG7|2025-12-11|testing');
  expect(b[0]!.key).not.toBe(a[0]!.key);
  expect(a[0]!.message).toContain('testing');
});

describe('webhook URLs in rules (issue 17 item 11)', () => {
  test('refuses a metadata address and a non-http scheme, naming the rule', () => {
    for (const webhook of ['http://169.254.169.254/latest/meta-data/', 'file:///etc/passwd', 'gopher://example.com/']) {
      expect(() => parseAlertRules([{ type: 'new_ath', webhook }], 'rules')).toThrow(/alerts\[0\]\.webhook|webhook/);
    }
  });
});
