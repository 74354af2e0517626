/**
 * Compares what an example printed with the output its page shows (doc-examples.test.ts).
 *
 * - Numbers are compared to the precision shown: `36.8%` matches a printed `36.80%` or `36.7951`, not
 *   `36.9%`; `0.1066` matches `0.10660167250992147`. A number shown as an integer must round to it.
 * - Text is compared line by line, runs of spaces counting as one (tables may be shortened).
 * - `...` elides: a line holding only `...` stands for any number of lines (none included), and `...`
 *   inside a line for any text there.
 * - JSON (a ```json output block) is compared as values: the same keys in every object (`"...": "..."`
 *   allows more), the same number of array elements (a `"..."` element stands for any number there),
 *   a string ending in `...` matches any string that starts with the rest.
 * Each function returns null on a match, else one line saying where the first difference is.
 */

const NUMBER_SOURCE = '[-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:[eE][-+]?\\d+)?';
const NUMBER = new RegExp(NUMBER_SOURCE, 'g');

/** Whether `actual` equals the number written `shown` to the precision it is written with. */
export function numberMatches(shown: string, actual: string): boolean {
  const expectedValue = Number(shown.replace(/,/g, ''));
  const actualValue = Number(actual.replace(/,/g, ''));
  if (!Number.isFinite(expectedValue) || !Number.isFinite(actualValue)) return shown === actual;
  const exponent = /[eE]([-+]?\d+)$/.exec(shown);
  const mantissa = shown.replace(/[eE][-+]?\d+$/, '');
  const decimals = mantissa.includes('.') ? mantissa.length - mantissa.indexOf('.') - 1 : 0;
  const half = 0.5 * 10 ** (-decimals + (exponent ? Number(exponent[1]) : 0));
  return Math.abs(actualValue - expectedValue) <= half * (1 + 1e-9) + 1e-12 * Math.abs(expectedValue);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A line of expected text as a regular expression: numbers captured, `...` any text, spaces flexible. */
function linePattern(expected: string): { pattern: RegExp; numbers: string[] } {
  const numbers: string[] = [];
  let source = '';
  let last = 0;
  const tokens = /\.\.\.|\s+/g;
  const literal = (text: string): string => {
    let out = '';
    let at = 0;
    for (const m of text.matchAll(NUMBER)) {
      // A number glued to a letter or underscore (sma_20, XLK2) is part of a word: compared exactly.
      const before = text[m.index! - 1];
      if (before !== undefined && /[A-Za-z_]/.test(before)) continue;
      out += escapeRegExp(text.slice(at, m.index)) + `(${NUMBER_SOURCE})`;
      numbers.push(m[0]);
      at = m.index! + m[0].length;
    }
    return out + escapeRegExp(text.slice(at));
  };
  for (const m of expected.matchAll(tokens)) {
    source += literal(expected.slice(last, m.index));
    source += m[0] === '...' ? '.*?' : '\\s+';
    last = m.index! + m[0].length;
  }
  source += literal(expected.slice(last));
  return { pattern: new RegExp(`^${source}$`), numbers };
}

function lineMatches(expected: string, actual: string): boolean {
  const { pattern, numbers } = linePattern(expected.trim());
  const m = pattern.exec(actual.trim());
  if (!m) return false;
  return numbers.every((shown, i) => numberMatches(shown, m[i + 1]!));
}

function cleanLines(text: string): string[] {
  const lines = text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''));
  while (lines.length && lines[0] === '') lines.shift();
  while (lines.length && lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Line-by-line comparison with `...` lines eliding any number of lines. */
export function compareText(expectedText: string, actualText: string): string | null {
  const expected = cleanLines(expectedText);
  const actual = cleanLines(actualText);
  // Memoised search: can expected[i..] match actual[j..]?
  const memo = new Map<number, boolean>();
  let furthest = { i: 0, j: 0 };
  const match = (i: number, j: number): boolean => {
    const key = i * (actual.length + 1) + j;
    const known = memo.get(key);
    if (known !== undefined) return known;
    if (i > furthest.i || (i === furthest.i && j > furthest.j)) furthest = { i, j };
    let ok: boolean;
    if (i === expected.length) ok = j === actual.length;
    else if (expected[i]!.trim() === '...') ok = match(i + 1, j) || (j < actual.length && match(i, j + 1));
    else ok = j < actual.length && lineMatches(expected[i]!, actual[j]!) && match(i + 1, j + 1);
    memo.set(key, ok);
    return ok;
  };
  if (match(0, 0)) return null;
  const { i, j } = furthest;
  const shown = expected[i] ?? '(end of the output shown)';
  const printed = actual[j] ?? '(end of the output)';
  return `output line ${j + 1} differs from the page's line ${i + 1}:\n  page:    ${shown}\n  printed: ${printed}`;
}

// ---- JSON -------------------------------------------------------------------------------------------

/** A parsed JSON value that keeps each number as written, so it can be compared to its shown precision. */
type Shown =
  | { kind: 'number'; text: string }
  | { kind: 'string'; value: string }
  | { kind: 'literal'; value: boolean | null }
  | { kind: 'array'; items: Shown[] }
  | { kind: 'object'; entries: [string, Shown][] };

/** A small JSON parser that keeps number text (JSON.parse would turn `0.10` into 0.1). */
export function parseShownJson(text: string): Shown {
  let at = 0;
  const fail = (what: string): never => {
    throw new Error(`not JSON: ${what} at character ${at}: ${JSON.stringify(text.slice(at, at + 30))}`);
  };
  const space = (): void => {
    while (at < text.length && /\s/.test(text[at]!)) at++;
  };
  const value = (): Shown => {
    space();
    const c = text[at];
    if (c === '{') {
      at++;
      const entries: [string, Shown][] = [];
      space();
      if (text[at] === '}') {
        at++;
        return { kind: 'object', entries };
      }
      for (;;) {
        space();
        const key = value();
        if (key.kind !== 'string') fail('expected a key');
        space();
        if (text[at++] !== ':') fail("expected ':'");
        entries.push([(key as { value: string }).value, value()]);
        space();
        const next = text[at++];
        if (next === '}') return { kind: 'object', entries };
        if (next !== ',') fail("expected ',' or '}'");
      }
    }
    if (c === '[') {
      at++;
      const items: Shown[] = [];
      space();
      if (text[at] === ']') {
        at++;
        return { kind: 'array', items };
      }
      for (;;) {
        items.push(value());
        space();
        const next = text[at++];
        if (next === ']') return { kind: 'array', items };
        if (next !== ',') fail("expected ',' or ']'");
      }
    }
    if (c === '"') {
      const m = /^"(?:[^"\\]|\\.)*"/.exec(text.slice(at));
      if (!m) return fail('unterminated string');
      at += m[0].length;
      return { kind: 'string', value: JSON.parse(m[0]) as string };
    }
    const lit = /^(true|false|null)/.exec(text.slice(at));
    if (lit) {
      at += lit[0].length;
      return { kind: 'literal', value: lit[0] === 'null' ? null : lit[0] === 'true' };
    }
    const num = /^-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?/.exec(text.slice(at));
    if (num) {
      at += num[0].length;
      return { kind: 'number', text: num[0] };
    }
    return fail('unexpected character');
  };
  const v = value();
  space();
  if (at < text.length) fail('text after the value');
  return v;
}

