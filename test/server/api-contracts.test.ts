/**
 * The API's shapes are written once, as zod schemas in src/contracts/. These tests hold the two ends to
 * them: the OpenAPI document lists every named schema in components.schemas and each route's responses
 * refer to them; and what the services build is exactly what the contracts describe (parsing with the
 * contract drops nothing and changes nothing, so a field added to a service without its contract fails).
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { trendOptions } from '../../src/analytics/trend/trend-options.js';
import { checkResponseSchema } from '../../src/contracts/check-contract.js';
import { errorBodySchema } from '../../src/contracts/common-contract.js';
import { eventsResponseSchema } from '../../src/contracts/events-contract.js';
import { perfResponseSchema } from '../../src/contracts/perf-contract.js';
import { ratioResponseSchema } from '../../src/contracts/ratio-contract.js';
import { noteResultSchema } from '../../src/contracts/report-contract.js';
import { rotationResponseSchema } from '../../src/contracts/rotation-contract.js';
import { symbolSummarySchema } from '../../src/contracts/store-contract.js';
import { checkNote } from '../../src/services/check/check-note.js';
import { eventsReport } from '../../src/services/events/events-report.js';
import { perfTable } from '../../src/services/perf/perf-table.js';
import { ratioJson, ratioReport } from '../../src/services/perf/ratio-report.js';
import { buildReport } from '../../src/services/report/build-report.js';
import { noteResult } from '../../src/services/report/note-result.js';
import { rotationReport } from '../../src/services/rotation/rotation-report.js';
import { seriesTrendFields } from '../../src/services/trend/trend-report.js';
import { openTestApp, type TestApp } from './api-app.js';
import { testConfig } from './api-test-store.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t.close());

/** The value as JSON carries it, and as the contract reads it: equal when the contract describes every field. */
function expectDescribedBy(schema: z.ZodType, value: unknown): void {
  const json: unknown = JSON.parse(JSON.stringify(value));
  expect(schema.parse(json)).toEqual(json);
}

describe('the services build exactly the contracts', () => {
  test('perf rows', async () => {
    const { rows } = await perfTable(t.store, {
      symbols: ['AAPL', 'SPY', '^VIX'],
      asOf: undefined,
      totalReturn: false,
    });
    expect(rows.length).toBe(3);
    expectDescribedBy(perfResponseSchema, rows);
  });
  test('ratio with window, trend and breakout', async () => {
    const report = await ratioReport(t.store, { numerator: 'AAPL', denominator: 'MSFT', from: '2024-01-02' });
    const out = {
      ...ratioJson(report),
      ...seriesTrendFields(report.series.dates, report.series[report.field], report.asOfIndex, trendOptions()),
    };
    expect(out.window).toBeDefined();
    expectDescribedBy(ratioResponseSchema, out);
  });
  test('rotation points', async () => {
    const report = await rotationReport(t.store, { group: 'sectors', benchmark: 'SPY', tail: 3 });
    expect(report.rows.length).toBeGreaterThan(0);
    expectDescribedBy(rotationResponseSchema, report.rows);
  });
  test('events with their base rates', async () => {
    const { events } = await eventsReport(t.store, { asOf: '2024-12-31', config: testConfig() });
    expect(events.length).toBeGreaterThan(0);
    expectDescribedBy(eventsResponseSchema, events);
  });
  test('check verdicts', async () => {
    const report = await checkNote(t.store, { text: 'Apple (AAPL) is up 12% year to date.', config: testConfig() });
    expect(report.claims.length).toBe(1);
    expectDescribedBy(checkResponseSchema, report);
  });
  test('the note as JSON', async () => {
    const { note, warnings } = await buildReport(t.store, { asOf: '2024-12-31', config: testConfig() });
    expectDescribedBy(noteResultSchema, noteResult(note, warnings));
  });
  test('stored symbols', async () => {
    for (const s of await t.store.listSymbols()) expectDescribedBy(symbolSummarySchema, s);
  });
  test('an error body', async () => {
    const res = await t.app.inject('/api/perf?symbols=AAPL&asOf=yesterday');
    expect(res.statusCode).toBe(400);
    expectDescribedBy(errorBodySchema, res.json());
  });
});

