/**
 * The alert and update endpoints. Reads are open: GET /api/alerts (rules and what fired). Changes
 * need the bearer token beyond loopback: PUT /api/alerts/rules (replace the running rules; the
 * config file stays the source at the next start) and POST /api/update (run the update now, then
 * recompute events and alerts, as the schedule does).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  alertRulesBodySchema,
  alertRulesResponseSchema,
  alertsResponseSchema,
  updateResponseSchema,
} from '../../contracts/alerts-contract.js';
import { errorBodySchema, errorResponses } from '../../contracts/common-contract.js';
import { UsageError } from '../../domain/errors.js';
import { parseAlertRules } from '../alert-rules.js';
import type { ServerContext } from '../server-context.js';

const authResponses = {
  400: errorResponses[400],
  401: errorBodySchema.describe('a bearer token is required'),
  409: errorBodySchema.describe('not available on this server'),
} as const;

export function registerAlertRoutes(
  app: FastifyInstance,
  ctx: ServerContext,
  requireToken: (r: FastifyRequest) => Promise<void>,
): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    '/alerts',
    {
      schema: {
        summary: 'Alert rules and the alerts fired so far (newest first)',
        querystring: z.strictObject({}),
        response: { 200: alertsResponseSchema },
      },
    },
    async () => ({ rules: [...(ctx.alerts?.rules ?? [])], fired: ctx.alerts?.history() ?? [] }),
  );

  api.put(
    '/alerts/rules',
    {
      preHandler: requireToken,
      schema: {
        summary: 'Replace the running alert rules (validated like the config)',
        security: [{ bearer: [] }],
        body: alertRulesBodySchema,
        response: { 200: alertRulesResponseSchema, ...authResponses },
      },
    },
    async (request) => {
      if (!ctx.alerts)
        throw new UsageError('rules: this server runs without alerts (its daily schedule is off)', {
          parameter: 'rules',
        });
      let rules: ReturnType<typeof parseAlertRules>;
      try {
        rules = parseAlertRules(request.body.rules, '', 'rules');
      } catch (e) {
        throw new UsageError((e as Error).message, { parameter: 'rules' });
      }
      ctx.alerts.setRules(rules);
      return { rules };
    },
  );

  api.post(
    '/update',
    {
      preHandler: requireToken,
      schema: {
        summary: 'Run an update of the store now, then recompute events and alerts',
        security: [{ bearer: [] }],
        response: { 200: updateResponseSchema, ...authResponses },
      },
    },
    async (_request, reply) => {
      if (!ctx.update)
        return reply.status(409).send({
          error: { status: 409, kind: 'usage', message: 'this server has no update job (its daily schedule is off)' },
        });
      const outcome = await ctx.update();
      ctx.cache.invalidate();
      return { outcome };
    },
  );
}
