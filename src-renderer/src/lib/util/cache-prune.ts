// The Settings view's "delete oldest runs" form: the request it sends and the sentence that says
// what it did. Sizes are in the same binary megabytes that formatBytes shows.
import type { PruneRequest, PruneResult } from '../../../../src-main/shared/run-api';
import { countOf, formatBytes } from './format';

export type PruneMode = 'size' | 'runs';

const MB = 1024 * 1024;

/** At most `limit` MB, or only the newest `limit` runs; null while the number is not usable. */
export function pruneRequest(mode: PruneMode, limit: number): PruneRequest | null {
  if (!Number.isFinite(limit) || limit < 0) return null;
  if (mode === 'runs') return Number.isInteger(limit) ? { keepRuns: limit } : null;
  return { maxBytes: Math.floor(limit * MB) };
}

export function describePrune(r: PruneResult): string {
  const runs = (n: number) => countOf(n, 'run');
  if (r.removedRuns.length === 0) {
    return `Nothing removed: the cache (${formatBytes(r.before.sizeBytes)}, ${runs(r.before.runs)}) already fits, or its remaining runs are still running.`;
  }
  return `Removed ${runs(r.removedRuns.length)}, oldest first: ${formatBytes(r.before.sizeBytes)} → ${formatBytes(r.after.sizeBytes)}.`;
}
