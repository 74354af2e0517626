/**
 * API load and first paint: `marketdash serve --demo` in its own process (as users run it), then
 * autocannon with 50 connections for 10 s on `/api/perf` for the default universe (every config
 * symbol the demo stores), printing requests/s, latency percentiles and errors; then Chromium opens
 * the overview page on a fresh profile and the browser's own paint timing is printed.
 * Goals: >= 2,000 req/s, p99 < 50 ms, no errors; first paint < 1 s. Prints figures only.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import autocannon from 'autocannon';
import { defaultConfig } from '../src/config/universe-config.js';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import { ensureWebBuilt, openBrowser, startDemoServer } from '../test/e2e/browser-session.js';
import { runCli, startServer, stopServer } from '../test/support/run-cli.js';
import { benchUniverseStore } from './bench-universe.js';
import { type HttpLoadResult, httpLoad } from './http-load.js';

const CONNECTIONS = Number(process.env.MARKETDASH_BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.MARKETDASH_BENCH_SECONDS ?? 10);

export async function run(): Promise<void> {
  await universeGroup();
  // MARKETDASH_BENCH_API=universe: only the 3,000-symbol group (no demo server, no browser)
  if (process.env.MARKETDASH_BENCH_API === 'universe') return;
  ensureWebBuilt();
  const server = await startDemoServer();
  try {
    const stored = new Set(
      (
        (await (await fetch(new URL('/api/symbols', server.url))).json()) as { symbols: { ticker: string }[] }
      ).symbols.map((s) => s.ticker),
    );
    const universe = Object.keys(defaultConfig().symbols).filter((t) => stored.has(t));
    const path = `/api/perf?symbols=${universe.map(encodeURIComponent).join(',')}`;
    const cold = performance.now();
    const first = await fetch(new URL(path, server.url));
    const coldMs = performance.now() - cold;
    const rows = ((await first.json()) as unknown[]).length;
    console.log(`/api/perf for the default universe: ${rows} symbols; first (uncached) answer ${coldMs.toFixed(1)} ms`);

    const result = await autocannon({
      url: new URL(path, server.url).toString(),
      connections: CONNECTIONS,
      duration: SECONDS,
      pipelining: 1,
    });
    const errors = result.errors + result.timeouts + result.non2xx;
    console.log(
      `autocannon ${CONNECTIONS} connections, ${SECONDS} s: ${Math.round(result.requests.average)} req/s (total ${result.requests.total})`,
    );
    console.log(
      `latency ms: p50 ${result.latency.p50}, p90 ${result.latency.p90}, p99 ${result.latency.p99}, max ${result.latency.max}`,
    );
    console.log(
      `errors: ${errors} (connection errors ${result.errors}, timeouts ${result.timeouts}, non-2xx ${result.non2xx})`,
    );
    console.log(
      `goals: >= 2000 req/s ${result.requests.average >= 2000 ? 'met' : 'MISSED'}; p99 < 50 ms ${result.latency.p99 < 50 ? 'met' : 'MISSED'}; no errors ${errors === 0 ? 'met' : 'MISSED'}`,
    );

    const browser = await openBrowser();
    try {
      const page = browser.page;
      const started = performance.now();
      await page.goto(new URL('/#/overview', server.url).toString(), { waitUntil: 'load' });
      await page.waitForSelector('#perf-table tbody tr');
      const tableMs = performance.now() - started;
      // Evaluated in the page (a string, so this Node-typed file needs no DOM types).
      const paint = (await page.evaluate(
        "Object.fromEntries(performance.getEntriesByType('paint').map((e) => [e.name, e.startTime]))",
      )) as Record<string, number>;
      const fp = paint['first-paint'];
      const fcp = paint['first-contentful-paint'];
      console.log(
        `overview page: first paint ${fp?.toFixed(0) ?? 'n/a'} ms, first contentful paint ${fcp?.toFixed(0) ?? 'n/a'} ms, performance table filled after ${tableMs.toFixed(0)} ms`,
      );
      console.log(`goal: first paint < 1000 ms ${fp !== undefined && fp < 1000 ? 'met' : 'MISSED'}`);
    } finally {
      await browser.close();
    }
  } finally {
    await server.stop();
  }
}

const pct = (r: autocannon.Result, status = 200) =>
  `${Math.round(r.requests.average)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, max ${r.latency.max} ms, errors ${r.errors + r.timeouts + (status === 200 ? r.non2xx : 0)}${status === 200 ? '' : ` (${r['3xx']} answered ${status})`}`;

/** One line of an httpLoad result: rate, latencies, statuses and the body's encoding and size. */
const loadLine = (r: HttpLoadResult) =>
  `${r.perSecond} req/s (${(r.bytesPerSecond / 1e6).toFixed(0)} MB/s), p50 ${r.p50} ms, p90 ${r.p90} ms, p99 ${r.p99} ms, max ${r.max} ms, statuses ${JSON.stringify(r.statuses)}${r.bodyBytes > 0 ? `, body ${Object.keys(r.encodings).join('/')} ${(r.bodyBytes / 1e3).toFixed(0)} kB` : ''}, errors ${r.errors}`;

