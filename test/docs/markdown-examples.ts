/**
 * Finds the runnable examples of a Markdown page, for the doc tests (doc-examples.test.ts).
 *
 * The conventions a page follows (CONTRIBUTING.md repeats them):
 * - An example is a line of a ```sh (or bash, shell, console) block that starts with `marketdash ` or
 *   `npx marketdash ` (after an optional `$ ` prompt). A synopsis such as `marketdash perf [SYMBOL...]`
 *   belongs in a ```text block, which is never run. Other shell lines (`npm start`, `curl ...`) are not run.
 * - Output: in a block with `$ ` prompts, the lines after a command up to the next prompt are its output.
 *   A block holding exactly one example, followed (blank lines between at most) by a block that is not a
 *   shell block (```text, ```json, ```csv or a bare fence), has that block as its output.
 * - An HTML comment just before the block sets how it runs: `<!-- doctest: data=real exit=1 fresh -->`.
 *   `data=demo` (the default: `marketdash demo --end 2025-12-11`), `data=real` (the shared real data,
 *   see docs/data.md), `data=empty` (a new, empty store for the block), `data=postgres` (a new, empty
 *   PostgreSQL database for the page, on the tests' throwaway server); `exit=N`, the exit code every example of the block must
 *   give (default 0); `fresh`, start the block from a new copy of its store instead of the one the page's
 *   earlier examples changed; `skip <reason>`, not run (the network, several servers at once).
 * - A `marketdash serve` example runs on a free port (`--port 0` appended) until it prints its URL, then is
 *   stopped; it passes when it served.
 */

export type DataKind = 'demo' | 'real' | 'empty' | 'postgres';

export interface ExpectedOutput {
  readonly text: string;
  /** `json` compares structurally; anything else line by line. */
  readonly lang: string;
  readonly line: number;
}

export interface DocExample {
  readonly file: string;
  /** 1-based line of the command in the file. */
  readonly line: number;
  /** The command as written (continuation lines joined, prompt removed). */
  readonly command: string;
  readonly expected: ExpectedOutput | null;
  readonly data: DataKind;
  readonly exit: number;
  readonly fresh: boolean;
  /** The first example of its block (where `fresh` and `data=empty` start a new store). */
  readonly firstInBlock: boolean;
  /** The reason given by `skip`, or null when the example runs. */
  readonly skip: string | null;
}

interface Block {
  readonly lang: string;
  readonly lines: readonly string[];
  /** 1-based line of the first content line. */
  readonly start: number;
  /** 1-based line of the closing fence. */
  readonly end: number;
  readonly directive: string | null;
}

const SHELL_LANGS = new Set(['sh', 'bash', 'shell', 'console', 'zsh']);
const COMMAND = /^(?:npx\s+)?marketdash(?:\s|$)/;

export interface Directive {
  readonly data: DataKind;
  readonly exit: number;
  readonly fresh: boolean;
  readonly skip: string | null;
}

/** Reads `data=real exit=1 fresh` or `skip the reason`; throws on anything else, so a typo is not ignored. */
export function parseDirective(text: string | null, where: string): Directive {
  let data: DataKind = 'demo';
  let exit = 0;
  let fresh = false;
  if (text === null) return { data, exit, fresh, skip: null };
  const skip = /^skip\b\s*(.*)$/s.exec(text.trim());
  if (skip) {
    if (!skip[1]!.trim()) throw new Error(`${where}: 'doctest: skip' needs a reason`);
    return { data, exit, fresh, skip: skip[1]!.trim() };
  }
  for (const token of text.trim().split(/\s+/)) {
    const m = /^(data|exit)=(.+)$/.exec(token);
    if (m?.[1] === 'data' && (m[2] === 'demo' || m[2] === 'real' || m[2] === 'empty' || m[2] === 'postgres'))
      data = m[2];
    else if (m?.[1] === 'exit' && /^\d+$/.test(m[2]!)) exit = Number(m[2]);
    else if (token === 'fresh') fresh = true;
    else
      throw new Error(
        `${where}: unknown doctest directive '${token}' (data=demo|real|empty|postgres, exit=N, fresh, skip REASON)`,
      );
  }
  return { data, exit, fresh, skip: null };
}

