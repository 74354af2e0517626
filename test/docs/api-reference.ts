/**
 * Renders docs/api.md from the OpenAPI document the server itself builds (`buildApp(...).swagger()`,
 * the same document served at /api/openapi.json): every route with its parameters, body, answers and
 * errors, and an example request with the answer the app really gives on the demo market ending
 * 2025-12-11 (`marketdash demo --end 2025-12-11`). Regenerate with `npm run docs`;
 * `generated-docs.test.ts` fails when the committed page differs.
 */
import type { FastifyInstance } from 'fastify';
import { defaultConfig } from '../../src/config/universe-config.js';
import { parseIsoDate } from '../../src/domain/trading-date.js';
import { buildApp } from '../../src/server/build-app.js';
import { loadDemoMarket } from '../../src/services/demo/load-demo-market.js';
import { DuckDbStore } from '../../src/store/duckdb/duckdb-store.js';
import { githubAnchor } from './markdown-anchors.js';

/** The demo market of the docs ends on the day of the reference column (its `today` is the day after). */
export const DOCS_DEMO_END = '2025-12-11';
const DOCS_DEMO_TODAY = '2025-12-12';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  items?: Schema;
  required?: string[];
  nullable?: boolean;
  enum?: Json[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
  description?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  default?: Json;
  additionalProperties?: boolean | Schema;
}
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  description?: string;
  schema?: Schema;
}
interface Operation {
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
  security?: Record<string, string[]>[];
}
interface OpenApiDocument {
  info: { title: string; version: string; description?: string };
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

/** One example request per route; `body` is sent as JSON. Routes without one are listed without an example. */
interface Example {
  readonly method: string;
  readonly url: string;
  readonly body?: Json;
  readonly token?: boolean;
  /** Shown as a request only (the answer is a stream, or needs a server started with options). */
  readonly requestOnly?: string;
}

const EXAMPLES: Readonly<Record<string, Example>> = {
  'GET /api/health': { method: 'GET', url: '/api/health' },
  'GET /api/symbols': { method: 'GET', url: '/api/symbols' },
  'GET /api/feed': {
    method: 'GET',
    url: '/api/feed',
    requestOnly: 'A stream of `text/event-stream` messages (`event: alert|update|schedule`, `data: {"at", "data"}`).',
  },
  'GET /api/perf': { method: 'GET', url: '/api/perf?symbols=IWM,SPSM&asOf=2025-12-11' },
  'GET /api/series/{symbol}': {
    method: 'GET',
    url: '/api/series/IWM?from=2025-12-09&asOf=2025-12-11&ind=sma:50,rsi:14',
  },
  'GET /api/sparklines': { method: 'GET', url: '/api/sparklines?symbols=IWM,^VIX&days=3' },
  'GET /api/ratio': { method: 'GET', url: '/api/ratio?a=SPSM&b=MAG7&asOf=2025-12-11&trend=1' },
  'GET /api/rotation': { method: 'GET', url: '/api/rotation?group=smallcaps&benchmark=SPY&asOf=2025-12-11&tail=2' },
  'GET /api/events': { method: 'GET', url: '/api/events?asOf=2025-12-11&group=smallcaps' },
  'POST /api/check': {
    method: 'POST',
    url: '/api/check',
    body: { text: 'The iShares Russell 2000 ETF (IWM) closed at a record high.', asOf: '2025-12-11' },
  },
  'GET /api/report': { method: 'GET', url: '/api/report?asOf=2025-12-11&format=json' },
  'GET /api/alerts': { method: 'GET', url: '/api/alerts' },
  'PUT /api/alerts/rules': {
    method: 'PUT',
    url: '/api/alerts/rules',
    token: true,
    body: { rules: [{ type: 'new_ath', symbols: ['IWM'] }] },
  },
  'POST /api/update': { method: 'POST', url: '/api/update', token: true },
};

/** Arrays longer than this are cut to their first items and a "..." element (the doc tests' elision mark). */
const MAX_ITEMS = 3;
const MAX_STRING = 160;

/** Cuts an example answer to a readable size: long arrays and strings elided, floats to 6 significant digits. */
export function shorten(value: Json): Json {
  if (Array.isArray(value)) {
    const kept = value.length > MAX_ITEMS ? value.slice(0, MAX_ITEMS - 1) : value;
    const out = kept.map(shorten);
    if (value.length > MAX_ITEMS) out.push('...');
    return out;
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, Json> = {};
    for (const [k, v] of Object.entries(value)) out[k] = shorten(v);
    return out;
  }
  if (typeof value === 'number' && !Number.isInteger(value)) return Number(value.toPrecision(6));
  if (typeof value === 'string' && value.length > MAX_STRING) return `${value.slice(0, MAX_STRING)}...`;
  return value;
}

/** A JSON value on one line per top-level entry: objects of scalars stay on one line. */
function compactJson(value: Json, indent = ''): string {
  const flat = JSON.stringify(value);
  if (flat.length + indent.length <= 110 || value === null || typeof value !== 'object') return flat;
  const inner = `${indent}  `;
  if (Array.isArray(value)) return `[\n${value.map((v) => inner + compactJson(v, inner)).join(',\n')}\n${indent}]`;
  const entries = Object.entries(value).map(([k, v]) => `${inner}${JSON.stringify(k)}: ${compactJson(v, inner)}`);
  return `{\n${entries.join(',\n')}\n${indent}}`;
}

function refName(ref: string): string {
  return ref.split('/').pop() ?? ref;
}

/** A JSON schema as a short TypeScript-like type: `{ symbol: string, returns: { ytd: number | null } }[]`. */
export function typeOf(schema: Schema | undefined, indent = ''): string {
  if (!schema) return 'any';
  if (schema.$ref) return refName(schema.$ref);
  const nullable = schema.nullable ? ' | null' : '';
  const alts = schema.oneOf ?? schema.anyOf;
  if (alts) return alts.map((s) => typeOf(s, indent)).join(' | ') + nullable;
  if (schema.allOf?.length === 1) return typeOf(schema.allOf[0], indent) + nullable;
  if (schema.allOf) return schema.allOf.map((s) => typeOf(s, indent)).join(' & ') + nullable;
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(' | ') + nullable;
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : schema.type;
  if (type === 'array') {
    const item = typeOf(schema.items, indent);
    return `${/[ |&]/.test(item) && !item.startsWith('{') ? `(${item})` : item}[]${nullable}`;
  }
  if (type === 'object' || schema.properties) {
    const props = Object.entries(schema.properties ?? {});
    if (props.length === 0 && typeof schema.additionalProperties === 'object')
      return `{ [key: string]: ${typeOf(schema.additionalProperties, indent)} }${nullable}`;
    if (props.length === 0) return `object${nullable}`;
    const inner = `${indent}  `;
    const required = new Set(schema.required ?? []);
    const fields = props.map(([k, v]) => {
      const key = /^[A-Za-z_$][\w$]*$/.test(k) ? k : JSON.stringify(k);
      return `${inner}${key}${required.has(k) || schema.required === undefined ? '' : '?'}: ${typeOf(v, inner)}`;
    });
    const oneLine = `{ ${fields.map((f) => f.trim()).join(', ')} }`;
    return (oneLine.length + indent.length <= 100 ? oneLine : `{\n${fields.join(',\n')}\n${indent}}`) + nullable;
  }
  if (type === 'integer') return `integer${nullable}`;
  return `${type ?? 'any'}${nullable}`;
}

function constraints(schema: Schema | undefined): string {
  if (!schema) return '';
  const parts: string[] = [];
  if (schema.enum) parts.push(`one of ${schema.enum.map((v) => `\`${String(v)}\``).join(', ')}`);
  if (schema.pattern) parts.push(`pattern \`${schema.pattern.replace(/\|/g, '\\|')}\``);
  // zod's integer bounds (the safe-integer range) say nothing a reader needs.
  if (schema.minimum !== undefined && schema.minimum > Number.MIN_SAFE_INTEGER) parts.push(`>= ${schema.minimum}`);
  if (schema.maximum !== undefined && schema.maximum < Number.MAX_SAFE_INTEGER) parts.push(`<= ${schema.maximum}`);
  if (schema.minLength !== undefined) parts.push(`length >= ${schema.minLength}`);
  if (schema.maxLength !== undefined) parts.push(`length <= ${schema.maxLength}`);
  if (schema.default !== undefined) parts.push(`default \`${JSON.stringify(schema.default)}\``);
  return parts.join('; ');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** A `$ref` to `#/components/schemas/X` resolved against the document (other schemas as they are). */
