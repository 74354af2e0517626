/**
 * Text from a file or a request, made safe to put in a one-line message: invisible and control
 * characters are shown as escapes (`\0`, `\r`, `\n`, `\t`, `\x1b`, `\u200b`), so a NUL byte or a stray
 * carriage return is seen rather than hidden, and a terminal never receives an escape sequence.
 * Long text is cut to `max` characters with a note of the full length.
 */

const NAMED: Record<string, string> = { '\0': '\\0', '\r': '\\r', '\n': '\\n', '\t': '\\t', '\\': '\\\\' };

// C0 and C1 controls, DEL, zero-width and bidi-override characters, line/paragraph separators, BOM
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff\\]/g;

/**
 * @example visible('10\u0000') // '10\\0'
 * @example visible('a'.repeat(100), 10) // 'aaaaaaaaaa… (100 characters)'
 */
export function visible(text: string, max = 80): string {
  const cut = text.length > max ? text.slice(0, max) : text;
  const shown = cut.replace(INVISIBLE, (ch) => {
    const named = NAMED[ch];
    if (named !== undefined) return named;
    const code = ch.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
  return text.length > max ? `${shown}… (${text.length} characters)` : shown;
}

/** Whether the text holds a C0 control character or DEL (a name or label never needs one). */
export function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code === 0x7f) return true;
  }
  return false;
}
