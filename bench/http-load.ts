/**
 * A small HTTP/1.1 load generator for the API bench, run in its own process (`httpLoad()` spawns this
 * file), so the client never shares a thread with the server or the bench. N keep-alive connections
 * each send a GET, read the whole response (status line, headers, then exactly Content-Length bytes,
 * or none for 304) and send the next one; it records every request's latency.
 *
 * Why not autocannon for large bodies: autocannon 9 appends every body chunk to a JavaScript string
 * (`req.body += data` in its pipelined-requests queue), so a 600 kB compressed body is decoded as UTF-8
 * and concatenated for each request; it tops out near 85 req/s of 637 kB here against a bare
 * `node:http` server that this client drives at about 2,600 req/s. Node's own http client reaches
 * about 1,250 req/s on the same server. This one does what wrk does: parse the head, count the body's
 * bytes, never decode them.
 */
import { spawn } from 'node:child_process';
import { connect, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';

export interface HttpLoadOptions {
  readonly url: string;
  readonly connections: number;
  readonly seconds: number;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface HttpLoadResult {
  readonly requests: number;
  readonly perSecond: number;
  readonly bytesPerSecond: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
  /** Responses per status code. */
  readonly statuses: Record<string, number>;
  /** Content-Encoding of the 200 answers (e.g. {"br": 812}). */
  readonly encodings: Record<string, number>;
  /** Body size of the last 200 answer, in bytes. */
  readonly bodyBytes: number;
  /** Connection errors and responses that could not be read (no length, bad status line). */
  readonly errors: number;
}

/** Runs the load in a child process (the same Node, through tsx) and returns its figures. */
export function httpLoad(options: HttpLoadOptions): Promise<HttpLoadResult> {
  const self = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', self, JSON.stringify(options)], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`http-load exited with ${code}: ${out}`));
      else resolve(JSON.parse(out) as HttpLoadResult);
    });
  });
}

async function main(options: HttpLoadOptions): Promise<HttpLoadResult> {
  const url = new URL(options.url);
  const extra = Object.entries(options.headers ?? {})
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('');
  const request = Buffer.from(`GET ${url.pathname}${url.search} HTTP/1.1\r\nhost: ${url.host}\r\n${extra}\r\n`);
  let latencies = new Float64Array(1 << 16);
  let done = 0;
  let bytes = 0;
  let errors = 0;
  let bodyBytes = 0;
  let stopped = false;
  const statuses: Record<string, number> = {};
  const encodings: Record<string, number> = {};
  const sockets: Socket[] = [];

  const record = (ms: number) => {
    if (done === latencies.length) {
      const grown = new Float64Array(latencies.length * 2);
      grown.set(latencies);
      latencies = grown;
    }
    latencies[done++] = ms;
  };

  const open = () => {
    const socket = connect(Number(url.port), url.hostname);
    sockets.push(socket);
    let head: Buffer | null = null; // bytes of a head not yet complete
    let remaining = -1; // body bytes still to read; -1 while reading the head
    let started = 0;
    let status = 0;
    let encoding = 'identity';
    let length = 0;
    const send = () => {
      if (stopped) return;
      started = performance.now();
      socket.write(request);
    };
    const finish = () => {
      record(performance.now() - started);
      statuses[status] = (statuses[status] ?? 0) + 1;
      if (status === 200) {
        encodings[encoding] = (encodings[encoding] ?? 0) + 1;
        bodyBytes = length;
      }
      remaining = -1;
      send();
    };
    socket.setNoDelay(true);
    socket.on('connect', send);
    socket.on('data', (chunk: Buffer) => {
      let data = chunk;
      while (data.length > 0) {
        if (remaining < 0) {
          const buf = head === null ? data : Buffer.concat([head, data]);
          const end = buf.indexOf('\r\n\r\n');
          if (end < 0) {
            head = buf;
            return;
          }
          head = null;
          const text = buf.subarray(0, end).toString('latin1');
          status = Number(text.slice(9, 12));
          encoding = /\r\ncontent-encoding:\s*([^\r]+)/i.exec(text)?.[1]?.trim() ?? 'identity';
          const cl = /\r\ncontent-length:\s*(\d+)/i.exec(text);
          if (!/^HTTP\/1\.[01] \d{3}/.test(text) || (cl === null && status !== 304 && status !== 204)) {
            errors++;
            socket.destroy();
            return;
          }
          length = cl === null ? 0 : Number(cl[1]);
          remaining = length;
          bytes += end + 4;
          data = buf.subarray(end + 4);
          if (remaining === 0) finish();
          continue;
        }
        const take = Math.min(remaining, data.length);
        remaining -= take;
        bytes += take;
        data = data.subarray(take);
        if (remaining === 0) finish();
      }
    });
    socket.on('error', () => {
      errors++;
    });
  };

  const t0 = performance.now();
  for (let i = 0; i < options.connections; i++) open();
  await new Promise((resolve) => setTimeout(resolve, options.seconds * 1000));
  stopped = true;
  const elapsed = (performance.now() - t0) / 1000;
  for (const s of sockets) s.destroy();
  const sorted = latencies.subarray(0, done).sort();
  const pct = (q: number) => (done === 0 ? Number.NaN : sorted[Math.min(done - 1, Math.floor(q * done))]!);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    requests: done,
    perSecond: Math.round(done / elapsed),
    bytesPerSecond: Math.round(bytes / elapsed),
    p50: round(pct(0.5)),
    p90: round(pct(0.9)),
    p99: round(pct(0.99)),
    max: round(done === 0 ? Number.NaN : sorted[done - 1]!),
    statuses,
    encodings,
    bodyBytes,
    errors,
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = await main(JSON.parse(process.argv[2] ?? '{}') as HttpLoadOptions);
  process.stdout.write(JSON.stringify(result));
}