function resolve(doc: OpenApiDocument, schema: Schema | undefined): Schema | undefined {
  let s = schema;
  for (let i = 0; i < 10 && (s?.$ref || s?.allOf?.length === 1); i++)
    s = s.$ref ? doc.components?.schemas?.[refName(s.$ref)] : s.allOf![0];
  return s;
}

/** True for the shared error body `{error: {status, kind, message, parameter?}}`. */
function isErrorSchema(doc: OpenApiDocument, schema: Schema | undefined): boolean {
  const err = resolve(doc, resolve(doc, schema)?.properties?.error);
  return !!err?.properties?.kind && !!err.properties.status && !!err.properties.message;
}

/** What an error status means in this API, when the route gives no description of its own. */
const STATUS_WORDS: Readonly<Record<string, string>> = {
  400: 'a bad parameter (the body names it)',
  401: 'a bearer token is required',
  404: 'an unknown symbol, group or basket',
  409: 'not available on this server',
  413: 'the body is too large',
  422: 'the stored data cannot answer',
  429: 'too many requests',
};

function describeResponse(status: string, description: string | undefined): string {
  if (description && description !== 'Default Response') return description;
  return STATUS_WORDS[status] ?? (status.startsWith('2') ? 'see the example' : '');
}

interface Answer {
  readonly status: number;
  readonly contentType: string;
  readonly body: string;
}

