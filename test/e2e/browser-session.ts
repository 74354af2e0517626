/**
 * What the browser tests share: a `marketdash serve --demo` process on a fresh store and a free
 * port, Debian's Chromium driven by playwright-core with a fresh profile, console errors collected
 * per page, screenshots saved to test-artifacts/.
 */
import { type ChildProcess, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { startServer, stopServer } from '../support/run-cli.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, name.name);
    newest = Math.max(newest, name.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds dist/web when it is missing or older than the sources (the server serves that folder). */
export function ensureWebBuilt(): void {
  const index = join(ROOT, 'dist/web/index.html');
  const sources = Math.max(newestMtime(join(ROOT, 'web/src')), statSync(join(ROOT, 'web/index.html')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync(
    join(ROOT, 'node_modules/.bin/vite'),
    ['build', '--config', 'web/vite.config.ts', '--logLevel', 'error'],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

/** Installs Chromium through the project's script when it is missing (a fresh machine). */
export function ensureChromium(): void {
  if (existsSync(CHROMIUM)) return;
  execFileSync('bash', [join(ROOT, 'scripts/install-system-deps.sh')], { stdio: 'inherit' });
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is still missing after scripts/install-system-deps.sh`);
}

/**
 * The time limit of one browser test, and of one Playwright wait or action: a test waits for the condition it
 * checks (a selector, a data-ready mark), never for a fixed time, and on the shared 2-core machine under load a
 * page takes several times longer than alone, so the limits are generous (vitest's default of 60 s gave random
 * reds at load 20 on the Note page, whose axe run alone took 15 s).
 */
export const BROWSER_TEST_TIMEOUT_MS = 240_000;
export const BROWSER_WAIT_TIMEOUT_MS = 120_000;

export interface DemoServer {
  readonly url: string;
  readonly dir: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts `marketdash serve --demo --port 0` on a fresh store and waits for the URL it prints. */
export async function startDemoServer(extraArgs: string[] = []): Promise<DemoServer> {
  const dir = mkdtempSync(join(tmpdir(), 'marketdash-e2e-'));
  const { url, child } = await startServer(
    ['--db', join(dir, 'demo.duckdb')],
    { MARKETDASH_CONFIG: '', MARKETDASH_TOKEN: '' },
    { serveArgs: ['--demo', ...extraArgs], timeoutMs: 110_000 },
  );
  return {
    url,
    dir,
    process: child,
    async stop() {
      await stopServer(child);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface BrowserSession {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Console errors and uncaught page errors since the last `takeErrors()`. */
  takeErrors(): string[];
  close(): Promise<void>;
}

export async function openBrowser(viewport = { width: 1280, height: 900 }): Promise<BrowserSession> {
  const profile = mkdtempSync(join(tmpdir(), 'marketdash-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
  });
  context.setDefaultTimeout(BROWSER_WAIT_TIMEOUT_MS);
  const page = context.pages()[0] ?? (await context.newPage());
  let errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('response', (r) => {
    if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`);
  });
  return {
    context,
    page,
    takeErrors() {
      const out = errors;
      errors = [];
      return out;
    },
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Waits until the page has no skeleton or busy region left. The predicate is a function, never a string:
 * Playwright evaluates a string predicate with eval on every poll after the first, which the dashboard's
 * CSP (script-src 'self', no 'unsafe-eval') refuses, so a page still drawing at the first check failed
 * the test with "EvalError: Evaluating a string as JavaScript violates the following Content Security
 * Policy" (and a pageerror): a random red whenever the machine was slow.
 */
export async function waitUntilSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const doc = (globalThis as unknown as { document: { querySelectorAll(s: string): { length: number } } }).document;
    return doc.querySelectorAll('[aria-busy=true], .skeleton').length === 0;
  });
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}

/**
 * The README's pictures: the visible part of the page (not the full length), written to docs/images/ so
 * every run of the browser tests keeps them current (commit them when they change).
 */
export async function docImage(page: Page, name: string): Promise<void> {
  const images = join(ROOT, 'docs', 'images');
  mkdirSync(images, { recursive: true });
  await page.screenshot({ path: join(images, `${name}.png`), fullPage: false });
}

/** The pages' percentage formats (the domain's one formatter): 0.368 -> "36.80%", signed "+36.80%". */
export {
  formatPercent as percent,
  formatSignedPercent as signed,
} from '../../src/domain/format/display-format.js';
