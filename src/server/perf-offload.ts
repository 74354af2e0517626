/**
 * Large perf tables computed on worker threads (perf-worker.ts), so one-symbol requests and the
 * data-version check keep their milliseconds while a whole-universe table is made: on the main thread
 * the unpacking, the figures, the contract check and the JSON of 3,000 symbols took 0.5-0.7 s in 4 ms
 * slices, and their garbage collections paused it 10-70 ms at a time. The main thread keeps only the
 * store's reads (the worker asks for the packed close segments and gets their bytes handed over, not
 * copied, a few hundred segments per message) and the answer's bytes. A list of SPLIT_MIN_SYMBOLS or
 * more is made by two workers, one half each (the machine has two cores; unpacking 180 MB of closes and
 * computing 3,000 rows took one worker 0.45-0.5 s of the 0.55-0.6 s of a first answer after a data
 * change): the second sends its rows to the first over a channel of their own, and the first joins
 * them in the list's order and finishes the table (stale rows, warnings, JSON), so the bytes are those
 * of one computation. The workers run below the main thread's priority (thread-priority.ts).
 *
 * `perfJson` answers null when the work stays here: a store without packed reads (PostgreSQL), or any
 * failure in the worker (its errors are not rebuilt across threads: the caller computes the table in
 * process and its error reads exactly as it always did).
 */
import { MessageChannel, type MessagePort, Worker } from 'node:worker_threads';
import type { PerfRow } from '../services/perf/perf-row.js';
import { type PerfRequest, uniqueTickers } from '../services/perf/perf-table.js';
import { nextTurn } from '../store/event-loop-slice.js';
import type { PriceStore } from '../store/price-store.js';
import type { PackedSegments } from '../store/series-snapshot.js';

/** Messages from the main thread to the worker. */
export type FromMain =
  | {
      readonly type: 'job';
      readonly job: number;
      readonly request: PerfRequest;
      /** One half of a split job: the lead finishes the table, the helper sends it its rows over `port`. */
      readonly half?: { readonly role: 'lead' | 'helper'; readonly port: MessagePort };
      /** A split group's whole request, for the lead: it names the members neither half has rows for. */
      readonly whole?: PerfRequest;
    }
  | { readonly type: 'reply'; readonly call: number; readonly value: unknown }
  /** Segments of a packed read, sent ahead of its reply in batches (see SEGMENTS_PER_MESSAGE). */
  | {
      readonly type: 'segments';
      readonly call: number;
      readonly symbols: string[];
      readonly segments: PackedSegments['segments'];
    };

/**
 * Segments per message of a packed read. Handing over one half of the universe (3,000 segments, 6,000
 * buffers) in one postMessage blocked the main thread 17-24 ms; in batches of 256 each takes a
 * millisecond or two, with the event loop handed back between them. Nothing is copied.
 */
const SEGMENTS_PER_MESSAGE = 256;

/** From the helper worker to the lead over their channel: the second half's rows, or why there are none. */
export type HalfMessage = { readonly rows: PerfRow[] } | { readonly failed: string };

/**
 * Lists of this many symbols or more are split between the two workers. Below it one worker is about as
 * fast (a few hundred symbols take some tens of milliseconds) and keeps the other core free.
 */
const SPLIT_MIN_SYMBOLS = 1000;

/** Messages from the worker to the main thread. */
export type ToMain =
  | {
      readonly type: 'call';
      readonly job: number;
      readonly call: number;
      readonly method: 'readPacked' | 'getSymbol' | 'listSymbols';
      readonly args: unknown[];
    }
  | {
      readonly type: 'done';
      readonly job: number;
      readonly bytes: Uint8Array;
      readonly etag: string;
      readonly warnings: string[];
    }
  | { readonly type: 'failed'; readonly job: number; readonly reason: string };

/** A perf table's JSON made by the worker. */
export interface OffloadedJson {
  readonly bytes: Buffer;
  /** The weak ETag of `bytes` (as encoded-body.ts makes it). */
  readonly etag: string;
  readonly warnings: readonly string[];
}

export class PerfOffload {
  /** Two workers, started on demand; a job of one worker always goes to the first. */
  private readonly workers: (Worker | null)[] = [null, null];
  private jobs = 0;
  private readonly waiting = new Map<number, (result: OffloadedJson | null) => void>();

  constructor(
    private readonly store: PriceStore,
    /** Segments per message of a packed read (tests send small batches to cover the joining). */
    private readonly segmentsPerMessage = SEGMENTS_PER_MESSAGE,
    /** Lists this long or longer go to both workers (tests split small ones). */
    private readonly splitMinSymbols = SPLIT_MIN_SYMBOLS,
  ) {}

  /** Whether the store can hand its reads over packed (else every table is computed in process). */
  get available(): boolean {
    return this.store.readPacked !== undefined;
  }

