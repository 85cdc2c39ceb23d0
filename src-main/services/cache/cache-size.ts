// Cache size and pruning (oldest runs first). Size counts the pages in use plus the WAL, which is
// what the user would get back; VACUUM then returns freed pages to the file system.
import { existsSync, statSync } from 'node:fs';
import type { CacheInfo, PruneRequest, PruneResult } from '../../shared/run-api';
import type { RunCache } from './run-cache';

/** Bytes of the pages in use, as seen through the WAL (deletes free pages here at once). */
function usedBytes(cache: RunCache): number {
  const db = cache.db;
  const pageSize = db.pragma('page_size', { simple: true }) as number;
  const pages = db.pragma('page_count', { simple: true }) as number;
  const free = db.pragma('freelist_count', { simple: true }) as number;
  return (pages - free) * pageSize;
}

export function cacheInfo(cache: RunCache): CacheInfo {
  const db = cache.db;
  const wal = existsSync(`${cache.path}-wal`) ? statSync(`${cache.path}-wal`).size : 0;
  const count = (table: string): number => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return {
    path: cache.path,
    sizeBytes: usedBytes(cache) + wal,
    runs: count('runs'),
    models: count('models'),
    inputs: count('inputs'),
    results: count('results'),
    notices: [...cache.openingNotices],
  };
}

/** Deletes settled runs, oldest first, until the cache fits; `busy` runs are never touched. */
export function pruneCache(cache: RunCache, request: PruneRequest, busy: ReadonlySet<string> = new Set()): PruneResult {
  const before = cacheInfo(cache);
  const removedRuns: string[] = [];
  const oldestFirst = cache.listRuns().filter((r) => !busy.has(r.id)).reverse();
  const keep = request.keepRuns;
  if (keep !== undefined) {
    const excess = Math.max(0, before.runs - keep);
    for (const run of oldestFirst.slice(0, excess)) if (cache.deleteRun(run.id)) removedRuns.push(run.id);
  }
  if (request.maxBytes !== undefined) {
    for (const run of oldestFirst) {
      if (removedRuns.includes(run.id)) continue;
      if (usedBytes(cache) <= request.maxBytes) break;
      if (cache.deleteRun(run.id)) removedRuns.push(run.id);
    }
  }
  if (removedRuns.length > 0) {
    cache.db.exec('VACUUM');
    cache.db.pragma('wal_checkpoint(TRUNCATE)');
  }
  return { removedRuns, before, after: cacheInfo(cache) };
}
