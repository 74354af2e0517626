/**
 * The dashboard's weight and Lighthouse scores. First, the JavaScript each page loads, read from
 * Vite's build manifest (the entry plus the page's chunk and their static imports, i.e. what the
 * browser fetches before the page draws): the first page (Overview) must ship about 30 KB of the
 * app's own code, the chart library (lightweight-charts) only with the chart pages. Then Lighthouse
 * 12.2.3 (pinned: the last line for Node 20) runs against Debian's Chromium on the demo server's
 * Overview, with its default mobile emulation (simulated slow 4G, 4x CPU slowdown) and the desktop
 * preset. Goals: accessibility >= 95 and performance >= 90. Prints figures only.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import { CHROMIUM, ensureWebBuilt, ROOT, startDemoServer } from '../test/e2e/browser-session.js';

interface ManifestChunk {
  readonly file: string;
  readonly imports?: readonly string[];
  readonly dynamicImports?: readonly string[];
  readonly isEntry?: boolean;
  readonly src?: string;
}

const WEB = join(ROOT, 'dist/web');

/** The files a chunk pulls in before it runs: itself and its static imports, transitively. */
function closure(manifest: Record<string, ManifestChunk>, key: string, out = new Set<string>()): Set<string> {
  const chunk = manifest[key];
  if (!chunk || out.has(chunk.file)) return out;
  out.add(chunk.file);
  for (const i of chunk.imports ?? []) closure(manifest, i, out);
  return out;
}

function weigh(files: Iterable<string>): { raw: number; gzip: number } {
  let raw = 0;
  let gzip = 0;
  for (const f of files) {
    const bytes = readFileSync(join(WEB, f));
    raw += bytes.length;
    gzip += gzipSync(bytes).length;
  }
  return { raw, gzip };
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

function bundleFigures(): void {
  const manifest = JSON.parse(readFileSync(join(WEB, '.vite/manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  const entryKey = Object.keys(manifest).find((k) => manifest[k]!.isEntry);
  if (!entryKey) throw new Error('dist/web/.vite/manifest.json has no entry');
  const entry = closure(manifest, entryKey);
  const library = Object.values(manifest).find((c) =>
    readFileSync(join(WEB, c.file), 'utf8').includes('TradingView'),
  )?.file;
  console.log(`web bundle (dist/web, built ${new Date(statSync(join(WEB, 'index.html')).mtimeMs).toISOString()}):`);
  for (const page of ['overview', 'rotation', 'symbol', 'compare', 'note']) {
    const key = Object.keys(manifest).find((k) => k.endsWith(`pages/${page}-page.ts`));
    if (!key) continue;
    const files = closure(manifest, key, new Set(entry));
    const own = [...files].filter((f) => f !== library);
    const all = weigh(files);
    const app = weigh(own);
    console.log(
      `  ${page.padEnd(9)} JS loaded ${kb(all.raw)} (${kb(all.gzip)} gzipped), of it the app's own code ${kb(app.raw)} (${kb(app.gzip)} gzipped)${files.has(library ?? '') ? ', with lightweight-charts' : ', no chart library'}`,
    );
  }
}

async function lighthouseScores(url: string): Promise<void> {
  for (const [label, config] of [
    ['mobile (default: simulated slow 4G, 4x CPU)', undefined],
    ['desktop preset', desktopConfig],
  ] as const) {
    const chrome = await chromeLauncher.launch({
      chromePath: CHROMIUM,
      chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
    try {
      const result = await lighthouse(
        url,
        { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] },
        config,
      );
      const lhr = result?.lhr;
      if (!lhr) throw new Error('lighthouse returned no report');
      const score = (c: string) => Math.round((lhr.categories[c]?.score ?? 0) * 100);
      const ms = (a: string) => `${Math.round(lhr.audits[a]?.numericValue ?? Number.NaN)} ms`;
      console.log(
        `lighthouse ${lhr.lighthouseVersion} ${label} on ${url}: performance ${score('performance')}, accessibility ${score('accessibility')}; FCP ${ms('first-contentful-paint')}, LCP ${ms('largest-contentful-paint')}, TBT ${ms('total-blocking-time')}, CLS ${(lhr.audits['cumulative-layout-shift']?.numericValue ?? Number.NaN).toFixed(3)}`,
      );
      const failed = Object.values(lhr.categories.accessibility?.auditRefs ?? [])
        .map((r) => lhr.audits[r.id])
        .filter((a) => a && a.score !== null && a.score < 1)
        .map((a) => a!.id);
      if (failed.length) console.log(`  accessibility audits not passed: ${failed.join(', ')}`);
    } finally {
      chrome.kill();
    }
  }
}

export async function run(): Promise<void> {
  ensureWebBuilt();
  bundleFigures();
  const server = await startDemoServer();
  try {
    await lighthouseScores(new URL('/#/overview', server.url).toString());
  } finally {
    await server.stop();
  }
}