  /** The table's JSON, computed on the workers; null when it must be computed in process instead. */
  perfJson(request: PerfRequest): Promise<OffloadedJson | null> {
    if (!this.available) return Promise.resolve(null);
    const job = ++this.jobs;
    const answer = new Promise<OffloadedJson | null>((resolve) => this.waiting.set(job, resolve));
    const symbols = request.symbols === 'all' ? null : uniqueTickers(request.symbols);
    if (symbols === null || symbols.length < this.splitMinSymbols) {
      this.workerAt(0).postMessage({ type: 'job', job, request } satisfies FromMain);
      return answer;
    }
    // the first half's worker (the lead) finishes the table with the second half's rows
    const middle = Math.ceil(symbols.length / 2);
    const { port1, port2 } = new MessageChannel();
    const lead: FromMain = {
      type: 'job',
      job,
      request: { ...request, symbols: symbols.slice(0, middle) },
      half: { role: 'lead', port: port1 },
      ...(request.group === undefined ? {} : { whole: request }),
    };
    const helper: FromMain = {
      type: 'job',
      job: ++this.jobs,
      request: { ...request, symbols: symbols.slice(middle) },
      half: { role: 'helper', port: port2 },
    };
    this.workerAt(0).postMessage(lead, [port1]);
    this.workerAt(1).postMessage(helper, [port2]);
    return answer;
  }

  /** Starts the workers ahead of their first job (a no-op when they run, or when nothing would be handed over). */
  warm(): void {
    if (!this.available) return;
    this.workerAt(0);
    this.workerAt(1);
  }

  /** Stops the workers; jobs still running are answered null (computed in process by their callers). */
  async close(): Promise<void> {
    const running = this.workers.filter((w) => w !== null);
    this.workers.fill(null);
    this.settleAll();
    await Promise.all(running.map((w) => w.terminate()));
  }

  private workerAt(index: number): Worker {
    return this.workers[index] ?? this.start(index);
  }

  private start(index: number): Worker {
    // from the build a .js file; from source (tests, tsx) the .ts file, through tsx's loader (Node 20 does
    // not pass the parent's `--import tsx` hooks on to a worker)
    const worker = import.meta.url.endsWith('.ts')
      ? new Worker(
          `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(new URL('./perf-worker.ts', import.meta.url).href)}); })`,
          { eval: true },
        )
      : new Worker(new URL('./perf-worker.js', import.meta.url));
    worker.unref();
    worker.on('message', (m: ToMain) => this.onMessage(worker, m));
    // a worker that dies takes its jobs with it: they are computed in process, the next job starts a new one
    // (the other worker's half of a split job fails too: its channel closes)
    const lost = () => {
      if (this.workers[index] === worker) this.workers[index] = null;
      this.settleAll();
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    this.workers[index] = worker;
    return worker;
  }

  private onMessage(worker: Worker, m: ToMain): void {
    if (m.type === 'call') {
      void this.answer(worker, m.call, m.method, m.args).then(
        (value) => worker.postMessage({ type: 'reply', call: m.call, value } satisfies FromMain),
        // a failed read: the worker's table fails and is computed in process, where the error is raised
        () => worker.postMessage({ type: 'reply', call: m.call, value: null } satisfies FromMain),
      );
      return;
    }
    const resolve = this.waiting.get(m.job);
    this.waiting.delete(m.job);
    if (m.type === 'done') {
      const bytes = Buffer.from(m.bytes.buffer, m.bytes.byteOffset, m.bytes.byteLength);
      resolve?.({ bytes, etag: m.etag, warnings: m.warnings });
    } else resolve?.(null);
  }

  /**
   * Answers a call of the worker's stand-in store. A packed read's segments go ahead in batches, their
   * bytes handed over (transferred); the reply itself then carries the rest of the read (its columns and
   * range), or null.
   */
  private async answer(
    worker: Worker,
    call: number,
    method: 'readPacked' | 'getSymbol' | 'listSymbols',
    args: unknown[],
  ): Promise<unknown> {
    const store = this.store;
    if (method === 'getSymbol') return store.getSymbol(args[0] as string);
    if (method === 'listSymbols') return store.listSymbols();
    const [tickers, range, columns, part] = args as Parameters<NonNullable<PriceStore['readPacked']>>;
    const packed = (await store.readPacked?.(tickers, range, columns, part)) ?? null;
    if (packed === null) return null;
    const batch = this.segmentsPerMessage;
    for (let i = 0; i < packed.segments.length; i += batch) {
      if (i > 0) await nextTurn();
      const segments = packed.segments.slice(i, i + batch);
      const message: FromMain = {
        type: 'segments',
        call,
        symbols: packed.symbols.slice(i, i + batch),
        segments,
      };
      worker.postMessage(message, ownBuffers(segments));
    }
    return { columns: packed.columns, range: packed.range };
  }

  private settleAll(): void {
    for (const resolve of this.waiting.values()) resolve(null);
    this.waiting.clear();
  }
}

/**
 * The segments' byte strings to hand over rather than copy: each one that is the whole of its own
 * buffer (DuckDB's blob reads are fresh allocations); any other is copied by the structured clone.
 */
function ownBuffers(segments: PackedSegments['segments']): ArrayBuffer[] {
  const seen = new Set<ArrayBuffer>();
  const out: ArrayBuffer[] = [];
  for (const seg of segments)
    for (const bytes of [seg.days, seg.closes, seg.adjCloses]) {
      if (bytes === null) continue;
      const buffer = bytes.buffer as ArrayBuffer;
      if (bytes.byteOffset !== 0 || bytes.byteLength !== buffer.byteLength || seen.has(buffer)) continue;
      seen.add(buffer);
      out.push(buffer);
    }
  return out;
}
