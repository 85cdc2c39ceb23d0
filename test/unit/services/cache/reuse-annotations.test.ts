// A repeated run copies its twin's motif hits chunk by chunk, so the main thread is not held for
// seconds by a large run; the scanned marks and the ranking go last, so a copy cut short is redone.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunCache } from '../../../../src-main/services/cache/run-cache';
import { motifHitSets } from '../../../../src-main/engine/export/motif-hit-sets';
import { rankShares } from '../../../../src-main/engine/pool/rank-shares';
import { recordRunMotifs, reuseAnnotations } from '../../../../src-main/services/cache/reuse-annotations';
import { seedRun, tempDir } from './temp-cache';

const I = 'i'.repeat(64);
const M = 'm'.repeat(64);
const N = 20;
let t: ReturnType<typeof tempDir>;
let cache: RunCache;

beforeEach(() => {
  t = tempDir();
  cache = new RunCache(join(t.dir, 'c.sqlite'));
  // The twin: every sequence scanned, two hits each, one ranking share each.
  seedRun(cache, 'twin', 'k1', 1, N);
  recordRunMotifs(cache.db, 'twin', 'motifs-sha');
  const idx = Array.from({ length: N }, (_, i) => i);
  cache.writeBatch({
    modelSha: M, inputSha: I, predictions: [], results: [],
    annotations: {
      runId: 'twin', scanned: idx, seqlets: [],
      hits: motifHitSets(idx.flatMap((i) => [0, 1].map((k) => ({ sequenceIndex: i, motifId: `MA${k}`, motifName: `m${k}`, startBp: k, endBp: k + 6, strand: '+' as const, score: 9.5, pValue: 1e-5, qValue: 0.2, matched: 'ACGTAC', relevance: { lrp: i + k / 10 } })))),
      ranks: rankShares(idx.map((i) => ({ idx: i, explanationId: 'lrp', motifId: 'MA0', motifName: 'm0', hitCount: 1, coveredBp: 6, captured: i }))),
    },
  });
  seedRun(cache, 'again', 'k1', 2, N);
  recordRunMotifs(cache.db, 'again', 'motifs-sha');
});
afterEach(() => {
  cache.close();
  t.cleanup();
});

const hitsOf = (runId: string) => cache.db.prepare('SELECT idx, hit_count, findings_json, relevance_json FROM motif_hit_sets WHERE run_id = ? ORDER BY idx').all(runId);
/** A copy that a killed process left half done: the twin's hits of sequences below 7, no scanned mark. */
const halfCopy = () => cache.db.prepare(`INSERT INTO motif_hit_sets (run_id, idx, hit_count, findings_json, relevance_json)
  SELECT 'again', idx, hit_count, findings_json, relevance_json FROM motif_hit_sets WHERE run_id = 'twin' AND idx < 7`).run();
const scannedOf = (runId: string) => cache.db.prepare('SELECT count(*) FROM run_scanned WHERE run_id = ?').pluck().get(runId);

describe('reuseAnnotations', () => {
  it('copies every hit in chunks, then the scanned marks and the ranking, replacing hits a killed copy left behind', async () => {
    halfCopy();
    expect(await reuseAnnotations(cache.db, 'again', I, 'motifs-sha', N, 7)).toBe(true);
    expect(hitsOf('again')).toEqual(hitsOf('twin'));
    expect(scannedOf('again')).toBe(N);
    expect(cache.db.prepare("SELECT sequences, captured FROM motif_ranks WHERE run_id = 'again'").all()).toEqual([{ sequences: N, captured: 190 }]);
  });

  it('leaves the run to scan when its twin is deleted while the copy runs', async () => {
    const copy = reuseAnnotations(cache.db, 'again', I, 'motifs-sha', N, 7);
    // The first chunk has been copied; the copy now waits for the event loop.
    expect(hitsOf('again').length).toBe(7);
    cache.deleteRun('twin');
    expect(await copy).toBe(false);
    expect(hitsOf('again')).toEqual([]);
    expect(scannedOf('again')).toBe(0);
  });

  it('clears what a killed copy left behind when no twin is left to copy again, so the run scans from nothing', async () => {
    halfCopy();
    cache.deleteRun('twin');
    expect(await reuseAnnotations(cache.db, 'again', I, 'motifs-sha', N, 7)).toBe(false);
    expect(hitsOf('again')).toEqual([]);
  });
});
