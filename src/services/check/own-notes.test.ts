/**
 * The project's own notes of 30 different days on the real data (../shared/data/real), each checked
 * without --as-of (the checker reads the note's own "As of the close of ..." line): every claim is
 * supported; then each note with three of its figures altered by 1.5 percentage points has exactly
 * those three contradicted, each with its true value. The same is done once for the reference column
 * (../shared/seed/the-great-rotation.txt) in check-reference-column.test.ts.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithSharedData, realFile } from '../../../test/support/shared-data.js';
import { defaultConfig } from '../../config/universe-config.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import { extractClaims, resolverFromConfig } from '../../note/claims/extract-claims.js';
import { renderMarkdown } from '../../note/report/render-note.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
import { importFiles } from '../import/import-service.js';
import { buildReport } from '../report/build-report.js';
import { checkNote } from './check-note.js';

/** 30 Fridays two weeks apart from 2025-01-10 to 2026-02-13 (the indices' files end 2026-02-23). */
const DAYS = Array.from({ length: 30 }, (_, i) => formatIsoDate(parseIsoDate('2025-01-10') + 14 * i));

describeWithSharedData('check on the project’s own notes of 30 days, as written and with three figures altered', () => {
  let store: DuckDbStore;
  const notes = new Map<string, string>();

  beforeAll(async () => {
    store = await DuckDbStore.open(':memory:');
    const dir = realFile('etfs-and-megacaps');
    await importFiles(store, {
      files: [...readdirSync(dir).map((f) => join(dir, f)), realFile('indices/^RUT.csv'), realFile('indices/^VIX.csv')],
    });
    for (const day of DAYS) notes.set(day, renderMarkdown((await buildReport(store, { asOf: day })).note));
  }, 300_000);

  afterAll(async () => {
    await store.close();
  });

  it('supports every claim of every note, checked as of the date each note states', async () => {
    expect(new Set(DAYS).size).toBe(30);
    let total = 0;
    const metrics = new Set<string>();
    for (const day of DAYS) {
      const report = await checkNote(store, { text: notes.get(day)! });
      expect(report.asOfSource).toMatchObject({ source: 'note' });
      expect(report.claims.filter((c) => c.verdict !== 'supported').map((c) => `${day}: ${c.sentence}`)).toEqual([]);
      expect(report.claims.length).toBeGreaterThanOrEqual(25);
      total += report.claims.length;
      for (const c of report.claims) metrics.add(c.metric);
    }
    console.log(`30 notes of the real data: ${total} claims, all supported (${[...metrics].sort().join(', ')})`);
    // Every built-in type is present (plugged-in types, such as seasonality, may add more).
    for (const m of ['return', 'ath', 'trend', 'since', 'streak', 'level', 'spread']) expect(metrics).toContain(m);
  }, 120_000);

  it('contradicts exactly the three altered figures of each note, with their true values', async () => {
    const resolver = resolverFromConfig(defaultConfig());
    for (const day of DAYS) {
      const md = notes.get(day)!;
      const lines = md.split('\n');
      const chosen: { line: number; symbol: string; period: string; truth: number }[] = [];
      for (const c of extractClaims(md, resolver, { noteDate: parseIsoDate(day) })) {
        if (chosen.length === 3) break;
        if (c.metric !== 'return' || chosen.some((x) => x.line === c.line)) continue;
        const text = lines[c.line - 1]!;
        const shown = `${(Math.abs(c.value) * 100).toFixed(2)}%`;
        const at = text.indexOf(shown);
        if (at < 0 || text.indexOf(shown, at + 1) >= 0) continue;
        lines[c.line - 1] =
          `${text.slice(0, at)}${(Math.abs(c.value) * 100 + 1.5).toFixed(2)}%${text.slice(at + shown.length)}`;
        chosen.push({ line: c.line, symbol: c.symbol!, period: c.period!, truth: c.value });
      }
      expect(chosen, day).toHaveLength(3);
      const report = await checkNote(store, { text: lines.join('\n') });
      const flagged = report.claims.filter((c) => c.verdict === 'contradicted');
      expect(
        flagged.map((c) => [c.line, c.symbol, c.period]),
        day,
      ).toEqual(chosen.map((c) => [c.line, c.symbol, c.period]));
      flagged.forEach((c, i) => {
        expect(Math.abs(c.actual as number)).toBeCloseTo(Math.abs(chosen[i]!.truth), 4);
      });
      expect(report.claims.filter((c) => c.verdict === 'unverifiable')).toEqual([]);
    }
  }, 120_000);
});
