/**
 * The market note and the claim checker: claim extraction of the reference column, `check` of the
 * reference column on the real data (when ../shared/data is present), and the whole note built and
 * rendered on the seeded demo market, then checked against the same store. Prints figures only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultConfig } from '../src/config/universe-config.js';
import { parseIsoDate } from '../src/domain/trading-date.js';
import { extractClaims, resolverFromConfig } from '../src/note/claims/extract-claims.js';
import { renderHtml, renderMarkdown } from '../src/note/report/render-note.js';
import { checkNote } from '../src/services/check/check-note.js';
import { loadDemoMarket } from '../src/services/demo/load-demo-market.js';
import { importFiles } from '../src/services/import/import-service.js';
import { buildReport } from '../src/services/report/build-report.js';
import { DuckDbStore } from '../src/store/duckdb/duckdb-store.js';
import { hasSharedData, realFile, sharedDir } from '../test/support/shared-data.js';

async function best(label: string, runs: number, fn: () => Promise<unknown> | unknown): Promise<void> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${label}: best ${times[0]!.toFixed(1)} ms, median ${times[Math.floor(runs / 2)]!.toFixed(1)} ms (${runs} runs)`,
  );
}

export async function run(): Promise<void> {
  const resolver = resolverFromConfig(defaultConfig());
  if (hasSharedData()) {
    const text = readFileSync(join(sharedDir, 'seed', 'the-great-rotation.txt'), 'utf8');
    await best('extract claims, reference column', 50, () => extractClaims(text, resolver));
    const store = await DuckDbStore.open(':memory:');
    const dir = realFile('etfs-and-megacaps');
    await importFiles(store, {
      files: [...readdirSync(dir).map((f) => join(dir, f)), realFile('indices/^RUT.csv'), realFile('indices/^VIX.csv')],
    });
    await best('check reference column on real data (28 claims)', 5, () =>
      checkNote(store, { text, asOf: '2025-12-11' }),
    );
    await store.close();
  } else console.log('no ../shared/data: reference-column figures skipped');

  const demo = await DuckDbStore.open(':memory:');
  await loadDemoMarket(demo, { today: parseIsoDate('2025-12-12') });
  let md = '';
  await best('report on the demo market (build + HTML + Markdown)', 5, async () => {
    const { note } = await buildReport(demo, { asOf: '2025-12-11' });
    renderHtml(note);
    md = renderMarkdown(note);
  });
  const claims = extractClaims(md, resolver).length;
  await best(`check the demo note (${claims} claims)`, 5, () => checkNote(demo, { text: md, asOf: '2025-12-11' }));
  await demo.close();
}
