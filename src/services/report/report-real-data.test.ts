/**
 * The note on the real data as of 2025-12-11 (issue 15, "done when"): the ETFs and megacaps, ^RUT,
 * ^VIX, the FRED rates (DGS2, DGS10, DFF) and the S&P 600 members' closes imported, the `sp600`
 * group from constituents/sp600.csv. The breadth section's figures equal an independent pandas
 * computation (test/reference/breadth_reference.py, run with /usr/bin/python3); the rates section
 * has the 2-year at 3.52% and the fed funds rate down 25 bp since the cut of December 10 (the FRED
 * files' README); equal weight against cap weight: the members' equal-weighted index over 1M, 3M,
 * 6M, YTD and one year equals pandas (same script) beside SPSM; `check` supports every claim of the
 * note, breadth, rates, seasonality and the equal-weighted row included; and a breadth figure or an
 * equal-weighted return altered in the text is contradicted with its true value; and `--snapshot`
 * carries everything the note used: a store rebuilt from it (import, then group import) gives the same
 * note, breadth section included, and the same fingerprint, which covers the members' rows.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithSharedData, realFile, repoRoot } from '../../../test/support/shared-data.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import type { MarketNote } from '../../note/report/note-model.js';
import { renderMarkdown } from '../../note/report/render-note.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
import { checkNote } from '../check/check-note.js';
import { importGroup } from '../groups/group-registry.js';
import { importFiles } from '../import/import-service.js';
import { buildReport } from './build-report.js';
import { groupFileName, writeSnapshot } from './report-snapshot.js';

const PYTHON = '/usr/bin/python3';
const AS_OF = '2025-12-11';
const hasPandas = spawnSync(PYTHON, ['-c', 'import pandas'], { encoding: 'utf8' }).status === 0;
if (!hasPandas) console.warn(`SKIPPED: ${PYTHON} with pandas is not available for the note's breadth reference`);

interface PandasBreadth {
  readonly members: number;
  readonly above50: number;
  readonly with50: number;
  readonly above200: number;
  readonly with200: number;
  readonly advances: number;
  readonly declines: number;
  readonly newHighs: number;
  readonly newLows: number;
  /** The equal-weighted index's returns: 1m, 3m, 6m, ytd, 1y. */
  readonly equalWeight: Record<string, number>;
}