const loadNow = () => `load ${loadavg()[0]!.toFixed(1)}`;

/** A bare node:http server (in this process) answering every request with `body`: what the client can take. */
async function withBareServer<T>(body: Buffer, encoding: string, fn: (url: string) => Promise<T>): Promise<T> {
  const server = createServer((_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-encoding': encoding,
      'content-length': body.length,
    });
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    const { port } = server.address() as AddressInfo;
    return await fn(`http://127.0.0.1:${port}/`);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
}

/**
 * `/api/perf?group=universe` for the 3,000-symbol bench universe (a copy of the bench store, a config
 * whose group `universe` holds every symbol): the first answer after the server starts (its data is
 * new to it), then 50 connections asking as a browser does (Accept-Encoding br, gzip), then one-symbol
 * requests while whole-table computations (a new as-of day each, so never cached) run beside them.
 * Goals: >= 2,000 req/s and p99 < 50 ms; one-symbol p99 < 10 ms during a full-table computation;
 * first full-table answer < 0.6 s.
 */
export async function universeGroup(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'marketdash-api-bench-'));
  try {
    const db = join(dir, 'universe.duckdb');
    copyFileSync(await benchUniverseStore(), db);
    const store = await DuckDbStore.open(db);
    const tickers = [...(await store.lastDates()).keys()].sort();
    await store.close();
    const base = defaultConfig();
    const config = {
      symbols: { ...base.symbols, ...Object.fromEntries(tickers.map((t) => [t, { name: t, kind: 'stock' }])) },
      groups: { ...base.groups, universe: tickers },
    };
    const configPath = join(dir, 'marketdash.config.json');
    writeFileSync(configPath, JSON.stringify(config));
    const { url, child } = await startServer(['--db', db], { MARKETDASH_CONFIG: configPath, MARKETDASH_TOKEN: '' });
    try {
      const path = '/api/perf?group=universe';
      const headers = { 'accept-encoding': 'br, gzip' };
      const t0 = performance.now();
      const first = await fetch(new URL(path, url), { headers });
      const bytes = (await first.arrayBuffer()).byteLength;
      console.log(
        `/api/perf?group=universe (${tickers.length} symbols): first answer ${(performance.now() - t0).toFixed(0)} ms (${first.headers.get('content-encoding') ?? 'identity'} ${(bytes / 1e3).toFixed(0)} kB)`,
      );
      const etag = first.headers.get('etag') ?? '';
      // brotli is made on the thread pool after the first answer: wait until the server sends it
      for (let i = 0; i < 100; i++) {
        const r = await fetch(new URL(path, url), { headers });
        await r.arrayBuffer();
        if (r.headers.get('content-encoding') === 'br') break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // whole bodies, asked for as a browser does (Accept-Encoding br, gzip: the brotli copy), by the
      // small client of http-load.ts in its own process
      const load = { url: new URL(path, url).toString(), connections: CONNECTIONS, seconds: SECONDS };
      const full = await httpLoad({ ...load, headers });
      console.log(
        `3,000-symbol group, ${CONNECTIONS} connections, ${SECONDS} s, whole body each time: ${loadLine(full)} (${loadNow()}); goals >= 2000 req/s ${full.perSecond >= 2000 ? 'met' : 'MISSED'}, p99 < 50 ms ${full.p99 < 50 ? 'met' : 'MISSED'}`,
      );
      // what a browser sends on a repeat view: If-None-Match with the ETag it holds (answered 304, no body)
      const revalidate = await httpLoad({ ...load, headers: { ...headers, 'if-none-match': etag } });
      console.log(
        `same, revalidating (If-None-Match, 304): ${loadLine(revalidate)} (${loadNow()}); goals >= 2000 req/s ${revalidate.perSecond >= 2000 ? 'met' : 'MISSED'}, p99 < 50 ms ${revalidate.p99 < 50 ? 'met' : 'MISSED'}`,
      );
      // the clients' own limits: the same bytes from a bare node:http server (in the bench process),
      // to this client and to autocannon (which decodes every body into a string: see http-load.ts)
      const json = Buffer.from(await (await fetch(new URL(path, url), { headers })).arrayBuffer());
      const body = brotliCompressSync(json, { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } });
      const bare = await withBareServer(body, 'br', (bareUrl) => httpLoad({ ...load, url: bareUrl }));
      console.log(`a bare node:http server sending the same ${(body.length / 1e3).toFixed(0)} kB: ${loadLine(bare)}`);
      const cannon = await autocannon({ url: load.url, connections: CONNECTIONS, duration: SECONDS, headers });
      console.log(`autocannon on the server, whole bodies (client-bound): ${pct(cannon)} (${loadNow()})`);

      // one-symbol requests while uncached whole-table computations run
      let busy = true;
      const heavy = (async () => {
        let n = 0;
        for (let d = 1; busy && d <= 28; d++) {
          await (await fetch(new URL(`${path}&asOf=2025-06-${String(d).padStart(2, '0')}`, url))).arrayBuffer();
          n++;
        }
        return n;
      })();
      const small = await httpLoad({
        url: new URL(`/api/series/${encodeURIComponent(tickers[0]!)}?from=2025-01-01`, url).toString(),
        connections: 4,
        seconds: Math.min(SECONDS, 5),
        headers,
      });
      busy = false;
      console.log(
        `one-symbol /api/series while ${await heavy} uncached whole-table perf answers ran: ${loadLine(small)}; goal p99 < 10 ms ${small.p99 < 10 ? 'met' : 'MISSED'} (${loadNow()})`,
      );

      // a data change (one new day for every symbol, imported through the CLI, which hands it to the
      // server holding the store), then the first whole-table answer
      const dayCsv = join(dir, 'day.csv');
      writeFileSync(
        dayCsv,
        `Symbol,Date,Open,High,Low,Close,Adj Close,Volume\n${tickers.map((t, i) => `${t},2026-01-02,${10 + (i % 7)},${11 + (i % 7)},${9 + (i % 7)},${10 + (i % 7)},${10 + (i % 7)},1000`).join('\n')}\n`,
      );
      const imported = runCli(['--db', db, 'import', dayCsv], { env: { MARKETDASH_CONFIG: configPath } });
      if (imported.code !== 0) throw new Error(`import of one day failed: ${imported.stderr}`);
      const t1 = performance.now();
      const changed = await fetch(new URL(path, url), { headers });
      await changed.arrayBuffer();
      const firstAfter = performance.now() - t1;
      console.log(
        `first whole-table answer after a data change (one day for ${tickers.length} symbols): ${firstAfter.toFixed(0)} ms; goal < 600 ms ${firstAfter < 600 ? 'met' : 'MISSED'} (${loadNow()})`,
      );
    } finally {
      await stopServer(child);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
