/**
 * A cached API answer made ready to send once, not on every request: the body as bytes, a (weak)
 * ETag from its SHA-1, and gzip and brotli copies compressed on first demand (on the thread pool, so
 * the event loop keeps answering) and kept with the entry, i.e. once per data version. Requests then
 * cost a header check and a buffer write: If-None-Match answers 304, Accept-Encoding picks br or gzip.
 * A large body whose compressed copy is still being made goes out uncompressed rather than wait for it
 * (brotli of a 2.3 MB whole-table answer takes some 45 ms): the first answer after a data change does
 * not pay for the compression, the requests after it get the copy.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export interface EncodedBody {
  readonly raw: Buffer;
  readonly etag: string;
  gzip: CompressedCopy | null;
  br: CompressedCopy | null;
}

/** A compressed copy being made (`promise`) and, once made, its bytes (`done`). */
export interface CompressedCopy {
  readonly promise: Promise<Buffer>;
  done?: Buffer;
}

/**
 * Brotli quality 4: on the 2.29 MB whole-universe perf table it gives 600 kB in 45 ms, smaller and
 * faster than quality 5 (637 kB, 79 ms) or 6-9 (620-631 kB, 110-260 ms); 11 reaches 505 kB but takes
 * 4.5 s. Gzip level 6: 647 kB in 48 ms.
 */
const BROTLI_QUALITY = 4;

/** The entry's copy in `encoding`, started (on the thread pool) on first demand. */
function compressedCopy(e: EncodedBody, encoding: 'br' | 'gzip'): CompressedCopy {
  const existing = e[encoding];
  if (existing !== null) return existing;
  const promise =
    encoding === 'br'
      ? brotli(e.raw, {
          params: {
            [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
            [constants.BROTLI_PARAM_SIZE_HINT]: e.raw.length,
          },
        })
      : gz(e.raw, { level: 6 });
  const copy: CompressedCopy = { promise };
  promise.then(
    (bytes) => {
      copy.done = bytes;
    },
    () => {
      // a failed compression is forgotten, so a later request tries again
      if (e[encoding] === copy) e[encoding] = null;
    },
  );
  e[encoding] = copy;
  return copy;
}

const encoded = new WeakMap<object, EncodedBody>();

/** The ready-to-send form of a cached answer (made on first use, then kept as long as the entry). */
export function encodedBody(entry: {
  readonly body: string | Buffer;
  readonly etag?: string | undefined;
}): EncodedBody {
  let e = encoded.get(entry);
  if (e === undefined) {
    const raw = typeof entry.body === 'string' ? Buffer.from(entry.body, 'utf8') : entry.body;
    e = { raw, etag: entry.etag ?? weakEtag(raw), gzip: null, br: null };
    encoded.set(entry, e);
  }
  return e;
}

/** The weak ETag of a body: its SHA-1, base64url. */
export function weakEtag(raw: Uint8Array): string {
  return `W/"${createHash('sha1').update(raw).digest('base64url')}"`;
}

/** Bodies smaller than this go uncompressed (the headers would cost more than the saving). */
const MIN_COMPRESS = 1024;

/**
 * Bodies at least this large do not wait for their compressed copy: while it is being made they go out
 * as they are (identity is always acceptable unless refused), and the copy serves the requests after it.
 */
export const NO_WAIT_COMPRESS = 256 * 1024;

/** Whether Accept-Encoding refuses an uncompressed body (`identity;q=0`, or `*;q=0` without identity). */
export function identityRefused(acceptEncoding: string | undefined): boolean {
  if (!acceptEncoding) return false;
  const q = new Map(
    acceptEncoding.split(',').map((part) => {
      const [name = '', ...params] = part.trim().split(';');
      const qp = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return [name.trim().toLowerCase(), qp === undefined ? 1 : Number(qp.slice(2))] as const;
    }),
  );
  const identity = q.get('identity') ?? (q.has('*') ? q.get('*') : undefined);
  return identity === 0;
}

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
  if (encoding === null) return { body: e.raw, encoding: null };
  const copy = compressedCopy(e, encoding);
  const ready = copy.done !== undefined;
  if (ready || e.raw.length < NO_WAIT_COMPRESS || identityRefused(acceptEncoding)) {
    return { body: ready ? (copy.done as Buffer) : await copy.promise, encoding };
  }
  // a large body: this request goes out uncompressed while the copy is made for the next ones
  return { body: e.raw, encoding: null };
}

/** Whether an If-None-Match header names this ETag (or `*`); weak comparison, as for GET. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const bare = (t: string) => t.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => t.trim() === '*' || bare(t) === bare(etag));
}
