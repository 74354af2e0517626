/**
 * The pages on an empty store (a new user's first `serve`): each empty state says what is missing in the
 * page's own words ("no prices stored ..."), never a command-line step (issue 11, section 5).
 */

import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { startServer, stopServer } from '../support/run-cli.js';
import {
  BROWSER_TEST_TIMEOUT_MS,
  type BrowserSession,
  ensureChromium,
  ensureWebBuilt,
  openBrowser,
  waitUntilSettled,
} from './browser-session.js';

vi.setConfig({ testTimeout: BROWSER_TEST_TIMEOUT_MS, hookTimeout: BROWSER_TEST_TIMEOUT_MS });

let dir: string;
let url: string;
let child: ChildProcess | undefined;
let browser: BrowserSession;

beforeAll(async () => {
  ensureChromium();
  ensureWebBuilt();
  dir = mkdtempSync(join(tmpdir(), 'marketdash-empty-e2e-'));
  const server = await startServer(
    ['--db', join(dir, 'empty.duckdb')],
    { MARKETDASH_CONFIG: '', MARKETDASH_TOKEN: '' },
    { timeoutMs: 110_000 },
  );
  child = server.child;
  url = server.url;
  browser = await openBrowser({ width: 1440, height: 900 });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  if (child) await stopServer(child);
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('an empty store', () => {
  test('the Overview and Symbol pages say no prices are stored, naming no command', async () => {
    const page = browser.page;
    for (const [hash, said] of [
      ['#/overview', 'No prices stored for'],
      ['#/symbol', 'No prices stored yet'],
    ] as const) {
      await page.goto(new URL(`/${hash}`, url).toString());
      await page.waitForSelector(`text=${said}`);
      await waitUntilSettled(page);
      const text = (await page.locator('main').textContent()) ?? '';
      expect(text, hash).not.toMatch(/\bimport\b|--[a-z]{3,}|marketdash |demo market/i);
    }
  });
});
