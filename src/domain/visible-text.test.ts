import { describe, expect, it } from 'vitest';
import { visible } from './visible-text.js';

describe('visible', () => {
  it('shows NUL, CR, LF, tab and backslash as escapes', () => {
    expect(visible('10\u0000')).toBe('10\\0');
    expect(visible('a\rb\nc\td\\')).toBe('a\\rb\\nc\\td\\\\');
  });
  it('shows terminal escapes, zero-width and bidi characters as code points', () => {
    expect(visible('\u001b[31mred')).toBe('\\x1b[31mred');
    expect(visible('a\u200bb\u202ec')).toBe('a\\u200bb\\u202ec');
  });
  it('leaves printable text, accents included, alone', () => {
    expect(visible('Société Générale 12.5')).toBe('Société Générale 12.5');
  });
  it('cuts long text and says how long it was', () => {
    expect(visible('x'.repeat(200), 5)).toBe('xxxxx… (200 characters)');
  });
});
