/**
 * Cached answers go out pre-encoded: the same bytes as JSON, a gzip or brotli copy when the client
 * accepts one (decompressed here with node:zlib, an outside reference), an ETag that a repeat request
 * turns into a 304 without a body, and a new ETag once the data changes.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chooseEncoding, etagMatches } from '../../src/server/encoded-body.js';
import { openTestApp, type TestApp } from './api-app.js';
import { TEST_SYMBOLS } from './api-test-store.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp({ logger: false });
});
afterAll(async () => t.close());

async function getPerf(headers: Record<string, string> = {}) {
  const list = TEST_SYMBOLS.join(',');
  return t.app.inject({ method: 'GET', url: `/api/perf?symbols=${encodeURIComponent(list)}`, headers });
}

describe('pre-encoded API answers', () => {
  test('identity, gzip and brotli carry the same JSON; a repeat with the ETag is a bodiless 304', async () => {
    const plain = await getPerf();
    expect(plain.statusCode).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    const etag = String(plain.headers.etag);
    expect(etag).toMatch(/^W\/".+"$/);
    expect(plain.headers.vary).toContain('accept-encoding');
    const gz = await getPerf({ 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString('utf8')).toBe(plain.body);
    const br = await getPerf({ 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString('utf8')).toBe(plain.body);
    expect(br.headers.etag).toBe(etag);
    const again = await getPerf({ 'if-none-match': etag, 'accept-encoding': 'br' });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  test('chooses brotli over gzip, honours q=0, and compares ETags weakly', () => {
    expect(chooseEncoding('gzip, br')).toBe('br');
    expect(chooseEncoding('br;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
    expect(etagMatches('"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('W/"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('W/"abd"', 'W/"abc"')).toBe(false);
  });
});
