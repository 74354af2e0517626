/**
 * The one place errors become HTTP responses. MarketDash's typed errors (src/domain/errors.ts) map to
 * statuses by kind; schema failures become 400 naming the parameter; anything else is a 500 whose
 * body says only "internal error" (the stack goes to the server log, never to the client).
 */
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { type ErrorKind, isMarketDashError, UsageError } from '../domain/errors.js';
import { PATTERN_WORDS } from './api-schemas.js';

/** The JSON body of every error response. */
export interface ErrorBody {
  readonly error: {
    readonly status: number;
    readonly kind: ErrorKind | 'unauthorized' | 'rate_limited' | 'too_large';
    readonly message: string;
    readonly parameter?: string;
  };
}

const STATUS_BY_KIND: Readonly<Record<ErrorKind, number>> = {
  usage: 400,
  data: 422,
  not_found: 404,
  provider: 502,
  internal: 500,
};

/** A request without a valid bearer token on an endpoint that changes state. */
export class UnauthorizedError extends Error {
  override readonly name = 'UnauthorizedError';
}

interface AjvIssue {
  readonly instancePath?: string;
  readonly message?: string;
  readonly keyword?: string;
  readonly params?: Record<string, unknown>;
}

/** The parameter an ajv issue is about: `/asOf` -> asOf; a missing or extra property -> its name. */
export function parameterOfIssue(issue: AjvIssue): string | undefined {
  const p = issue.params ?? {};
  if (typeof p.missingProperty === 'string') return p.missingProperty;
  if (typeof p.additionalProperty === 'string') return p.additionalProperty;
  const path = issue.instancePath ?? '';
  const name = path.split('/').filter(Boolean)[0];
  return name === undefined ? undefined : decodeURIComponent(name);
}

function describeIssue(issue: AjvIssue, parameter: string | undefined, context: string | undefined): string {
  const p = issue.params ?? {};
  if (issue.keyword === 'additionalProperties')
    return `${parameter}: unknown ${context === 'body' ? 'field' : 'parameter'}`;
  if (issue.keyword === 'required') return `${parameter}: required`;
  if (issue.keyword === 'enum' && Array.isArray(p.allowedValues))
    return `${parameter}: must be one of ${p.allowedValues.join(', ')}`;
  if (issue.keyword === 'pattern' && typeof p.pattern === 'string' && PATTERN_WORDS[p.pattern])
    return `${parameter}: ${PATTERN_WORDS[p.pattern]}`;
  return `${parameter ?? context ?? 'request'}: ${issue.message ?? 'is invalid'}`;
}

/** Services name CLI options (`--as-of`); the API's parameters are camelCase (`asOf`). */
export function apiParameterName(name: string): string {
  return name.replace(/^--/, '').replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/** Maps any thrown value to a status and body. Exported for tests. */
export function errorResponse(error: unknown): ErrorBody {
  if (isMarketDashError(error)) {
    const status = STATUS_BY_KIND[error.kind];
    const parameter = error instanceof UsageError && error.parameter ? apiParameterName(error.parameter) : undefined;
    return { error: { status, kind: error.kind, message: error.message, ...(parameter ? { parameter } : {}) } };
  }
  if (error instanceof UnauthorizedError)
    return { error: { status: 401, kind: 'unauthorized', message: error.message } };
  const fe = error as Partial<FastifyError> & { validation?: AjvIssue[]; validationContext?: string };
  if (Array.isArray(fe.validation) && fe.validation.length > 0) {
    const issue = fe.validation[0]!;
    const parameter = parameterOfIssue(issue);
    return {
      error: {
        status: 400,
        kind: 'usage',
        message: describeIssue(issue, parameter, fe.validationContext),
        ...(parameter ? { parameter } : {}),
      },
    };
  }
  const status = typeof fe.statusCode === 'number' ? fe.statusCode : 500;
  if (status === 413) return { error: { status, kind: 'too_large', message: 'request body is too large' } };
  if (status === 429) return { error: { status, kind: 'rate_limited', message: fe.message ?? 'too many requests' } };
  if (status >= 400 && status < 500) {
    // Fastify's own client errors (bad JSON, unsupported media type): their messages carry no internals.
    return { error: { status, kind: 'usage', message: fe.message ?? 'bad request' } };
  }
  return { error: { status: 500, kind: 'internal', message: 'internal error' } };
}

/** The Fastify error handler: logs server faults, answers with the mapped JSON body. */
export function handleError(error: unknown, request: FastifyRequest, reply: FastifyReply): void {
  const body = errorResponse(error);
  if (body.error.status >= 500) request.log.error({ err: error }, 'request failed');
  reply.status(body.error.status).type('application/json; charset=utf-8').send(body);
}
