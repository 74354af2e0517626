/**
 * A cached API answer made ready to send once, not on every request: the body as bytes, a (weak)
 * ETag from its SHA-1, and gzip and brotli copies compressed on first demand (on the thread pool, so
 * the event loop keeps answering) and kept with the entry, i.e. once per data version. Requests then
 * cost a header check and a buffer write: If-None-Match answers 304, Accept-Encoding picks br or gzip.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export interface EncodedBody {
  readonly raw: Buffer;
  readonly etag: string;
  gzip: Promise<Buffer> | null;
  br: Promise<Buffer> | null;
}

const encoded = new WeakMap<object, EncodedBody>();

/** The ready-to-send form of a cached answer (made on first use, then kept as long as the entry). */
export function encodedBody(entry: { readonly body: string }): EncodedBody {
  let e = encoded.get(entry);
  if (e === undefined) {
    const raw = Buffer.from(entry.body, 'utf8');
    e = { raw, etag: `W/"${createHash('sha1').update(raw).digest('base64url')}"`, gzip: null, br: null };
    encoded.set(entry, e);
  }
  return e;
}

/** Bodies smaller than this go uncompressed (the headers would cost more than the saving). */
const MIN_COMPRESS = 1024;

/** Which encoding to send for an Accept-Encoding header: brotli first, then gzip, else none (q=0 refuses). */
export function chooseEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  if (!acceptEncoding) return null;
  const accepted = new Set(
    acceptEncoding
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || !/^\s*q=0(\.0*)?\s*$/.test(q))
      .map(([name]) => name!.trim().toLowerCase()),
  );
  if (accepted.has('br')) return 'br';
  if (accepted.has('gzip')) return 'gzip';
  return null;
}

/** The bytes to send and their Content-Encoding for a request's Accept-Encoding. */
export async function bodyFor(
  e: EncodedBody,
  acceptEncoding: string | undefined,
): Promise<{ body: Buffer; encoding: 'br' | 'gzip' | null }> {
  const encoding = e.raw.length < MIN_COMPRESS ? null : chooseEncoding(acceptEncoding);
  if (encoding === 'br') {
    e.br ??= brotli(e.raw, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: e.raw.length },
    });
    return { body: await e.br, encoding };
  }
  if (encoding === 'gzip') {
    e.gzip ??= gz(e.raw, { level: 6 });
    return { body: await e.gzip, encoding };
  }
  return { body: e.raw, encoding: null };
}

/** Whether an If-None-Match header names this ETag (or `*`); weak comparison, as for GET. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}
