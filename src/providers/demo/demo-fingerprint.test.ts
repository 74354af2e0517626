/**
 * The demo market stays byte-identical through refactoring: a sha256 over every series' columns
 * (dates, open, high, low, close, adjClose, volume as their raw bytes), the dividends, splits, symbol
 * infos and the planted story. The expected digests were recorded from generateDemoMarket as it was
 * before it was split into one function per planted story (commit 24a86e6); any change to a single
 * bit of the demo data changes them. If the demo is changed on purpose, record the new digests and say
 * why in the commit.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/universe-config.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { type DemoMarket, generateDemoMarket } from './demo-market.js';

function fingerprint(m: DemoMarket): string {
  const h = createHash('sha256');
  h.update(`seed ${m.seed}\n`);
  h.update(Buffer.from(m.days.buffer, m.days.byteOffset, m.days.byteLength));
  for (const ticker of [...m.series.keys()].sort()) {
    const s = m.series.get(ticker)!;
    h.update(`series ${ticker} ${s.symbol}\n`);
    for (const col of [s.dates, s.open, s.high, s.low, s.close, s.adjClose, s.volume])
      h.update(Buffer.from(col.buffer, col.byteOffset, col.byteLength));
  }
  for (const ticker of [...m.dividends.keys()].sort())
    h.update(`dividends ${ticker} ${JSON.stringify(m.dividends.get(ticker))}\n`);
  h.update(`splits ${JSON.stringify(m.splits)}\n`);
  h.update(`symbols ${JSON.stringify(m.symbols)}\n`);
  h.update(`story ${JSON.stringify(m.story)}\n`);
  return h.digest('hex');
}

const symbolNames = defaultConfig().symbols;

describe('demo market fingerprint', () => {
  it.each([
    [42, '2026-11-25', '13dea180006befaf9d597a3a9e6e255fb5c320401b0a5360f612e2e6c20ac2e6'],
    [7, '2025-12-12', 'f314a9ab7d30536fcbcb4e1b7acf1f3160c507a12cbe33d6aabedf08bc617743'],
  ])('seed %i to %s is byte-identical to the recorded market', (seed, today, expected) => {
    const m = generateDemoMarket({ seed, today: parseIsoDate(today), symbolNames });
    expect(fingerprint(m)).toBe(expected);
  });
});
