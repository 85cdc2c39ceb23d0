// A run named by a unique prefix of its id, as git names commits (plrp runs show|export|delete).
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunCache } from '../../../src-main/services/cache/run-cache';
import { pickRunId, resolveRunId } from '../../../src-main/services/resolve-run-id';
import { seedRun, tempDir } from './cache/temp-cache';

describe('pickRunId', () => {
  it('returns the one match, and names every match of an ambiguous prefix', () => {
    expect(pickRunId('abcd', ['abcd-1'])).toBe('abcd-1');
    expect(() => pickRunId('abcd', ['abcd-1', 'abcd-2'])).toThrow(/ambiguous: it matches 2 runs:\n {2}abcd-1\n {2}abcd-2\n/);
    expect(() => pickRunId('abcd', [])).toThrow('no run with id abcd;');
  });

  it('lists ten matches and counts the rest', () => {
    const ids = Array.from({ length: 12 }, (_, i) => `abcd-${i}`);
    expect(() => pickRunId('abcd', ids)).toThrow(/abcd-9\n {2}… 2 more\n/);
  });
});

describe('resolveRunId', () => {
  let t: ReturnType<typeof tempDir>;
  let cache: RunCache;
  beforeEach(() => {
    t = tempDir();
    cache = new RunCache(join(t.dir, 'c.sqlite'));
    seedRun(cache, 'abcd1111-0000-4000-8000-000000000001', 'k1', 1);
    seedRun(cache, 'abcd2222-0000-4000-8000-000000000002', 'k2', 2);
    seedRun(cache, 'ef010000-0000-4000-8000-000000000003', 'k3', 3);
  });
  afterEach(() => {
    cache.close();
    t.cleanup();
  });

  it('takes a full id, or a unique prefix of at least 4 characters in either case', () => {
    expect(resolveRunId(cache, 'abcd1111-0000-4000-8000-000000000001')).toBe('abcd1111-0000-4000-8000-000000000001');
    expect(resolveRunId(cache, 'ABCD2')).toBe('abcd2222-0000-4000-8000-000000000002');
    expect(resolveRunId(cache, 'ef01')).toBe('ef010000-0000-4000-8000-000000000003');
  });

  it('refuses an ambiguous prefix (newest first), a prefix under 4 characters and an unknown id', () => {
    expect(() => resolveRunId(cache, 'abcd')).toThrow(/abcd2222-0000-4000-8000-000000000002\n {2}abcd1111-0000-4000-8000-000000000001/);
    expect(() => resolveRunId(cache, 'ef0')).toThrow('at least 4 characters');
    expect(() => resolveRunId(cache, '9999')).toThrow('no run with id 9999');
  });
});
