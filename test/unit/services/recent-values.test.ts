// The service keeps the last few decoded results and parsed diagnostics: a repeated read must not
// go back to SQLite, the least recently used value goes first, and a missing value is not kept.
import { describe, expect, it } from 'vitest';
import { RecentValues } from '../../../src-main/services/recent-values';

describe('RecentValues', () => {
  it('loads a key once while it is among the last few used, dropping the least recently used', () => {
    const loads: string[] = [];
    const recent = new RecentValues<string>(2);
    const get = (k: string) => recent.get(k, () => (loads.push(k), k.toUpperCase()));
    expect(get('a')).toBe('A');
    expect(get('b')).toBe('B');
    expect(get('a')).toBe('A'); // a is now the most recent
    expect(get('c')).toBe('C'); // evicts b
    expect(get('a')).toBe('A');
    expect(get('b')).toBe('B');
    expect(loads).toEqual(['a', 'b', 'c', 'b']);
  });

  it('does not keep a value that is not there yet (a result still being computed)', () => {
    const stored = new Map<string, number>();
    const recent = new RecentValues<number>(4);
    expect(recent.get('x', () => stored.get('x'))).toBeUndefined();
    stored.set('x', 7);
    expect(recent.get('x', () => stored.get('x'))).toBe(7);
  });
});
