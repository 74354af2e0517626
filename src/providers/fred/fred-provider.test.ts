/**
 * The FRED provider on hand-written fredgraph CSV samples (test/fixtures/providers/fred): both header
 * styles, empty and '.' values on holidays skipped, kind 'rate' with close = value.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReplayFetch, textResponse } from '../../../test/fixtures/providers/replay-fetch.js';
import { ProviderError } from '../../domain/errors.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import { FredProvider, parseFredCsv } from './fred-provider.js';

const d = parseIsoDate;
const fixture = (name: string) =>
  readFileSync(join(import.meta.dirname, '../../../test/fixtures/providers/fred', name), 'utf8');

describe('FredProvider', () => {
  it('requests fredgraph.csv for the series and range, skipping empty holiday values', async () => {
    const replay = new ReplayFetch([
      {
        match: (u) => u.pathname.endsWith('fredgraph.csv'),
        respond: () => textResponse(200, fixture('DGS10-2024-12-20-to-2025-01-03.csv')),
      },
    ]);
    const fred = new FredProvider({ fetch: replay.fetch });
    const h = await fred.fetchDaily({ symbol: 'DGS10', from: d('2024-12-20'), to: d('2025-01-03'), kind: 'rate' });
    const url = new URL(replay.requests[0]!);
    expect([url.searchParams.get('id'), url.searchParams.get('cosd'), url.searchParams.get('coed')]).toEqual([
      'DGS10',
      '2024-12-20',
      '2025-01-03',
    ]);
    expect(h.kind).toBe('rate');
    expect(h.provider).toBe('fred');
    expect(Array.from(h.series.dates, formatIsoDate)).not.toContain('2024-12-25');
    expect(Array.from(h.series.dates, formatIsoDate)).not.toContain('2025-01-01');
    expect(h.series.dates.length).toBe(9);
    expect(Array.from(h.series.close).slice(0, 3)).toEqual([4.52, 4.59, 4.59]);
    expect(h.series.adjClose[8]).toBe(4.6);
    expect(Number.isNaN(h.series.open[0]!)).toBe(true);
  });

  it("reads the older 'DATE' header with '.' for missing values", () => {
    const h = parseFredCsv(
      'DGS10',
      fixture('DGS10-old-format-2019-12-20-to-2019-12-27.csv'),
      d('2019-12-01'),
      d('2019-12-31'),
    );
    expect(Array.from(h.series.dates, formatIsoDate)).toEqual([
      '2019-12-20',
      '2019-12-23',
      '2019-12-24',
      '2019-12-26',
      '2019-12-27',
    ]);
    expect(Array.from(h.series.close)).toEqual([1.92, 1.93, 1.9, 1.9, 1.88]);
  });

  it('rejects a file of another series or a bad value, naming the line', () => {
    expect(() => parseFredCsv('DGS2', fixture('DGS10-2024-12-20-to-2025-01-03.csv'), 0, 99999)).toThrow(
      /holds series 'DGS10'/,
    );
    expect(() => parseFredCsv('DGS10', 'observation_date,DGS10\n2025-01-02,abc\n', 0, 99999)).toThrow(ProviderError);
    expect(() => parseFredCsv('DGS10', 'observation_date,DGS10\n2025-01-02,abc\n', 0, 99999)).toThrow(/line 2/);
  });

  it('handles rate series only (by kind, or by a known FRED id)', () => {
    const fred = new FredProvider();
    expect(fred.canHandle('DGS10')).toBe(true);
    expect(fred.canHandle('DFF')).toBe(true);
    expect(fred.canHandle('AAPL')).toBe(false);
    expect(fred.canHandle('AAPL', 'stock')).toBe(false);
    expect(fred.canHandle('MORTGAGE30US', 'rate')).toBe(true);
  });
});
