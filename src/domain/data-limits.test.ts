import { describe, expect, it } from 'vitest';
import { barDateBounds, formatBytes } from './data-limits.js';

describe('barDateBounds', () => {
  it('runs from 1900-01-01 to the UTC day after now', () => {
    expect(barDateBounds(new Date('2026-12-05T23:59:59Z'))).toEqual({ min: '1900-01-01', max: '2026-12-06' });
    expect(barDateBounds(new Date('2024-02-28T00:00:00Z'))).toEqual({ min: '1900-01-01', max: '2024-02-29' });
  });
});

describe('formatBytes', () => {
  it('names whole units and falls back to bytes', () => {
    expect(formatBytes(1 << 20)).toBe('1 MiB');
    expect(formatBytes(4 * 2 ** 30)).toBe('4 GiB');
    expect(formatBytes(1500)).toBe('1,500 bytes');
  });
});
