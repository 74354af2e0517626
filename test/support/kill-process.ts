/**
 * For the crash-safety tests: a big import file, a fingerprint of everything stored, and killing a CLI
 * child process with everything below it (SIGKILL).
 */
import { execFileSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import type { PriceSeries } from '../../src/domain/price-series.js';

/** SIGKILL the child and every process below it (node runs the import; anything it started goes too). */
export function killTree(pid: number): number[] {
  const all = descendants(pid);
  for (const p of [...all].reverse()) {
    try {
      process.kill(p, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  return all;
}

/** Waits until none of the processes exists any more (the kernel releases their file locks then). */
export async function waitGone(pids: readonly number[]): Promise<void> {
  const alive = (p: number) => {
    try {
      process.kill(p, 0);
      return true;
    } catch {
      return false;
    }
  };
  const started = Date.now();
  while (pids.some(alive) && Date.now() - started < 30_000) await new Promise((r) => setTimeout(r, 20));
}

function descendants(pid: number): number[] {
  const out = [pid];
  try {
    const children = execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
    for (const c of children) out.push(...descendants(c));
  } catch {
    // no children
  }
  return out;
}

/**
 * A long-layout file: `symbols` x `days` rows with simple deterministic prices, on the calendar days from
 * 2000-01-01 + `from` days on.
 */
export async function writeBigCsv(path: string, symbols: number, days: number, from = 0): Promise<void> {
  const out = createWriteStream(path);
  out.write('Symbol,Date,Open,High,Low,Close,Adj Close,Volume\n');
  const dates = Array.from({ length: days }, (_, i) =>
    new Date((10957 + from + i) * 86400000).toISOString().slice(0, 10),
  );
  for (let s = 0; s < symbols; s++) {
    const lines: string[] = [];
    for (let i = 0; i < days; i++) {
      const p = 10 + ((s * 7 + i) % 97) / 4;
      lines.push(`K${s},${dates[i]},${p},${p + 1},${p - 1},${p + 0.5},${p + 0.25},${1000 + i}\n`);
    }
    if (!out.write(lines.join(''))) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** Row count and an order-independent checksum of every stored value. */
export function fingerprint(all: Map<string, PriceSeries>): { rows: number; checksum: number } {
  let rows = 0;
  let checksum = 0;
  for (const [symbol, s] of all) {
    rows += s.dates.length;
    let h = 0;
    for (const ch of symbol) h = (h * 31 + ch.charCodeAt(0)) % 1_000_003;
    for (let i = 0; i < s.dates.length; i++) {
      const values = [s.dates[i]!, s.open[i]!, s.high[i]!, s.low[i]!, s.close[i]!, s.adjClose[i]!, s.volume[i]!];
      values.forEach((v, k) => {
        checksum += (Number.isNaN(v) ? 7 : v) * (k + 1) * (h + 1);
      });
    }
  }
  return { rows, checksum };
}