const ELIDED = (v: Shown): boolean => v.kind === 'string' && v.value === '...';

function describe(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? 'nothing' : s.length > 80 ? `${s.slice(0, 77)}...` : s;
}

function compareValue(shown: Shown, actual: unknown, path: string): string | null {
  switch (shown.kind) {
    case 'number':
      return typeof actual === 'number' && numberMatches(shown.text, String(actual))
        ? null
        : `${path}: the page shows ${shown.text}, printed ${describe(actual)}`;
    case 'literal':
      return actual === shown.value
        ? null
        : `${path}: the page shows ${String(shown.value)}, printed ${describe(actual)}`;
    case 'string': {
      if (typeof actual !== 'string') return `${path}: the page shows "${shown.value}", printed ${describe(actual)}`;
      if (shown.value.endsWith('...') && shown.value !== '...')
        return actual.startsWith(shown.value.slice(0, -3))
          ? null
          : `${path}: the page shows "${shown.value}", printed ${describe(actual)}`;
      return actual === shown.value ? null : `${path}: the page shows "${shown.value}", printed ${describe(actual)}`;
    }
    case 'array': {
      if (!Array.isArray(actual)) return `${path}: the page shows an array, printed ${describe(actual)}`;
      const cut = shown.items.findIndex(ELIDED);
      const head = cut < 0 ? shown.items : shown.items.slice(0, cut);
      const tail = cut < 0 ? [] : shown.items.slice(cut + 1);
      if (cut < 0 ? actual.length !== head.length : actual.length < head.length + tail.length)
        return `${path}: the page shows ${shown.items.length}${cut < 0 ? '' : '+'} elements, printed ${actual.length}`;
      for (let i = 0; i < head.length; i++) {
        const d = compareValue(head[i]!, actual[i], `${path}[${i}]`);
        if (d) return d;
      }
      for (let i = 0; i < tail.length; i++) {
        const k = actual.length - tail.length + i;
        const d = compareValue(tail[i]!, actual[k], `${path}[${k}]`);
        if (d) return d;
      }
      return null;
    }
    case 'object': {
      if (actual === null || typeof actual !== 'object' || Array.isArray(actual))
        return `${path}: the page shows an object, printed ${describe(actual)}`;
      const record = actual as Record<string, unknown>;
      const open = shown.entries.some(([k, v]) => k === '...' && ELIDED(v));
      const keys = new Set<string>();
      for (const [key, v] of shown.entries) {
        if (key === '...') continue;
        keys.add(key);
        if (!(key in record)) return `${path}: the page shows key "${key}", which is not printed`;
        const d = compareValue(v, record[key], `${path}.${key}`);
        if (d) return d;
      }
      if (!open) {
        const extra = Object.keys(record).filter((k) => !keys.has(k));
        if (extra.length) return `${path}: printed keys the page does not show: ${extra.join(', ')}`;
      }
      return null;
    }
  }
}

/** Compares JSON output with a JSON block of the page (see the header for the elision marks). */
export function compareJson(expectedText: string, actualText: string): string | null {
  let actual: unknown;
  try {
    actual = JSON.parse(actualText);
  } catch {
    return `the command did not print one JSON value: ${describe(actualText.trim())}`;
  }
  return compareValue(parseShownJson(expectedText), actual, '$');
}
