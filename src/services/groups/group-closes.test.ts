import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NotFoundError } from '../../domain/errors.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import { formatIsoDate, parseIsoDate } from '../../domain/trading-date.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
import { loadGroupCloses } from './group-closes.js';
import type { ResolvedGroup } from './group-registry.js';

const days = (...iso: string[]) => Int32Array.from(iso.map((s) => parseIsoDate(s)));
const group: ResolvedGroup = { name: 'trio', members: ['AAA', 'BBB', 'CCC'], benchmark: null, origin: 'config' };

describe('loadGroupCloses', () => {
  let store: DuckDbStore;
  beforeAll(async () => {
    store = await DuckDbStore.open(':memory:');
    await store.writeBars([
      { series: closeOnlySeries('AAA', days('2025-12-22', '2025-12-23'), [10, 11]), source: 'test' },
      { series: closeOnlySeries('BBB', days('2025-12-22', '2025-12-24'), [20, 21]), source: 'test' },
    ]);
  });
  afterAll(() => store.close());

  it('reads as of the latest bar among the members when no day is asked; lists members without bars', async () => {
    const r = await loadGroupCloses(store, group, null, false);
    expect(formatIsoDate(r.day)).toBe('2025-12-24');
    expect(r.found.map((c) => c.symbol)).toEqual(['AAA', 'BBB']);
    expect(r.missing).toEqual(['CCC']);
  });

  it('a requested day is kept as asked and later bars stay out', async () => {
    const r = await loadGroupCloses(store, group, parseIsoDate('2025-12-23'), false);
    expect(formatIsoDate(r.day)).toBe('2025-12-23');
    expect(Array.from(r.found[1]!.closes)).toEqual([20]);
  });

  it('no member with bars is not found, naming the group and its size', async () => {
    const none = loadGroupCloses(store, { ...group, members: ['CCC'] }, null, false);
    await expect(none).rejects.toBeInstanceOf(NotFoundError);
    await expect(none).rejects.toThrow("group 'trio': none of its 1 members has stored bars");
  });

  it("asked for a day before every member's first bar, the error names that day (leaders, rank, breadth)", async () => {
    const before = loadGroupCloses(store, group, parseIsoDate('1990-01-01'), false);
    await expect(before).rejects.toThrow("group 'trio': none of its 3 members has stored bars on or before 1990-01-01");
  });
});