describeWithSharedData.skipIf(!hasPandas)(
  'the note on the real data as of 2025-12-11, breadth from the S&P 600 members',
  () => {
    let store: DuckDbStore;
    let dir: string;
    let note: MarketNote;
    let markdown: string;
    let pandas: PandasBreadth;

    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'marketdash-note-real-'));
      store = await DuckDbStore.open(':memory:');
      const etfs = realFile('etfs-and-megacaps');
      await importFiles(store, {
        files: [
          ...readdirSync(etfs).map((f) => join(etfs, f)),
          realFile('indices/^RUT.csv'),
          realFile('indices/^VIX.csv'),
          ...['DGS2', 'DGS10', 'DFF'].map((t) => realFile(`rates/${t}.csv`)),
          realFile('sp600-members-adjclose-2015.csv.gz'),
        ],
      });
      await importGroup(realFile('constituents/sp600.csv'), 'sp600', {
        store,
        groupFile: join(dir, 'groups.json'),
        benchmark: 'IJR',
      });
      note = (await buildReport(store, { asOf: AS_OF })).note;
      markdown = renderMarkdown(note);
      const run = spawnSync(
        PYTHON,
        [
          join(repoRoot, 'test', 'reference', 'breadth_reference.py'),
          realFile('sp600-members-adjclose-2015.csv.gz'),
          realFile('constituents/sp600.csv'),
          AS_OF,
        ],
        { encoding: 'utf8', maxBuffer: 16 << 20 },
      );
      if (run.status !== 0) throw new Error(`breadth_reference.py failed: ${run.stderr}`);
      pandas = (JSON.parse(run.stdout) as Record<string, PandasBreadth>)[AS_OF]!;
    }, 300_000);

    afterAll(async () => {
      await store?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    const figure = (id: string) => {
      const f = note.figures.find((x) => x.id === id);
      if (!f) throw new Error(`no figure ${id} in the note (${note.figures.map((x) => x.id).join(', ')})`);
      return f;
    };

    it('the breadth section quotes what pandas computes from the members file', () => {
      const section = note.sections.find((s) => s.id === 'breadth');
      expect(section, 'a breadth section').toBeDefined();
      expect(figure('breadth-above50-sp600').value).toBe(pandas.above50 / pandas.with50);
      expect(figure('breadth-above200-sp600').value).toBe(pandas.above200 / pandas.with200);
      expect(figure('breadth-newhighs-sp600').value).toBe(pandas.newHighs);
      expect(figure('breadth-newlows-sp600').value).toBe(pandas.newLows);
      expect(figure('breadth-net-sp600').value).toBe(pandas.newHighs - pandas.newLows);
      expect(figure('breadth-advances-sp600').value).toBe(pandas.advances);
      expect(figure('breadth-declines-sp600').value).toBe(pandas.declines);
      // pandas as of 2025-12-11: 419 of 578 above the 50-day, 381 of 577 above the 200-day
      expect(markdown).toContain(
        `${((100 * pandas.above50) / pandas.with50).toFixed(2)}% closed above their 50-day average`,
      );
      expect(markdown).toContain(`${pandas.advances} S&P 600 members advanced and ${pandas.declines} declined`);
    });

    it('equal weight against cap weight: the members’ equal-weighted returns equal pandas, beside SPSM', () => {
      for (const period of ['1m', '3m', '6m', 'ytd', '1y'])
        expect(figure(`return-${period}-sp600:equalWeight-table`).value, period).toBeCloseTo(
          pandas.equalWeight[period]!,
          12,
        );
      expect(markdown).toMatch(/^\| S&P 600 members, equal-weighted \| [+-]?\d/m);
      expect(markdown).toMatch(/^\| [^|]*\(SPSM\) \| [+-]?\d/m);
      // pandas: equal weight 8.70% YTD and 1.67% over one year; SPSM 10.19% and 2.71% (adjusted closes)
      expect(markdown).toContain('The average member is behind SPSM both this year and over one year.');
    });

    it('the rates section: the 2-year at 3.52%, the fed funds rate down 25 bp since the cut of December 10', () => {
      // rates are levels: the change since last year in bp (pandas, rate_changes_reference.py: DGS2 -73, DFF -69)
      expect(markdown).toMatch(/\(DGS2\) stands at 3\.52%, 73 bp below where it ended last year/);
      expect(markdown).toMatch(/\(DFF\) stands at 3\.64%, 69 bp below where it ended last year/);
      expect(markdown).toContain(
        'The fed funds rate (DFF) is down 25 bp since the Fed’s cut of December 10'.replace('’', "'"),
      );
      expect(markdown).toMatch(/sectors that gained most as the 10-year yield fell/);
      expect(note.sections.map((s) => s.id)).toContain('seasonality');
    });

    it('check supports every claim of the note, breadth, rates and seasonality included', async () => {
      const report = await checkNote(store, { text: markdown });
      expect(report.asOf).toBe(AS_OF);
      expect(report.claims.filter((c) => c.verdict !== 'supported').map((c) => `${c.sentence} [${c.text}]`)).toEqual(
        [],
      );
      const metrics = new Set(report.claims.map((c) => c.metric));
      for (const m of [
        'breadth',
        'rate.level',
        'rate.change.bp',
        'rate.change.ytd',
        'rate.beta',
        'seasonality',
        'return',
      ])
        expect(metrics, m).toContain(m);
      expect(report.claims.filter((c) => c.metric === 'breadth')).toHaveLength(7);
      // the five cells of the equal-weighted row, checked on the index derived from the members' closes
      expect(report.claims.filter((c) => c.symbol === 'sp600:equalWeight')).toHaveLength(5);
      console.log(`note of ${AS_OF} on the real data: ${report.claims.length} claims, all supported`);
    }, 120_000);

    it('a breadth figure altered in the text is contradicted, with the true value', async () => {
      const shown = `${pandas.advances} S&P 600 members advanced`;
      const altered = markdown.replace(shown, `${pandas.advances + 30} S&P 600 members advanced`);
      expect(altered).not.toBe(markdown);
      const report = await checkNote(store, { text: altered });
      const bad = report.claims.filter((c) => c.verdict === 'contradicted');
      expect(bad.map((c) => [c.metric, c.claimed, c.actual])).toEqual([
        ['breadth', pandas.advances + 30, pandas.advances],
      ]);
    }, 120_000);

    it('an equal-weighted return altered in the table is contradicted, with the true value', async () => {
      const row = /^\| S&P 600 members, equal-weighted \| ([+-]?\d+\.\d\d)%/m.exec(markdown)!;
      const shown = Number(row[1]);
      const altered = markdown.replace(row[0], row[0].replace(`${row[1]}%`, `${(shown + 1).toFixed(2)}%`));
      const report = await checkNote(store, { text: altered });
      const bad = report.claims.filter((c) => c.verdict === 'contradicted');
      expect(bad.map((c) => [c.symbol, c.period])).toEqual([['sp600:equalWeight', '1m']]);
      expect(bad[0]!.actual as number).toBeCloseTo(pandas.equalWeight['1m']!, 12);
    }, 120_000);

    it('a store rebuilt from the snapshot gives the same note, breadth included, and the same fingerprint', async () => {
      const built = await buildReport(store, { asOf: AS_OF });
      const breadth = built.breadthRows!;
      expect(breadth.group).toMatchObject({ name: 'sp600', benchmark: 'IJR' });
      // constituents/sp600.csv lists 603 members; 580 of them have rows to 2025-12-11 in the members file
      expect(breadth.group.members).toHaveLength(603);
      expect(breadth.rows.length).toBeGreaterThanOrEqual(578);
      const universeRows = built.rowsUsed.reduce((n, s) => n + s.dates.length, 0);
      const memberRows = breadth.rows.reduce((n, s) => n + s.dates.length, 0);
      expect(note.rows).toBe(universeRows + memberRows);
      const snap = join(dir, 'snap');
      const paths = writeSnapshot(snap, built.rowsUsed, breadth);
      expect(paths.filter((p) => p.includes('sp600.'))).toEqual([
        join(snap, 'sp600.members.csv.gz'),
        join(snap, 'sp600.group.csv'),
      ]);
      expect(readFileSync(join(snap, groupFileName(breadth.group)), 'utf8').split('\n')[0]).toBe('Ticker,Company');
      const fresh = await DuckDbStore.open(':memory:');
      try {
        // what `report --snapshot` prints: marketdash import snap/* && marketdash group import snap/sp600.group.csv --name sp600 --benchmark IJR
        await importFiles(fresh, { files: readdirSync(snap).map((f) => join(snap, f)) });
        await importGroup(join(snap, 'sp600.group.csv'), 'sp600', {
          store: fresh,
          groupFile: join(dir, 'none.json'),
          benchmark: 'IJR',
        });
        const rebuilt = (await buildReport(fresh, { asOf: AS_OF })).note;
        expect(rebuilt.sections.map((s) => s.id)).toContain('breadth');
        expect(rebuilt.fingerprint).toBe(note.fingerprint);
        expect(rebuilt.rows).toBe(note.rows);
        expect(renderMarkdown(rebuilt)).toBe(markdown);
        // the fingerprint covers the members' rows: one member's close changed, it changes
        const member = breadth.rows.find((s) => s.symbol === 'AAP')!;
        const k = member.dates.indexOf(parseIsoDate(AS_OF));
        const one = { ...member, dates: member.dates.slice(k, k + 1), close: member.close.slice(k, k + 1) };
        one.close[0] = one.close[0]! + 0.01;
        await fresh.writeBars([
          {
            series: {
              ...one,
              open: one.close.map(() => Number.NaN),
              high: one.close.map(() => Number.NaN),
              low: one.close.map(() => Number.NaN),
              adjClose: member.adjClose.slice(k, k + 1),
              volume: one.close.map(() => Number.NaN),
            },
            source: 'test',
          },
        ]);
        expect((await buildReport(fresh, { asOf: AS_OF })).note.fingerprint).not.toBe(note.fingerprint);
      } finally {
        await fresh.close();
      }
    }, 300_000);
  },
);
