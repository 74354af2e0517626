/**
 * The one place errors become HTTP responses. MarketDash's typed errors (src/domain/errors.ts) map to
 * statuses by kind; schema failures become 400 naming the parameter; anything else is a 500 whose
 * body says only "internal error" (the stack goes to the server log, never to the client).
 */

import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { ErrorBody as ContractErrorBody } from '../contracts/common-contract.js';
import { ensureDefined } from '../domain/ensure.js';
import { type ErrorKind, isMarketDashError, UsageError } from '../domain/errors.js';

/** The JSON body of every error response (its schema: src/contracts/common-contract.ts). */
export type ErrorBody = ContractErrorBody & {
  readonly error: { readonly kind: ErrorKind | 'unauthorized' | 'rate_limited' | 'too_large' | 'unavailable' };
};

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

/** A request-validation issue as Fastify carries it (fastify-type-provider-zod maps each zod issue to one). */
interface ValidationIssue {
  readonly instancePath?: string;
  readonly message?: string;
  /** The zod issue code: invalid_type, unrecognized_keys, invalid_value, invalid_format, too_small ... */
  readonly keyword?: string;
  readonly params?: Record<string, unknown>;
}

/** The parameter an issue is about: `/asOf` -> asOf; an unknown parameter -> its name. */
export function parameterOfIssue(issue: ValidationIssue): string | undefined {
  const keys = issue.params?.keys;
  if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys) && typeof keys[0] === 'string') return keys[0];
  const name = (issue.instancePath ?? '').split('/').filter(Boolean)[0];
  return name === undefined ? undefined : decodeURIComponent(name);
}

/** A zod issue as it sits inside an `invalid_union` issue (its path relative to the union's). */
interface NestedZodIssue {
  readonly code?: string;
  readonly path?: readonly PropertyKey[];
  readonly message?: string;
  readonly [key: string]: unknown;
}

function depthOf(issue: ValidationIssue): number {
  return (issue.instancePath ?? '').split('/').filter(Boolean).length;
}

function fromNested(nested: NestedZodIssue, parentPath: string): ValidationIssue {
  const { code, path, message, ...params } = nested;
  const segments = (path ?? []).map((s) => encodeURIComponent(String(s)));
  return {
    instancePath: [parentPath.replace(/\/$/, ''), ...segments].join('/'),
    ...(message === undefined ? {} : { message }),
    ...(code === undefined ? {} : { keyword: code }),
    params,
  };
}

/**
 * The issue to report in place of zod's bare "Invalid input" for a union (the check body is a JSON object or
 * text): the branch that got deepest into the value is the one the client meant (`{"text":5}` reached the
 * object's `text`), so its first issue is reported; when no branch got past the value's own type, one
 * invalid_type issue listing every type the union accepts.
 */
export function unwrapUnionIssue(issue: ValidationIssue): ValidationIssue {
  const branches = issue.params?.errors;
  if (issue.keyword !== 'invalid_union' || !Array.isArray(branches)) return issue;
  const parentPath = issue.instancePath ?? '';
  const candidates = branches
    .filter((b): b is NestedZodIssue[] => Array.isArray(b) && b.length > 0)
    .map((b) => fromNested(ensureDefined(b[0], 'a union branch issue'), parentPath));
  if (candidates.length === 0) return issue;
  const deepest = candidates.reduce((best, c) => (depthOf(c) > depthOf(best) ? c : best));
  if (depthOf(deepest) > depthOf(issue)) return unwrapUnionIssue(deepest);
  const expected = candidates.map((c) => c.params?.expected).filter((e): e is string => typeof e === 'string');
  if (expected.length !== candidates.length) return issue;
  return { ...ensureDefined(candidates[0], 'a union branch issue'), params: { expected: expected.join('|') } };
}

