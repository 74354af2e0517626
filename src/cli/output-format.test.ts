/** The table renderer's width limit, wrapping and colour, and the flat CSV of panels (hand-written expectations). */
import { afterEach, describe, expect, it } from 'vitest';
import { runWithCommandIo } from './command-io.js';
import {
  type Column,
  colourOn,
  renderFlatCsv,
  renderTable,
  resultObject,
  setWideTables,
  TABLE_WIDTH,
} from './output-format.js';

type Row = { name: string; a: string; b: string; text: string };
const rows: Row[] = [
  { name: 'X', a: '+1.50%', b: '-2.00%', text: 'short' },
  { name: 'YY', a: '0.00%', b: 'n/a', text: 'stale day*' },
];

afterEach(() => setWideTables(false));

/** Runs `fn` as a command whose stdout is (or is not) a terminal, with these environment variables. */
function asCommand<T>(tty: boolean, env: Record<string, string>, fn: () => T): Promise<T> {
  return runWithCommandIo(
    { write: () => {}, stdoutTty: tty, stderrTty: tty, columns: 200, stdin: null, env },
    async () => fn(),
  );
}

describe('renderTable', () => {
  const wideCol = (header: string, drop: number | undefined, width: number): Column<Row> => ({
    header,
    value: () => 'x'.repeat(width),
    ...(drop === undefined ? {} : { drop }),
  });

  it('prints every column when it fits: header, rule, rows two spaces apart', () => {
    const t = renderTable(rows, [
      { header: 'Name', value: (r) => r.name },
      { header: 'A', value: (r) => r.a, align: 'right' },
    ]);
    expect(t).toBe('Name       A\n----  ------\nX     +1.50%\nYY     0.00%\n');
  });

  it('leaves out the highest drop first until 120 columns, says which in column order, and --wide keeps all', () => {
    // widths 50 + 2 + 40 + 2 + 30 + 2 + 20 = 146 > 120: dropping C (drop 3, 32 with its gap) leaves 114
    const cols = [wideCol('Keep', undefined, 50), wideCol('B', 1, 40), wideCol('C', 3, 30), wideCol('D', 2, 20)];
    const t = renderTable(rows, cols);
    const lines = t.trimEnd().split('\n');
    expect(lines[0]!.split(/\s+/)).toEqual(['Keep', 'B', 'D']);
    expect(Math.max(...lines.slice(0, -1).map((l) => l.length))).toBe(114);
    expect(lines.at(-1)).toBe(`Left out to fit ${TABLE_WIDTH} columns: C (--wide shows every column).`);
    // 70 + 40 + 30 + 20 + 3 x 2 = 166: without C 134, still too wide, without D too 112: both named, in column order
    const two = renderTable(rows, [
      wideCol('Keep', undefined, 70),
      wideCol('B', 1, 40),
      wideCol('C', 3, 30),
      wideCol('D', 2, 20),
    ]);
    expect(two.trimEnd().split('\n').at(-1)).toBe('Left out to fit 120 columns: C, D (--wide shows every column).');
    setWideTables(true);
    expect(renderTable(rows, cols).split('\n')[0]!.split(/\s+/)).toEqual(['Keep', 'B', 'C', 'D']);
  });

  it('wraps a long text column on word boundaries before leaving anything out', () => {
    const words = Array.from({ length: 30 }, (_, i) => `w${String(i).padStart(2, '0')}`).join(' '); // 30 x 4 - 1 = 119
    const t = renderTable(
      [{ ...rows[0]!, text: words }],
      [
        { header: 'Name', value: (r) => r.name },
        { header: 'Text', value: (r) => r.text, wrap: true },
        wideCol('Tail', 1, 10),
      ],
    );
    const lines = t.trimEnd().split('\n');
    // 4 + 2 + text + 2 + 10 = 120 -> the text column is 102 wide: 25 words (99 chars) then 5
    expect(lines.length).toBe(4);
    expect(lines[2]!.slice(6, 6 + 99)).toBe(words.slice(0, 99));
    expect(lines[3]).toBe(`      ${words.slice(100)}`);
    expect(t).not.toMatch(/Left out/);
  });

  it('colours gains, losses and stale marks on a terminal only; NO_COLOR and FORCE_COLOR decide over the terminal', async () => {
    const cols: Column<Row>[] = [
      { header: 'A', value: (r) => r.a, tone: 'sign' },
      { header: 'B', value: (r) => r.b, tone: 'sign' },
      { header: 'T', value: (r) => r.text, tone: 'stale' },
    ];
    const plain = renderTable(rows, cols);
    const tty = await asCommand(true, {}, () => renderTable(rows, cols));
    expect(tty.split('\n')[2]).toBe('\x1b[32m+1.50%\x1b[39m  \x1b[31m-2.00%\x1b[39m  short');
    // 0.00% and n/a are neither gain nor loss; "stale day*" is a stale mark
    expect(tty.split('\n')[3]).toBe('0.00%   n/a     \x1b[33mstale day*\x1b[39m');
    expect(await asCommand(false, {}, () => renderTable(rows, cols))).toBe(plain);
    expect(await asCommand(true, { NO_COLOR: '1' }, () => renderTable(rows, cols))).toBe(plain);
    expect(await asCommand(true, { FORCE_COLOR: '0' }, colourOn)).toBe(false);
    expect(await asCommand(false, { FORCE_COLOR: '1' }, colourOn)).toBe(true);
    expect(await asCommand(false, { FORCE_COLOR: '1', NO_COLOR: '1' }, colourOn)).toBe(false);
    expect(await asCommand(true, { NO_COLOR: '' }, colourOn)).toBe(true);
  });
});

describe('renderFlatCsv', () => {
  it('flattens a result to field,value lines in the order of its JSON', () => {
    expect(
      renderFlatCsv({ a: 1.5, b: { c: 'x,y', d: null }, rows: [{ s: 'A' }, { s: 'B' }], none: [], ok: true }),
    ).toBe('field,value\na,1.5\nb.c,"x,y"\nb.d,\nrows[0].s,A\nrows[1].s,B\nnone,\nok,true\n');
  });
});

describe('resultObject: the JSON envelope', () => {
  it('a list goes under rows; demo and warnings come last, in that order', () => {
    expect(Object.keys(resultObject([1, 2], { demo: true }))).toEqual(['rows', 'demo', 'warnings']);
  });
  it("a report's own warnings and demo move to the end (trend, breadth had warnings before demo); given ones win", () => {
    const own = [{ code: 'stale-rows', message: 'm' }];
    const report = { symbol: 'SPY', warnings: own, demo: false, last: 1 };
    const out = resultObject(report, { demo: false });
    expect(Object.keys(out)).toEqual(['symbol', 'last', 'demo', 'warnings']);
    expect(out.warnings).toBe(own);
    const given = [{ code: 'as-of-after-data', message: 'g' }] as const;
    expect(resultObject(report, { demo: true, warnings: given })).toMatchObject({ demo: true, warnings: given });
  });
});
