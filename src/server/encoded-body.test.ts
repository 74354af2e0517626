/**
 * A large body does not wait for its compressed copy: the first request gets the bytes as they are
 * while the copy is made, the next ones get the copy (decompressed here with node:zlib, the outside
 * reference), unless the client refuses an uncompressed body.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { bodyFor, encodedBody, identityRefused, NO_WAIT_COMPRESS } from './encoded-body.js';

function largeEntry() {
  const row = '{"symbol":"SPY","ytd":0.1234,"ath":612.5},';
  return { body: `[${row.repeat(Math.ceil(NO_WAIT_COMPRESS / row.length) + 1)}]` };
}

describe('compressed copies of large bodies', () => {
  test('the first br request goes out uncompressed, the next gets brotli of the same bytes', async () => {
    const e = encodedBody(largeEntry());
    expect(e.raw.length).toBeGreaterThanOrEqual(NO_WAIT_COMPRESS);
    const first = await bodyFor(e, 'gzip, br');
    expect(first.encoding).toBeNull();
    expect(first.body).toBe(e.raw);
    await e.br?.promise;
    const second = await bodyFor(e, 'gzip, br');
    expect(second.encoding).toBe('br');
    expect(brotliDecompressSync(second.body).equals(e.raw)).toBe(true);
    expect(second.body.length).toBeLessThan(e.raw.length / 10);
  });

  test('a client refusing identity waits for the copy', async () => {
    const e = encodedBody(largeEntry());
    const first = await bodyFor(e, 'gzip, identity;q=0');
    expect(first.encoding).toBe('gzip');
    expect(gunzipSync(first.body).equals(e.raw)).toBe(true);
  });

  test('identity refused only by q=0 on identity, or on * without identity', () => {
    expect(identityRefused(undefined)).toBe(false);
    expect(identityRefused('gzip, br')).toBe(false);
    expect(identityRefused('br, identity;q=0')).toBe(true);
    expect(identityRefused('br, *;q=0')).toBe(true);
    expect(identityRefused('br, identity, *;q=0')).toBe(false);
    expect(identityRefused('identity;q=0.5')).toBe(false);
  });
});
