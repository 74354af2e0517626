/**
 * The worker thread of perf-offload.ts: computes a large perf table and its JSON off the server's main
 * thread. Its store is a stand-in whose reads go back to the main thread (which holds the one DuckDB
 * instance: a second instance of the same file would not see the first one's writes): the main thread
 * sends the packed close segments (a few hundred per message), this thread unpacks them (about 180 MB of typed arrays for 3,000
 * symbols x 20 years), computes the rows, checks them against the contract and writes the JSON bytes and
 * their ETag. The garbage of all that is collected here too, so the main thread's pauses stay short.
 *
 * Anything it cannot do (a store that has no packed read, an error such as an unknown symbol) is
 * answered `failed`; the main thread then computes the table itself, so errors read exactly as before.
 */
import { type MessagePort, parentPort } from 'node:worker_threads';
import { perfResponseSchema } from '../contracts/perf-contract.js';
import type { PriceSeries } from '../domain/price-series.js';
import type { SymbolInfo, SymbolSummary } from '../domain/symbol-info.js';
import type { PerfRow } from '../services/perf/perf-row.js';
import { finishPerfRows, type PerfRequest, type PerfSource, perfRows } from '../services/perf/perf-table.js';
import { type PackedSegments, unpackSegments } from '../store/series-snapshot.js';
import { weakEtag } from './encoded-body.js';
import type { FromMain, HalfMessage, ToMain } from './perf-offload.js';
import { checkedJson } from './server-context.js';
import { lowerThisThread } from './thread-priority.js';

const port = parentPort;
if (port === null) throw new Error('perf-worker.ts runs as a worker thread only');
// the tables are batch work: the main thread answering one-symbol requests gets the core first
lowerThisThread();

/** The replies the main thread still owes, by call number. */
const pending = new Map<number, (value: unknown) => void>();
let calls = 0;

function ask<T>(job: number, method: 'readPacked' | 'getSymbol' | 'listSymbols', args: unknown[]): Promise<T> {
  const call = ++calls;
  return new Promise<T>((resolve) => {
    pending.set(call, resolve as (value: unknown) => void);
    port!.postMessage({ type: 'call', job, call, method, args } satisfies ToMain);
  });
}

/**
 * A whole read goes in this many parts (by a hash of the ticker): reading and unpacking then overlap for
 * all but the first part's read and the last part's unpacking. Four parts cost the store no more than one
 * (the 3,000 x 20 y snapshot: 115-186 ms in four parts against 69-183 ms in one).
 */
const READ_PARTS = 4;

/** Thrown when the stand-in cannot answer a read: the main thread computes the table instead. */
class NotHere extends Error {}

function source(job: number): PerfSource {
  return {
    async readMany(tickers, range, options) {
      // in parts, one after the other: this thread unpacks each part while the main thread reads the next
      // (each part a disjoint set of symbols, so the maps together are the whole read)
      const read = (index: number) =>
        ask<PackedSegments | null>(job, 'readPacked', [
          tickers,
          range,
          options?.columns ?? [],
          { index, of: READ_PARTS },
        ]);
      const out = new Map<string, PriceSeries>();
      let next = read(0);
      for (let i = 0; i < READ_PARTS; i++) {
        const packed = await next;
        if (i + 1 < READ_PARTS) next = read(i + 1);
        if (packed === null) throw new NotHere('no packed read for these columns');
        for (const [symbol, series] of await unpackSegments(packed, options?.select)) out.set(symbol, series);
      }
      return out;
    },
    getSymbol: (ticker) => ask<SymbolInfo | null>(job, 'getSymbol', [ticker]),
    listSymbols: () => ask<SymbolSummary[]>(job, 'listSymbols', []),
  };
}

async function run(
  job: number,
  request: PerfRequest,
  half?: { role: 'lead' | 'helper'; port: MessagePort },
  whole: PerfRequest = request,
) {
  if (half?.role === 'helper') {
    // the second half's rows go to the lead worker, which joins and finishes them
    try {
      half.port.postMessage({ rows: await perfRows(source(job), request) } satisfies HalfMessage);
    } catch (e) {
      half.port.postMessage({ failed: (e as Error).message } satisfies HalfMessage);
    }
    return;
  }
  // listening from the start: the other half may be ready before this one
  const other = half === undefined ? null : otherHalf(half.port);
  other?.catch(() => undefined);
  try {
    const rows = await perfRows(source(job), request);
    const table = finishPerfRows(other === null ? rows : rows.concat(await other), whole);
    const json = await checkedJson(perfResponseSchema, table.rows);
    // bytes of their own (not Buffer's shared pool) so they can be handed over without a copy
    const bytes = new Uint8Array(Buffer.byteLength(json));
    Buffer.from(bytes.buffer).write(json, 'utf8');
    const etag = weakEtag(bytes);
    const warnings = table.warnings.map((w) => w.message);
    port!.postMessage({ type: 'done', job, bytes, etag, warnings } satisfies ToMain, [bytes.buffer]);
  } catch (e) {
    port!.postMessage({ type: 'failed', job, reason: (e as Error).message } satisfies ToMain);
  } finally {
    half?.port.close();
  }
}

/** The helper worker's rows, or its failure (a helper that dies closes the channel: a failure too). */
function otherHalf(channel: MessagePort): Promise<PerfRow[]> {
  return new Promise((resolve, reject) => {
    channel.once('message', (m: HalfMessage) => {
      if ('rows' in m) resolve(m.rows);
      else reject(new Error(m.failed));
    });
    channel.once('close', () => reject(new Error('the helper worker was lost')));
  });
}

/** Segments of packed reads received ahead of their replies, by call number. */
const arriving = new Map<number, { symbols: string[]; segments: PackedSegments['segments'][number][] }>();

port.on('message', (m: FromMain) => {
  if (m.type === 'job') void run(m.job, m.request, m.half, m.whole);
  else if (m.type === 'segments') {
    const soFar = arriving.get(m.call);
    if (soFar === undefined) arriving.set(m.call, { symbols: [...m.symbols], segments: [...m.segments] });
    else {
      for (const t of m.symbols) soFar.symbols.push(t);
      for (const seg of m.segments) soFar.segments.push(seg);
    }
  } else {
    const resolve = pending.get(m.call);
    pending.delete(m.call);
    const received = arriving.get(m.call);
    arriving.delete(m.call);
    // a packed read: its reply holds the columns and range, the segments came before it
    if (m.value !== null && received !== undefined) resolve?.({ ...(m.value as object), ...received });
    else if (m.value !== null && typeof m.value === 'object' && 'columns' in m.value)
      resolve?.({ ...m.value, symbols: [], segments: [] });
    else resolve?.(m.value);
  }
});
