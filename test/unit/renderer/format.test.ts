import { describe, expect, it } from 'vitest';
import { countOf, formatBytes, formatValue } from '../../../src-renderer/src/lib/util/format';

describe('numbers as the views show them', () => {
  it('counts with a singular noun for one and thousands separators', () => {
    expect(countOf(1, 'run')).toBe('1 run');
    expect(countOf(0, 'run')).toBe('0 runs');
    expect(countOf(100_000, 'sequence')).toBe('100,000 sequences');
  });
  it('gives sizes in binary units with one decimal past bytes', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(63 * 1024 * 1024)).toBe('63.0 MB');
  });
  it('shows a missing or non-finite value as a dash', () => {
    expect(formatValue(undefined)).toBe('—');
    expect(formatValue(null)).toBe('—');
    expect(formatValue(Number.NaN)).toBe('—');
    expect(formatValue(0.5)).toBe('0.500');
  });
});
