/** How the doc tests find examples, their output blocks and their directives in a page. */
import { describe, expect, test } from 'vitest';
import { isServeCommand } from './doc-stores.js';
import { examplesOf } from './markdown-examples.js';

const page = [
  '# Page', // 1
  '', // 2
  '```sh', // 3
  'marketdash perf SPY   # a comment', // 4
  '```', // 5
  '', // 6
  '```text', // 7
  'Symbol  Close', // 8
  '```', // 9
  '', // 10
  '<!-- doctest: data=real exit=1 -->', // 11
  '```console', // 12
  '$ marketdash perf NOPE', // 13
  "marketdash: unknown symbol 'NOPE'", // 14
  '$ npm start', // 15
  'served', // 16
  '$ npx marketdash symbols \\', // 17
  '    --format json', // 18
  '```', // 19
  '', // 20
  '```text', // 21
  'marketdash perf [SYMBOL...]', // 22
  '```', // 23
  '<!-- doctest: skip starts a server -->', // 24
  '```sh', // 25
  'marketdash serve', // 26
  'echo hi | marketdash check -', // 27
  '```', // 28
].join('\n');

describe('examplesOf', () => {
  const examples = examplesOf('page.md', page);

  test('finds marketdash lines of shell blocks only, with their line numbers', () => {
    expect(examples.map((e) => [e.line, e.command])).toEqual([
      [4, 'marketdash perf SPY   # a comment'],
      [13, 'marketdash perf NOPE'],
      [17, 'npx marketdash symbols --format json'],
      [26, 'marketdash serve'],
    ]);
  });

  test('an adjacent non-shell block is the output of a one-example block; prompts carry their own', () => {
    expect(examples[0]!.expected).toEqual({ text: 'Symbol  Close', lang: 'text', line: 8 });
    expect(examples[1]!.expected?.text).toBe("marketdash: unknown symbol 'NOPE'");
    expect(examples[2]!.expected).toBeNull();
  });

  test('directives apply to the block after them', () => {
    expect(examples[0]).toMatchObject({ data: 'demo', exit: 0, skip: null });
    expect(examples[1]).toMatchObject({ data: 'real', exit: 1 });
    expect(examples[3]!.skip).toBe('starts a server');
  });

  test('a directive typo or a skip without a reason is an error, not ignored', () => {
    expect(() => examplesOf('x.md', '<!-- doctest: data=rael -->\n```sh\nmarketdash perf\n```')).toThrow(/data=rael/);
    expect(() => examplesOf('x.md', '<!-- doctest: skip -->\n```sh\nmarketdash perf\n```')).toThrow(/needs a reason/);
  });
});

describe('isServeCommand', () => {
  test('a server example is recognised, with or without global options; other commands are not', () => {
    expect(isServeCommand('npx marketdash serve')).toBe(true);
    expect(isServeCommand('marketdash --db x.duckdb serve --demo')).toBe(true);
    expect(isServeCommand('marketdash perf serve')).toBe(false);
    expect(isServeCommand('marketdash report --out serve')).toBe(false);
  });
});