async function runExample(app: FastifyInstance, example: Example): Promise<Answer> {
  const res = await app.inject({
    method: example.method as 'GET',
    url: example.url,
    ...(example.body !== undefined ? { payload: example.body as object } : {}),
    headers: example.token ? { authorization: 'Bearer docs-example-token-0123456789' } : {},
  });
  return { status: res.statusCode, contentType: String(res.headers['content-type'] ?? ''), body: res.body };
}

function curlOf(example: Example): string {
  const parts = ['curl'];
  if (example.method !== 'GET') parts.push(`-X ${example.method}`);
  if (example.token) parts.push("-H 'Authorization: Bearer $MARKETDASH_TOKEN'");
  if (example.body !== undefined)
    parts.push(`-H 'content-type: application/json' -d '${JSON.stringify(example.body)}'`);
  parts.push(`'http://127.0.0.1:8080${example.url}'`);
  return parts.join(' ');
}

function renderAnswer(answer: Answer): string[] {
  const head = `HTTP ${answer.status} (${answer.contentType.split(';')[0]})`;
  if (answer.contentType.includes('json')) {
    return ['```json', `// ${head}`, compactJson(shorten(JSON.parse(answer.body) as Json)), '```'];
  }
  const text = answer.body.length > 600 ? `${answer.body.slice(0, 600)}\n...` : answer.body;
  return ['```text', head, text.trimEnd(), '```'];
}

