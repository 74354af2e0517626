import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../config/universe-config.js';
import { DataError, NotFoundError, UsageError } from '../../domain/errors.js';
import { DuckDbStore } from '../../store/duckdb/duckdb-store.js';
import type { PriceStore } from '../../store/price-store.js';
import { splitCsvLine } from '../import/csv-fields.js';
import { parseConstituentCsv } from './constituent-csv.js';
import { readGroupFile, resolveGroupFilePath } from './group-file.js';
import { importGroup, listGroups, resolveGroup } from './group-registry.js';

describe('constituent CSV', () => {
  it('reads the Ticker column of a file like constituents/sp600.csv, quoted commas and all', () => {
    const text =
      'Ticker,Company\nAAMI,Acadian Asset Management Inc.\nAAP,"Advance Auto Parts, Inc."\nbrk.b,"Berkshire ""B"""\nAAP,dup\n';
    expect(parseConstituentCsv(text, 'x.csv')).toEqual(['AAMI', 'AAP', 'BRK.B']);
    expect(splitCsvLine('a,"b, c","d ""e"""')).toEqual(['a', 'b, c', 'd "e"']);
  });

  it('accepts a Symbol column in any position and case', () => {
    expect(parseConstituentCsv('Name,symbol\r\nFoo,foo\r\n', 'x.csv')).toEqual(['FOO']);
  });

  it('names file and line for a missing column, an empty cell or a non-ticker', () => {
    expect(() => parseConstituentCsv('Name,Weight\nA,1\n', 'm.csv')).toThrow(/m\.csv:1: no Ticker or Symbol column/);
    expect(() => parseConstituentCsv('Ticker\nAAA\n,\n', 'm.csv')).toThrow(/m\.csv:3: empty ticker cell/);
    expect(() => parseConstituentCsv('Ticker\nAAA\nBAD TICKER\n', 'm.csv')).toThrow(
      /m\.csv:3: 'BAD TICKER' is not a ticker/,
    );
    expect(() => parseConstituentCsv('Ticker\n', 'm.csv')).toThrow(DataError);
  });

  it('applies the one ticker rule of src/domain/symbol-info.ts (the API and import use it too)', () => {
    // allowed by the rule though not by the pattern group import had of its own: `_`, 24 characters
    expect(parseConstituentCsv('Ticker\nBRK_B\nABCDEFGHIJKLMNOPQRSTUVWX\n', 'm.csv')).toEqual([
      'BRK_B',
      'ABCDEFGHIJKLMNOPQRSTUVWX',
    ]);
    // refused by it, the name shown escaped: 25 characters, a path, markup
    expect(() => parseConstituentCsv('Ticker\nABCDEFGHIJKLMNOPQRSTUVWXY\n', 'm.csv')).toThrow(
      /m\.csv:2: 'ABCDEFGHIJKLMNOPQRSTUVWXY' is not a ticker \(1 to 24 letters, digits or \^ \. = _ -\)/,
    );
    expect(() => parseConstituentCsv('Ticker\n../X\n', 'm.csv')).toThrow(/m\.csv:2: '\.\.\/X' is not a ticker/);
    expect(() => parseConstituentCsv('Ticker\n<SCRIPT>\n', 'm.csv')).toThrow(/m\.csv:2: '<SCRIPT>' is not a ticker/);
  });
});

