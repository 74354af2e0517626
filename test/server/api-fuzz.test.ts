/**
 * API fuzz against the OpenAPI document (issue 17, "tests that keep it so"): for every route the
 * document lists, random and hostile values for each of its parameters (wrong types, empty, huge,
 * numbers out of range, SQL and HTML injections, path traversal, NUL and control characters, broken
 * percent-encoding) and random bodies (any JSON value, malformed JSON, a huge text). Every answer comes
 * within a few seconds, is never a 5xx, and every 4xx is the one error shape
 * `{"error": {"status", "kind", "message"}}` with no stack trace.
 * The live feed (GET /api/feed, a server-sent event stream that stays open by design) is left out; its
 * caps are tested in api-security.test.ts. `npm run fuzz` runs long campaigns (MARKETDASH_FUZZ_RUNS).
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorOf, openTestApp, type TestApp } from './api-app.js';

const RUNS = Number(process.env.MARKETDASH_FUZZ_RUNS ?? 150);
const LONG = process.env.MARKETDASH_FUZZ_RUNS !== undefined;
/** An answer slower than this counts as a hang. */
const ANSWER_MS = 10_000;

interface Parameter {
  readonly in: 'query' | 'path';
  readonly name: string;
  readonly schema?: { readonly type?: string; readonly pattern?: string; readonly enum?: readonly string[] };
}
interface Operation {
  readonly method: string;
  readonly path: string;
  readonly parameters: readonly Parameter[];
  readonly body: boolean;
}

let t: TestApp;
let operations: Operation[] = [];
beforeAll(async () => {
  t = await openTestApp({
    host: '127.0.0.1',
    rateLimit: { max: 1_000_000, loopbackMax: 1_000_000 },
    update: async () => ({ updated: [] }),
  });
  const doc = (await t.app.inject('/api/openapi.json')).json() as {
    paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: unknown }>>;
  };
  for (const [path, ops] of Object.entries(doc.paths))
    for (const [method, op] of Object.entries(ops))
      operations.push({ method: method.toUpperCase(), path, parameters: op.parameters ?? [], body: !!op.requestBody });
  operations = operations.filter((o) => o.path !== '/api/feed');
});
afterAll(async () => {
  await t.close();
});

const HOSTILE = [
  '',
  ' ',
  '-1',
  '0',
  '1e308',
  '-1e308',
  'NaN',
  'Infinity',
  '99999999999999999999',
  '1.5',
  'true',
  '[]',
  '{}',
  'null',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  "' OR 1=1 --",
  "'; DROP TABLE bars; --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  '${7*7}',
  '%00',
  '\u0000',
  '\r\nX-Injected: 1',
  '\u001b[31m',
  '2024-02-30',
  '9999-99-99',
  '0000-00-00',
  '2024-01-01T00:00:00Z',
  'infinity',
  'A'.repeat(10_000),
  'SPY,'.repeat(2_000),
  '🙂',
  'ÿ\uFFFE',
];

/** A value for one parameter: something the schema could accept, or something hostile. */
function valueFor(p: Parameter): fc.Arbitrary<string> {
  const plausible: fc.Arbitrary<string>[] = [
    fc.constantFrom('SPY', 'AAPL', 'MAG7', 'spy', 'ZZZZ', 'mag7', 'sectors', '^VIX', 'DGS10'),
    fc
      .date({ min: new Date('1890-01-01'), max: new Date('2100-12-31'), noInvalidDate: true })
      .map((d) => d.toISOString().slice(0, 10)),
    fc.integer({ min: -1000, max: 100_000 }).map(String),
  ];
  if (p.schema?.enum) plausible.push(fc.constantFrom(...p.schema.enum));
  return fc.oneof(
    { arbitrary: fc.oneof(...plausible), weight: 3 },
    { arbitrary: fc.constantFrom(...HOSTILE), weight: 3 },
    { arbitrary: fc.string({ maxLength: 40, unit: 'binary' }), weight: 2 },
  );
}

const bodyArb: fc.Arbitrary<{ text: string; json: boolean }> = fc.oneof(
  fc.anything().map((v) => ({ text: JSON.stringify(v) ?? 'null', json: true })),
  fc.record({ text: fc.string({ maxLength: 200 }) }).map((r) => ({ text: JSON.stringify(r), json: true })),
  fc
    .constantFrom('{', '{"text":', '[1,2', 'not json', '\u0000', '{"text":"' + 'x'.repeat(300_000) + '"}')
    .map((text) => ({ text, json: true })),
  fc.string({ maxLength: 100 }).map((text) => ({ text, json: false })),
);