function blocksOf(markdown: string): Block[] {
  const lines = markdown.split('\n');
  const blocks: Block[] = [];
  let pendingDirective: string | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const directive = /^\s*<!--\s*doctest:\s*(.*?)\s*-->\s*$/.exec(line);
    if (directive) {
      pendingDirective = directive[1]!;
      continue;
    }
    const open = /^(\s*)(```+|~~~+)\s*([\w-]*)/.exec(line);
    if (!open) {
      if (line.trim() !== '') pendingDirective = null;
      continue;
    }
    const indent = open[1]!.length;
    const fence = open[2]!;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = /^\s*(```+|~~~+)\s*$/.exec(lines[j]!);
      if (close && close[1]!.startsWith(fence[0]!) && close[1]!.length >= fence.length) break;
      body.push(lines[j]!.slice(Math.min(indent, lines[j]!.length - lines[j]!.trimStart().length)));
    }
    blocks.push({ lang: open[3]!.toLowerCase(), lines: body, start: i + 2, end: j + 1, directive: pendingDirective });
    pendingDirective = null;
    i = j;
  }
  return blocks;
}

/** True when only blank lines lie between two blocks. */
function adjacent(markdown: string[], a: Block, b: Block): boolean {
  for (let l = a.end; l < b.start - 2; l++) if (markdown[l]!.trim() !== '') return false;
  return true;
}

/** Joins `\` continuation lines; returns [logical line, 0-based index of its first physical line]. */
function logicalLines(lines: readonly string[]): [string, number][] {
  const out: [string, number][] = [];
  for (let i = 0; i < lines.length; i++) {
    const first = i;
    let text = lines[i]!;
    while (text.endsWith('\\') && i + 1 < lines.length) text = `${text.slice(0, -1).trimEnd()} ${lines[++i]!.trim()}`;
    out.push([text, first]);
  }
  return out;
}

export function examplesOf(file: string, markdown: string): DocExample[] {
  const physical = markdown.split('\n');
  const blocks = blocksOf(markdown);
  const examples: DocExample[] = [];
  blocks.forEach((block, k) => {
    if (!SHELL_LANGS.has(block.lang)) return;
    const directive = parseDirective(block.directive, `${file}:${block.start - 1}`);
    const prompted = block.lines.some((l) => /^\s*\$ /.test(l));
    const found: { command: string; line: number; output: string[] | null }[] = [];
    let current: { command: string; line: number; output: string[] | null } | null = null;
    for (const [text, index] of logicalLines(block.lines)) {
      const promptMatch = /^\s*\$ (.*)$/.exec(text);
      const candidate = (promptMatch ? promptMatch[1]! : text).trim();
      if (prompted && !promptMatch) {
        if (current?.output) current.output.push(text);
        continue;
      }
      current = null;
      if (COMMAND.test(candidate)) {
        current = { command: candidate, line: block.start + index, output: prompted ? [] : null };
        found.push(current);
      }
    }
    const next = blocks[k + 1];
    const following =
      !prompted && found.length === 1 && next && !SHELL_LANGS.has(next.lang) && adjacent(physical, block, next)
        ? next
        : null;
    found.forEach((f, n) => {
      let expected: ExpectedOutput | null = null;
      if (f.output && f.output.join('').trim() !== '') {
        expected = { text: f.output.join('\n'), lang: 'text', line: f.line + 1 };
      } else if (following) {
        expected = { text: following.lines.join('\n'), lang: following.lang, line: following.start };
      }
      examples.push({ file, line: f.line, command: f.command, expected, ...directive, firstInBlock: n === 0 });
    });
  });
  return examples;
}
