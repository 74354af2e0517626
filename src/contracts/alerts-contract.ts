/**
 * GET /api/alerts, PUT /api/alerts/rules and POST /api/update. The rules themselves are validated by
 * the alert rules' own schema (server/alert-rules.ts, the same as the config file's `alerts`); the
 * contract here is the envelope and the fields every rule and fired alert has.
 */
import { z } from 'zod';
import { named } from './contract-registry.js';

export const alertRuleSchema = named(
  'AlertRule',
  z.looseObject({
    type: z.enum(['trend_state', 'new_ath', 'vix_lowest_since']),
    id: z.string(),
    webhook: z.string().optional(),
  }),
  'A running alert rule (as in the config `alerts` array, with its id).',
);

export const firedAlertSchema = named(
  'FiredAlert',
  z.looseObject({ firedAt: z.string().describe('ISO timestamp'), ruleId: z.string(), message: z.string() }),
);

export const alertsResponseSchema = named(
  'AlertsResponse',
  z.object({ rules: z.array(alertRuleSchema), fired: z.array(firedAlertSchema).describe('newest first') }),
);
export type AlertsResponse = z.output<typeof alertsResponseSchema>;

export const alertRulesBodySchema = z.strictObject({
  rules: z.array(z.record(z.string(), z.unknown())).max(200).describe('the new rules, validated like the config'),
});
export const alertRulesResponseSchema = z
  .object({ rules: z.array(alertRuleSchema) })
  .describe('the rules now in force');

export const updateResponseSchema = z
  .object({ outcome: z.unknown().describe('the update summary') })
  .describe('the update ran; what it fetched and wrote');
