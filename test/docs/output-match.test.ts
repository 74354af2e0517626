/** The doc tests' comparison rules, with cases worked out by hand. */
import { describe, expect, test } from 'vitest';
import { compareJson, compareText, numberMatches } from './output-match.js';

describe('numbers are compared to the precision shown', () => {
  test('a shortened figure matches the full one, a different figure does not', () => {
    expect(numberMatches('36.8', '36.80')).toBe(true);
    expect(numberMatches('36.8', '36.7951')).toBe(true); // rounds to 36.8
    expect(numberMatches('36.8', '36.86')).toBe(false); // rounds to 36.9
    expect(numberMatches('0.1066', '0.10660167250992147')).toBe(true);
    expect(numberMatches('0.1066', '0.10670167250992147')).toBe(false);
    expect(numberMatches('61', '61.18')).toBe(true);
    expect(numberMatches('16', '15')).toBe(false); // the IWM/QQQ count of issue 16
    expect(numberMatches('1,548', '1548')).toBe(true);
    expect(numberMatches('-0.28', '-0.28')).toBe(true);
    expect(numberMatches('-0.28', '0.28')).toBe(false);
  });
});

describe('text output', () => {
  test('runs of spaces count as one and numbers may be shortened', () => {
    expect(compareText('SPSM  leading  102.26', 'SPSM    leading     102.2637')).toBeNull();
    expect(compareText('SPSM  leading  102.26', 'SPSM    lagging     102.2637')).toMatch(/line 1/);
  });
  test('a changed figure fails, naming both lines', () => {
    const d = compareText(
      '4 earlier occurrences: 2022-10-28, 2025-01-17',
      '3 earlier occurrences: 2022-10-28, 2025-01-17',
    );
    expect(d).toContain('page:    4 earlier');
    expect(d).toContain('printed: 3 earlier');
    expect(compareText('since 2025-12-08', 'since 2025-12-09')).not.toBeNull();
  });
  test('a ... line elides any number of lines, ... in a line any text', () => {
    const printed = 'head\na\nb\nc\ntail 1.26';
    expect(compareText('head\n...\ntail 1.3', printed)).toBeNull();
    expect(compareText('head\n...\na\n...\ntail 1.3', printed)).toBeNull();
    expect(compareText('head\ntail 1.3', printed)).not.toBeNull();
    expect(compareText('head\n...\ntail 1.2', printed)).not.toBeNull(); // 1.26 rounds to 1.3
    expect(compareText('SPSM ... Le Le', 'SPSM leading 102.26 101.47 La Le Le')).toBeNull();
    expect(compareText('SPSM ... Le Le', 'SPSM leading 102.26 101.47 La Le La')).not.toBeNull();
  });
  test('numbers glued to words are part of the word', () => {
    expect(compareText('sma_20', 'sma_2')).not.toBeNull();
    expect(compareText('rsi_14 50', 'rsi_14 50.2')).toBeNull();
  });
  test('nothing printed where output is shown fails', () => {
    expect(compareText('a line', '')).not.toBeNull();
  });
});

describe('JSON output', () => {
  test('values, shortened numbers and key sets', () => {
    expect(compareJson('{"a": 0.1066, "b": [1, 2]}', '{"a":0.10660167,"b":[1,2]}')).toBeNull();
    expect(compareJson('{"a": 0.1066}', '{"a":0.1076}')).toMatch(/\$\.a/);
    expect(compareJson('{"a": 1}', '{"a":1,"b":2}')).toMatch(/keys the page does not show: b/);
    expect(compareJson('{"a": 1, "...": "..."}', '{"a":1,"b":2}')).toBeNull();
    expect(compareJson('{"a": 1, "c": 3}', '{"a":1}')).toMatch(/"c"/);
  });
  test('"..." elides array elements; a string ending in ... is a prefix', () => {
    expect(compareJson('[1, "..."]', '[1,2,3]')).toBeNull();
    expect(compareJson('[1, "...", 3]', '[1,2,3]')).toBeNull();
    expect(compareJson('[1, "...", 4]', '[1,2,3]')).toMatch(/\$\[2\]/);
    expect(compareJson('[1, 2]', '[1,2,3]')).toMatch(/2 elements, printed 3/);
    expect(compareJson('{"r": "TSLA YTD..."}', '{"r":"TSLA YTD return 10.66%"}')).toBeNull();
    expect(compareJson('{"r": "TSLA 1Y..."}', '{"r":"TSLA YTD return 10.66%"}')).not.toBeNull();
  });
  test('null, booleans and types are exact', () => {
    expect(compareJson('{"a": null}', '{"a":0}')).not.toBeNull();
    expect(compareJson('{"a": "1"}', '{"a":1}')).not.toBeNull();
    expect(compareJson('[true]', '[true]')).toBeNull();
    expect(compareJson('{}', 'not json')).toMatch(/did not print one JSON value/);
  });
});