describe('groups file and registry', () => {
  let dir: string;
  let file: string;
  let store: PriceStore;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'marketdash-groups-'));
    file = join(dir, 'groups.json');
    store = await DuckDbStore.open(':memory:');
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('resolves the path: explicit, then $MARKETDASH_GROUPS, then beside $MARKETDASH_CONFIG, then the current folder', () => {
    expect(resolveGroupFilePath('/x/g.json', {})).toBe('/x/g.json');
    expect(resolveGroupFilePath(undefined, { MARKETDASH_GROUPS: '/y/g.json' })).toBe('/y/g.json');
    expect(resolveGroupFilePath(undefined, { MARKETDASH_CONFIG: '/z/marketdash.config.json' })).toBe(
      '/z/marketdash.groups.json',
    );
    expect(resolveGroupFilePath(undefined, {})).toBe(join(process.cwd(), 'marketdash.groups.json'));
  });

  it('imports a CSV as a group into the store, replaces it on re-import, and it shadows a config group of that name', async () => {
    const csv = join(dir, 'm.csv');
    writeFileSync(csv, 'Ticker\naaa\nbbb\n');
    expect(await importGroup(csv, 'Small', { store, groupFile: file, benchmark: 'ijr' })).toEqual({
      name: 'Small',
      members: 2,
      benchmark: 'IJR',
      store: ':memory:',
      replaced: false,
    });
    writeFileSync(csv, 'Ticker\nccc\n');
    expect((await importGroup(csv, 'small', { store, groupFile: file })).replaced).toBe(true);
    expect(await store.listGroups()).toEqual([{ name: 'small', members: ['CCC'], benchmark: null, source: 'm.csv' }]);
    await importGroup(csv, 'sectors', { store, groupFile: file });
    expect(await resolveGroup('SECTORS', { store, groupFile: file })).toEqual({
      name: 'sectors',
      members: ['CCC'],
      benchmark: null,
      origin: 'store',
    });
    expect((await resolveGroup('mag7', { store, groupFile: file })).members).toEqual(defaultConfig().groups.mag7);
    const listed = await listGroups({ store, groupFile: file, config: defaultConfig() });
    expect(listed.filter((g) => g.name.toLowerCase() === 'sectors')).toEqual([
      { name: 'sectors', members: 1, benchmark: null, origin: 'store' },
    ]);
  });

  it('a missing constituent file is named in words, as check and import name theirs (not an errno text)', async () => {
    const missing = join(dir, 'nope.csv');
    const e = await importGroup(missing, 'x', { store, groupFile: file }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(DataError);
    expect((e as Error).message).toBe(`cannot read '${missing}': no such file`);
    expect(await store.listGroups()).toEqual([]);
  });

  it('moves an old groups file into the store on first use, then renames it', async () => {
    writeFileSync(
      file,
      '{"groups": {"sp600": {"members": ["AAMI", "AAP"], "benchmark": "IJR", "source": "sp600.csv"}}}',
    );
    expect(await resolveGroup('SP600', { store, groupFile: file })).toEqual({
      name: 'sp600',
      members: ['AAMI', 'AAP'],
      benchmark: 'IJR',
      origin: 'store',
    });
    expect(existsSync(file)).toBe(false);
    expect(existsSync(`${file}.imported`)).toBe(true);
    expect((await store.listGroups()).map((g) => g.name)).toEqual(['sp600']);
  });

  it('an unknown group suggests a near name, else lists the groups there are and how to import one', async () => {
    await expect(resolveGroup('nosuch', { store, groupFile: file })).rejects.toThrow(NotFoundError);
    // the message in the product's terms (the API shows it), the CLI's next step in the hint
    await expect(resolveGroup('nosuch', { store, groupFile: file })).rejects.toMatchObject({
      message: expect.stringMatching(/^unknown group 'nosuch' \(groups: mag7, smallcaps, sectors.*\)$/),
      hint: "import one with 'marketdash group import FILE --name NAME'",
    });
    await expect(resolveGroup('sectros', { store, groupFile: file })).rejects.toThrow(
      "unknown group 'sectros'; did you mean sectors?",
    );
  });

  it('rejects a bad group name, and a malformed groups file naming the file', async () => {
    await expect(importGroup(join(dir, 'm.csv'), 'bad name', { store, groupFile: file })).rejects.toThrow(UsageError);
    writeFileSync(file, '{"groups": {"g": {"members": [1, 2]}}}');
    expect(() => readGroupFile(file)).toThrow(/group 'g' needs "members"/);
    writeFileSync(file, '{oops');
    expect(() => readGroupFile(file)).toThrow(/is not valid JSON/);
    writeFileSync(file, '{"groups": {"hand": ["x", " y "]}}');
    expect(readGroupFile(file).groups.hand).toEqual({ members: ['X', 'Y'], benchmark: null, source: null });
  });
});
