/**
 * What the checker says reaches the API and the web page as it is: product words, no CLI command or option.
 * The CLI's next step travels apart (an error's `hint`, the report's `cliHints`), and only the CLI prints it.
 */
import { expect, it } from 'vitest';
import { memoryStoreEach } from '../../../test/support/memory-store.js';
import { DataError } from '../../domain/errors.js';
import { closeOnlySeries } from '../../domain/price-series.js';
import { parseIsoDate } from '../../domain/trading-date.js';
import { checkNote } from './check-note.js';

const mem = memoryStoreEach();
const CLI_WORDS = /marketdash|--[a-z]/;

it('an empty store: the message names no command; the hint does', async () => {
  const e = await checkNote(mem.store, { text: 'IWM rose 1% today.' }).then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(DataError);
  expect((e as DataError).message).toBe('the store holds no data');
  expect((e as DataError).hint).toBe("import some into :memory: first ('marketdash import' or 'marketdash demo')");
});

it('breadth of a group that is not stored: the verdict in product words, the group import in cliHints', async () => {
  const days = ['2026-01-05', '2026-01-06'].map((d) => parseIsoDate(d));
  await mem.store.writeBars([{ series: closeOnlySeries('IWM', Int32Array.from(days), [100, 101]), source: 'test' }]);
  const r = await checkNote(mem.store, {
    text: 'On Jan 6, 2026, S&P 600 members: 62% closed above their 200-day moving average.',
  });
  expect(r.claims).toHaveLength(1);
  expect(r.claims[0]!.verdict).toBe('unverifiable');
  expect(r.claims[0]!.reason).toMatch(/^breadth of 'sp600' cannot be computed from the store: /);
  expect(r.claims[0]!.reason).toContain("(it needs the group's member list and the members' closes)");
  for (const text of [r.claims[0]!.reason, r.claims[0]!.sentence, ...r.warnings]) expect(text).not.toMatch(CLI_WORDS);
  expect(r.cliHints).toEqual([
    "to check the breadth of 'sp600': import the members' closes and 'marketdash group import constituents/sp600.csv --name sp600'",
  ]);
});