/** `/rules/0/kind` -> rules[0].kind: where in a JSON body a field is. */
function fieldPath(instancePath: string | undefined): string | undefined {
  const segments = (instancePath ?? '').split('/').filter(Boolean).map(decodeURIComponent);
  if (segments.length === 0) return undefined;
  return segments.map((s, i) => (/^\d+$/.test(s) ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

const JSON_TYPE_NAMES: Readonly<Record<string, string>> = { int: 'integer', record: 'object', map: 'object' };

/** JSON's names for the types zod expects and meets: "a string", "an object", "a number". */
function withArticle(type: string): string {
  const name = JSON_TYPE_NAMES[type] ?? type;
  return `${/^[aeiou]/.test(name) ? 'an' : 'a'} ${name}`;
}

function describeType(issue: ValidationIssue, subject: string): string {
  const received = /received (\w+)/.exec(issue.message ?? '')?.[1];
  if (received === 'undefined') return `${subject}: required`;
  const expected = issue.params?.expected;
  if (typeof expected !== 'string') return `${subject}: ${issue.message ?? 'is invalid'}`;
  const wanted = expected.split('|').map(withArticle).join(' or ');
  const got =
    received === undefined || received === 'NaN' ? '' : `, not ${received === 'null' ? 'null' : withArticle(received)}`;
  return `${subject}: must be ${wanted}${got}`;
}

/** What a size limit counts: a string's characters, an array's items; a number is its own unit. */
function sizeUnit(origin: unknown, n: unknown): string {
  const one = Number(n) === 1;
  if (origin === 'string') return one ? ' character' : ' characters';
  if (origin === 'array' || origin === 'set') return one ? ' item' : ' items';
  return '';
}

function describeIssue(issue: ValidationIssue, parameter: string | undefined, context: string | undefined): string {
  const p = issue.params ?? {};
  const subject = (context === 'body' ? fieldPath(issue.instancePath) : parameter) ?? parameter ?? context ?? 'request';
  switch (issue.keyword) {
    case 'unrecognized_keys':
      return `${parameter ?? subject}: unknown ${context === 'body' ? 'field' : 'parameter'}`;
    case 'invalid_type':
      return describeType(issue, subject);
    case 'invalid_value':
      if (Array.isArray(p.values)) return `${subject}: must be one of ${p.values.join(', ')}`;
      break;
    case 'too_small':
      if (typeof p.minimum === 'number' || typeof p.minimum === 'bigint')
        return `${subject}: ${p.origin === 'string' && Number(p.minimum) === 1 ? 'must not be empty' : `must be at least ${p.minimum}${sizeUnit(p.origin, p.minimum)}`}`;
      break;
    case 'too_big':
      if (typeof p.maximum === 'number' || typeof p.maximum === 'bigint')
        return `${subject}: must be at most ${p.maximum}${sizeUnit(p.origin, p.maximum)}`;
      break;
  }
  return `${subject}: ${issue.message ?? 'is invalid'}`;
}

/** Services name CLI options (`--as-of`); the API's parameters are camelCase (`asOf`). */
export function apiParameterName(name: string): string {
  return name.replace(/^--/, '').replace(/-([a-z])/g, (_m, c: string) => c.toUpperCase());
}

/**
 * A service's message as the API words it: its CLI option names (`--as-of: no bars stored ...`) become the
 * API's parameter names (`asOf: ...`). The CLI's own next step (the error's `hint`) is never sent.
 */
export function apiMessage(message: string): string {
  return message.replace(
    /(^|[\s('"])--([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\b/g,
    (_m, before: string, name: string) => `${before}${apiParameterName(name)}`,
  );
}

/** Maps any thrown value to a status and body. Exported for tests. */
export function errorResponse(error: unknown): ErrorBody {
  if (isMarketDashError(error)) {
    const status = STATUS_BY_KIND[error.kind];
    const parameter = error instanceof UsageError && error.parameter ? apiParameterName(error.parameter) : undefined;
    return {
      error: { status, kind: error.kind, message: apiMessage(error.message), ...(parameter ? { parameter } : {}) },
    };
  }
  if (error instanceof UnauthorizedError)
    return { error: { status: 401, kind: 'unauthorized', message: error.message } };
  const fe = error as Partial<FastifyError> & { validation?: ValidationIssue[]; validationContext?: string };
  if (Array.isArray(fe.validation) && fe.validation.length > 0) {
    const issue = unwrapUnionIssue(ensureDefined(fe.validation[0], 'the first validation issue'));
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
  // Fastify's own 415 says only "Unsupported Media Type": say what the API reads
  if (status === 415 && fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return {
      error: {
        status,
        kind: 'usage',
        message: 'unsupported Content-Type: the API reads application/json bodies (POST /api/check text/plain too)',
      },
    };
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