/** Builds the app on an in-memory demo market (ending 2025-12-11), runs `fn`, closes everything. */
async function withDocsApp<T>(fn: (app: FastifyInstance) => Promise<T>): Promise<T> {
  const store = await DuckDbStore.open(':memory:');
  try {
    await loadDemoMarket(store, { today: parseIsoDate(DOCS_DEMO_TODAY) });
    const app = await buildApp({ store, config: defaultConfig(), webRoot: null });
    try {
      await app.ready();
      return await fn(app);
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
  }
}

export async function renderApiReference(): Promise<string> {
  return withDocsApp(async (app) => {
    const doc = app.swagger() as unknown as OpenApiDocument;
    const lines: string[] = [
      `# HTTP API reference (${doc.info.title} ${doc.info.version})`,
      '',
      '<!-- Generated by `npm run docs` (test/docs/api-reference.ts) from the OpenAPI document the server builds.',
      '     Do not edit by hand: change the route schema, then regenerate. test/docs/generated-docs.test.ts fails',
      '     when this page is out of date. -->',
      '',
      `${doc.info.description ?? ''} \`marketdash serve\` serves it (default http://127.0.0.1:8080);`,
      'the machine-readable document is `GET /api/openapi.json`.',
      '',
      'Conventions: dates are `YYYY-MM-DD`; an `asOf` that is not a trading day means the last trading day before it,',
      'and each answer says which day was used; returns are fractions (0.368 = +36.8%), `null` when history is too',
      'short; tickers are case-insensitive; an unknown query parameter is a 400 naming it, never ignored.',
      '',
      'Every example below is the real answer of the app on the demo market ending 2025-12-11',
      '(`marketdash demo --end 2025-12-11`), cut for reading: arrays to their first items and a `"..."`, numbers to',
      '6 significant digits.',
      '',
      '## Errors',
      '',
      'Every error is JSON, never a stack trace: `{"error": {"status", "kind", "message", "parameter"?}}`.',
      'The `kind` is `usage` (400, `parameter` names the culprit), `unauthorized` (401), `not_found` (404),',
      '`too_large` (413), `data` (422: the stored data cannot answer), `rate_limited` (429) or `internal` (500).',
      '',
    ];
    lines.push(...renderAnswer(await runExample(app, { method: 'GET', url: '/api/perf?symbols=IWM&asOf=2025-02-30' })));
    lines.push('', '## Endpoints', '');
    const ops: { key: string; path: string; method: string; op: Operation }[] = [];
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(methods)) {
        ops.push({ key: `${method.toUpperCase()} ${path}`, path, method, op });
      }
    }
    for (const { key, op } of ops) lines.push(`- [\`${key}\`](#${githubAnchor(key)}): ${op.summary ?? ''}`);
    lines.push('');

    for (const { key, op } of ops) {
      lines.push(`## ${key}`, '');
      if (op.summary) lines.push(`${op.summary}.`, '');
      if (op.description) lines.push(op.description, '');
      if (op.security?.length) {
        lines.push(
          'Needs `Authorization: Bearer <token>` (`--token` or `$MARKETDASH_TOKEN`) when the server has a token',
          'or listens beyond loopback.',
          '',
        );
      }
      const params = op.parameters ?? [];
      if (params.length) {
        lines.push('| parameter | in | required | type | rules | meaning |', '|---|---|---|---|---|---|');
        for (const p of params) {
          lines.push(
            `| \`${p.name}\` | ${p.in} | ${p.required ? 'yes' : 'no'} | ${cell(typeOf(p.schema))} | ${cell(constraints(p.schema))} | ${cell(p.description ?? '')} |`,
          );
        }
        lines.push('');
      }
      const body = op.requestBody?.content;
      if (body) {
        lines.push('Body:', '');
        for (const [type, content] of Object.entries(body)) {
          lines.push(`- \`${type}\`: \`${typeOf(content.schema).replace(/\s+/g, ' ')}\``);
          const shapes = [content.schema, ...(content.schema?.oneOf ?? []), ...(content.schema?.anyOf ?? [])];
          const props = shapes.flatMap((shape) => Object.entries(shape?.properties ?? {}));
          for (const [name, prop] of props)
            if (prop.description) lines.push(`  - \`${name}\`: ${prop.description}${suffix(constraints(prop))}`);
        }
        lines.push('');
      }
      const answers = Object.entries(op.responses ?? {});
      const success = answers.filter(([status]) => status.startsWith('2'));
      const errors = answers.filter(([status]) => !status.startsWith('2'));
      for (const [status, response] of success) {
        const schema = response.content?.['application/json']?.schema;
        if (!schema) lines.push(`Answer ${status}: ${describeResponse(status, response.description)}`, '');
        else if (schema.$ref || (schema.type === 'array' && schema.items?.$ref)) {
          const name = refName(schema.$ref ?? schema.items?.$ref ?? '');
          lines.push(
            `Answer ${status}: \`${typeOf(schema)}\` (see [${name}](#${githubAnchor(name)}) under Schemas).`,
            '',
          );
        } else lines.push(`Answer ${status}:`, '', '```ts', typeOf(schema), '```', '');
      }
      if (errors.length) {
        const described = errors.map(
          ([status, r]) =>
            `${status} ${describeResponse(status, r.description)}${isErrorSchema(doc, r.content?.['application/json']?.schema) ? '' : ' (not the error shape)'}`,
        );
        lines.push(`Errors: ${described.join('; ')}.`, '');
      }
      const example = EXAMPLES[key];
      if (example) {
        lines.push('Example:', '', '```sh', curlOf(example), '```', '');
        if (example.requestOnly) lines.push(example.requestOnly, '');
        else lines.push(...renderAnswer(await runExample(app, example)), '');
      }
    }

    const schemas = Object.entries(doc.components?.schemas ?? {});
    if (schemas.length) {
      lines.push('## Schemas', '');
      for (const [name, schema] of schemas) {
        lines.push(`### ${name}`, '');
        if (schema.description) lines.push(schema.description, '');
        lines.push('```ts', typeOf(schema), '```', '');
      }
    }
    return `${lines.join('\n').trimEnd()}\n`;
  });
}

function suffix(text: string): string {
  return text ? ` (${text})` : '';
}