/** One request: an operation, a value (or nothing) per parameter, raw or encoded, and a body. */
const requestArb = fc.integer({ min: 0, max: 10_000 }).chain((i) => {
  const op = operations[i % operations.length]!;
  return fc.record({
    op: fc.constant(op),
    values: fc.tuple(...op.parameters.map((p) => fc.option(valueFor(p), { nil: undefined, freq: 3 }))),
    raw: fc.boolean(),
    body: bodyArb,
    clientHeader: fc.boolean(),
  });
});

/** Percent-encodes every UTF-8 byte of `text` (a lone surrogate goes as U+FFFD's bytes, never a throw). */
const encodeAll = (text: string) =>
  [...Buffer.from(text, 'utf8')].map((b) => `%${b.toString(16).padStart(2, '0')}`).join('');
/** Leaves printable ASCII as it is (quotes, %, <, ' reach the server raw) except what ends the part. */
const encodeRaw = (text: string, ends: RegExp) =>
  text.replace(/[^\x21-\x7e]|[#]/gu, (ch) => encodeAll(ch)).replace(ends, (ch) => encodeAll(ch));

function urlOf(op: Operation, values: readonly (string | undefined)[], raw: boolean): string {
  let path = op.path;
  const query: string[] = [];
  op.parameters.forEach((p, k) => {
    const v = values[k];
    if (p.in === 'path') {
      // a path parameter is never empty (an empty one is another route)
      const text = v === undefined || v === '' ? 'X' : v;
      path = path.replace(`{${p.name}}`, raw ? encodeRaw(text, /[/?]/g) : encodeAll(text));
    } else if (v !== undefined) {
      query.push(`${p.name}=${raw ? encodeRaw(v, /[&]/g) : encodeAll(v)}`);
    }
  });
  return query.length > 0 ? `${path}?${query.join('&')}` : path;
}

describe('API fuzz against the OpenAPI document', () => {
  it('lists the routes it fuzzes', () => {
    expect(operations.map((o) => `${o.method} ${o.path}`)).toEqual(
      expect.arrayContaining(['GET /api/perf', 'GET /api/series/{symbol}', 'POST /api/check', 'PUT /api/alerts/rules']),
    );
    expect(operations.length).toBeGreaterThanOrEqual(14);
  });

  it('every answer is prompt, never a 5xx, and every error is the one shape', {
    timeout: LONG ? 3_600_000 : 60_000,
  }, async () => {
    const classes = new Set<number>();
    await fc.assert(
      fc.asyncProperty(requestArb, async ({ op, values, raw, body, clientHeader }) => {
        const url = urlOf(op, values, raw);
        const headers: Record<string, string> = {};
        if (clientHeader) headers['x-marketdash-client'] = 'fuzz';
        const sendsBody = op.method !== 'GET';
        if (sendsBody) headers['content-type'] = body.json ? 'application/json' : 'text/plain';
        let timer: NodeJS.Timeout | undefined;
        const res = await Promise.race([
          t.app.inject({ method: op.method as 'GET', url, headers, payload: sendsBody ? body.text : undefined }),
          new Promise<never>((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`no answer in ${ANSWER_MS} ms: ${op.method} ${url.slice(0, 200)}`)),
              ANSWER_MS,
            );
          }),
        ]).finally(() => clearTimeout(timer));
        const what = `${op.method} ${url.slice(0, 300)} -> ${res.statusCode} ${res.body.slice(0, 300)}`;
        classes.add(Math.floor(res.statusCode / 100));
        expect(res.statusCode, what).toBeLessThan(500);
        if (res.statusCode >= 400) {
          expect(res.headers['content-type'], what).toMatch(/^application\/json/);
          const error = errorOf(res.body);
          expect(error.status, what).toBe(res.statusCode);
          expect(typeof error.kind, what).toBe('string');
          expect(error.message.length, what).toBeGreaterThan(0);
          expect(error.message, what).not.toMatch(/\n\s+at |node_modules|\/src\//);
        }
      }),
      { numRuns: RUNS },
    );
    // the campaign reached the handlers (answers) and the guards (refusals) both
    expect([...classes].sort()).toEqual([2, 4]);
  });
});