describe('GET /api/openapi.json', () => {
  interface Doc {
    components: { schemas: Record<string, unknown> };
    paths: Record<
      string,
      Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>
    >;
  }
  const doc = async () => (await t.app.inject('/api/openapi.json')).json() as Doc;
  const okSchema = (d: Doc, path: string, method = 'get') =>
    JSON.stringify(d.paths[path]?.[method]?.responses['200']?.content?.['application/json']?.schema ?? null);

  test('lists the response schemas once, in components.schemas', async () => {
    const d = await doc();
    for (const name of [
      'PerfRow',
      'PeriodReturns',
      'Health',
      'SymbolsResponse',
      'SeriesResponse',
      'Sparkline',
      'RatioResponse',
      'Trend',
      'Breakout',
      'RotationPoint',
      'MarketEvent',
      'CheckResponse',
      'ClaimVerdict',
      'MarketNote',
      'Figure',
      'AlertsResponse',
      'ErrorBody',
    ])
      expect(Object.keys(d.components.schemas)).toContain(name);
    expect(Object.keys(d.components.schemas).filter((k) => k.endsWith('Input'))).toEqual([]);
  });

  test('each route answers with a reference to its named schema', async () => {
    const d = await doc();
    expect(okSchema(d, '/api/perf')).toContain('#/components/schemas/PerfRow');
    expect(okSchema(d, '/api/health')).toContain('#/components/schemas/Health');
    expect(okSchema(d, '/api/symbols')).toContain('#/components/schemas/SymbolsResponse');
    expect(okSchema(d, '/api/series/{symbol}')).toContain('#/components/schemas/SeriesResponse');
    expect(okSchema(d, '/api/sparklines')).toContain('#/components/schemas/Sparkline');
    expect(okSchema(d, '/api/ratio')).toContain('#/components/schemas/RatioResponse');
    expect(okSchema(d, '/api/rotation')).toContain('#/components/schemas/RotationPoint');
    expect(okSchema(d, '/api/events')).toContain('#/components/schemas/MarketEvent');
    expect(okSchema(d, '/api/check', 'post')).toContain('#/components/schemas/CheckResponse');
    expect(okSchema(d, '/api/report')).toContain('#/components/schemas/MarketNote');
    expect(okSchema(d, '/api/alerts')).toContain('#/components/schemas/AlertsResponse');
    expect(okSchema(d, '/api/rates')).toContain('#/components/schemas/RatesReport');
    expect(JSON.stringify(d.paths['/api/perf']?.get?.responses['400'])).toContain('#/components/schemas/ErrorBody');
  });

  test('every query parameter is described, every answer named (no "Default Response" but the event stream)', async () => {
    const d = (await t.app.inject('/api/openapi.json')).json() as {
      paths: Record<
        string,
        Record<string, { parameters?: { name: string; description?: string }[]; responses: Record<string, Described> }>
      >;
      components: { schemas: Record<string, { properties?: Record<string, unknown> }> };
    };
    interface Described {
      description: string;
    }
    const undescribed: string[] = [];
    const unnamed: string[] = [];
    for (const [path, methods] of Object.entries(d.paths))
      for (const [method, op] of Object.entries(methods)) {
        for (const p of op.parameters ?? []) if (!p.description) undescribed.push(`${method} ${path} ${p.name}`);
        for (const [status, r] of Object.entries(op.responses))
          if (r.description === 'Default Response') unnamed.push(`${method} ${path} ${status}`);
      }
    expect(undescribed).toEqual([]);
    expect(unnamed).toEqual(['get /api/feed 200']);
    expect(d.paths['/api/perf']?.get?.parameters?.find((p) => p.name === 'asOf')?.description).toBe(
      'ISO date YYYY-MM-DD',
    );
    expect(d.paths['/api/perf']?.get?.responses['200']?.description).toBe('an array of PerfRow');
    // the rates answer is described to the field, its sections named
    expect(JSON.stringify(d.components.schemas.RatesReport)).toContain('#/components/schemas/RateLevel');
    for (const name of ['RateLevel', 'SensitivityRow', 'SensitivityWindow'])
      expect(Object.keys(d.components.schemas)).toContain(name);
  });

  test('the period list of the perf row is PERIOD_KEYS', async () => {
    const d = await doc();
    const returns = d.components.schemas.PeriodReturns as { properties: Record<string, unknown> };
    expect(Object.keys(returns.properties)).toEqual([
      '1d',
      '5d',
      'mtd',
      '1m',
      'qtd',
      '3m',
      '6m',
      'ytd',
      '1y',
      '3y',
      '5y',
      '10y',
      'max',
    ]);
  });
});
