/**
 * API load and first paint: `marketdash serve --demo` in its own process (as users run it), then
 * autocannon with 50 connections for 10 s on `/api/perf` for the default universe (every config
 * symbol the demo stores), printing requests/s, latency percentiles and errors; then Chromium opens
 * the overview page on a fresh profile and the browser's own paint timing is printed.
 * Goals: >= 2,000 req/s, p99 < 50 ms, no errors; first paint < 1 s. Prints figures only.
 */
import autocannon from 'autocannon';
import { defaultConfig } from '../src/config/universe-config.js';
import { ensureWebBuilt, openBrowser, startDemoServer } from '../test/e2e/browser-session.js';

const CONNECTIONS = Number(process.env.MARKETDASH_BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.MARKETDASH_BENCH_SECONDS ?? 10);

export async function run(): Promise<void> {
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
