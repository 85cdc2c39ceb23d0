import { describe, expect, it } from 'vitest';
import { describePrune, pruneRequest } from '../../../src-renderer/src/lib/util/cache-prune';
import type { CacheInfo } from '../../../src-main/shared/run-api';

const info = (sizeBytes: number, runs: number): CacheInfo => ({ path: '/c.sqlite', sizeBytes, runs, models: 1, inputs: 1, results: 0, notices: [] });

describe('the Settings form that deletes the oldest runs', () => {
  it('asks for a size in the megabytes the view shows, or a whole number of runs', () => {
    expect(pruneRequest('size', 500)).toEqual({ maxBytes: 500 * 1024 * 1024 });
    expect(pruneRequest('size', 0.5)).toEqual({ maxBytes: 512 * 1024 });
    expect(pruneRequest('runs', 3)).toEqual({ keepRuns: 3 });
    expect(pruneRequest('runs', 0)).toEqual({ keepRuns: 0 });
  });

  it('sends nothing for a number it cannot use (the button stays disabled)', () => {
    expect(pruneRequest('runs', 2.5)).toBeNull();
    expect(pruneRequest('size', -1)).toBeNull();
    expect(pruneRequest('size', Number.NaN)).toBeNull();
    expect(pruneRequest('size', null as unknown as number)).toBeNull();
  });

  it('says what went and how much space it freed, or why nothing did', () => {
    expect(describePrune({ removedRuns: ['a', 'b'], before: info(120 * 1024 * 1024, 5), after: info(41 * 1024 * 1024, 3) }))
      .toBe('Removed 2 runs, oldest first: 120.0 MB → 41.0 MB.');
    expect(describePrune({ removedRuns: ['a'], before: info(2048, 1), after: info(1024, 0) })).toBe('Removed 1 run, oldest first: 2.0 KB → 1.0 KB.');
    expect(describePrune({ removedRuns: [], before: info(3 * 1024 * 1024, 1), after: info(3 * 1024 * 1024, 1) }))
      .toBe('Nothing removed: the cache (3.0 MB, 1 run) already fits, or its remaining runs are still running.');
  });
});
