/** The palette's line colours by series number (theme.ts touches the DOM only when its functions run). */
import { describe, expect, it } from 'vitest';
import { MissingValueError } from '../../src/domain/ensure.js';
import { lineColour } from './theme.js';

describe('lineColour', () => {
  const colours = { line: ['#a', '#b', '#c'] };
  it('cycles through the palette when there are more series than colours', () => {
    expect([0, 1, 2, 3, 7].map((i) => lineColour(colours, i))).toEqual(['#a', '#b', '#c', '#a', '#b']);
  });
  it('names what is missing instead of handing on undefined (an empty palette)', () => {
    expect(() => lineColour({ line: [] }, 0)).toThrow(MissingValueError);
    expect(() => lineColour({ line: [] }, 0)).toThrow(/line colour 0 of the palette is missing/);
  });
});
