import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { checkedJson } from './server-context.js';

const row = z.strictObject({ symbol: z.string(), close: z.number().nullable() });

describe('checkedJson', () => {
  it('writes an array a row at a time, the same text as JSON.stringify(schema.parse(rows))', async () => {
    // 5,000 rows, so the row loop crosses several 4 ms slices on a slow machine
    const rows = Array.from({ length: 5000 }, (_, i) => ({ symbol: `S${i}`, close: i % 7 === 0 ? null : i / 3 }));
    const schema = z.array(row);
    expect(await checkedJson(schema, rows)).toBe(JSON.stringify(schema.parse(rows)));
    expect(await checkedJson(schema, [])).toBe('[]');
  });

  it('rejects a row the element schema refuses, as the whole parse does', async () => {
    await expect(checkedJson(z.array(row), [{ symbol: 'A', close: 1, extra: 2 }])).rejects.toThrow(/extra/);
  });

  it('keeps checks on the array itself (a minimum length) by parsing it whole', async () => {
    await expect(checkedJson(z.array(row).min(2), [{ symbol: 'A', close: 1 }])).rejects.toThrow();
    expect(await checkedJson(z.object({ n: z.number() }), { n: 1 })).toBe('{"n":1}');
  });
});
