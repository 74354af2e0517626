/**
 * Writes what examples printed back into their page (the doc tests' update mode, MARKETDASH_DOCS_UPDATE=1):
 * each output block that differs is replaced by the printed lines. Only plain text blocks are rewritten:
 * a block with `...` elisions or a JSON block was shortened by a person, and is left for a person.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import type { ExpectedOutput } from './markdown-examples.js';

export interface OutputRewrite {
  readonly expected: ExpectedOutput;
  readonly printed: string;
}

export function canRewrite(expected: ExpectedOutput): boolean {
  return expected.lang !== 'json' && !expected.text.includes('...');
}

/** Replaces each expected block's lines by the printed ones, last first so earlier line numbers hold. */
export function rewriteOutputs(file: string, rewrites: readonly OutputRewrite[]): void {
  const lines = readFileSync(file, 'utf8').split('\n');
  const ordered = [...rewrites].sort((a, b) => b.expected.line - a.expected.line);
  for (const { expected, printed } of ordered) {
    const count = expected.text.split('\n').length;
    const replacement = printed
      .replace(/\s+$/, '')
      .split('\n')
      .map((l) => l.replace(/\s+$/, ''));
    lines.splice(expected.line - 1, count, ...replacement);
  }
  writeFileSync(file, lines.join('\n'));
  console.warn(`${file}: rewrote ${rewrites.length} output block(s) with what the examples printed`);
}
