import { decodeSeqlets, seqletSets } from '../../../../src-main/engine/export/seqlet-sets';
import { rankShares } from '../../../../src-main/engine/pool/rank-shares';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunCache } from '../../../../src-main/services/cache/run-cache';
import { cacheInfo, pruneCache } from '../../../../src-main/services/cache/cache-size';
import { parseExplainConfig, canonicalConfig } from '../../../../src-main/shared/explain-config';
import { relevance, seedRun, storedRun, tempDir } from './temp-cache';

let t: ReturnType<typeof tempDir>;
let cache: RunCache;
beforeEach(() => {
  t = tempDir();
  cache = new RunCache(join(t.dir, 'c.sqlite'));
});
afterEach(() => {
  cache.close();
  t.cleanup();
});

const M = 'm'.repeat(64);
const I = 'i'.repeat(64);

function writeResults(key: string, indices: number[], lengthBp = 8): void {
  cache.writeBatch({
    modelSha: M, inputSha: I,
    predictions: indices.map((idx) => ({ idx, output: Float32Array.of(0.1, 0.9), logits: Float32Array.of(-2, 2) })),
    results: indices.map((idx) => ({
      explKey: key,
      row: { idx, target: 1, lengthBp, relevance: relevance(lengthBp, idx), sum: idx, absSum: idx, min: -1, max: 1, diagnostics: [{ point: 'x', p: 0.1 }], metrics: { gini: 0.5 } },
    })),
  });
}

describe('RunCache', () => {
  it('returns stored relevance exactly (−0 as 0) with its numbers, diagnostics and predictions', () => {
    seedRun(cache, 'r1', 'k1', 1);
    writeResults('k1', [0, 1, 2]);
    const r = cache.readResult('k1', 2);
    expect(r?.relevance).toEqual(relevance(8, 2).map((v) => v + 0));
    expect(r?.diagnostics).toEqual([{ point: 'x', p: 0.1 }]);
    expect(cache.resultNumbers('k1', 0, 3).get(1)).toMatchObject({ target: 1, sum: 1, metrics: { gini: 0.5 } });
    const p = cache.predictions(M, I, 0, 3).get(0);
    expect([...(p?.output ?? [])]).toEqual([Math.fround(0.1), Math.fround(0.9)]);
    expect(cache.readSequences(I, 1, 3).map((s) => s.name)).toEqual(['s1', 's2']);
    expect(cache.readSequences(I, 0, 1)[0].letters).toBe('ACGTACGT');
  });

  it('knows which sequences of an explanation are already done, so a resume computes only the rest', () => {
    seedRun(cache, 'r1', 'k1', 1, 5);
    writeResults('k1', [0, 1, 3]);
    expect([...cache.doneIndices('k1')].sort()).toEqual([0, 1, 3]);
    expect(cache.sequencesDone('r1')).toBe(3);
  });

  it('never overwrites a stored result when a batch is written twice', () => {
    seedRun(cache, 'r1', 'k1', 1);
    writeResults('k1', [0]);
    cache.writeBatch({
      modelSha: M, inputSha: I, predictions: [],
      results: [{ explKey: 'k1', row: { idx: 0, target: 0, lengthBp: 8, relevance: new Float32Array(32), sum: 99, absSum: 0, min: 0, max: 0, diagnostics: [], metrics: {} } }],
    });
    expect(cache.readResult('k1', 0)?.sum).toBe(0);
  });

  it('sums a motif\'s ranking shares over batches, counting a sequence stored twice once, and replaces a sequence\'s seqlets', () => {
    seedRun(cache, 'r1', 'k1', 1);
    const share = (idx: number, captured: number) => ({ idx, explanationId: 'lrp', motifId: 'MA1', motifName: 'GATA1', hitCount: 2, coveredBp: 10, captured });
    const seqlet = (idx: number, start: number) => ({ explKey: 'k1', ...seqletSets('lrp', [{ idx, startBp: start, endBp: start + 5, sign: '+', sum: 1, pValue: 0.001 }])[0] });
    const annotate = (scanned: number[], ranks: ReturnType<typeof share>[], seqlets: ReturnType<typeof seqlet>[]) =>
      cache.writeBatch({ modelSha: M, inputSha: I, predictions: [], results: [], annotations: { runId: 'r1', scanned, hits: [], ranks: rankShares(ranks), seqlets } });
    annotate([0, 1], [share(0, 0.25), share(1, 0.5)], [seqlet(0, 1), seqlet(1, 2)]);
    // Sequence 1 again (a batch recomputed after a crash) and sequence 2.
    annotate([1, 2], [share(1, 0.5), share(2, 1)], [seqlet(1, 3)]);
    const rank = cache.db.prepare("SELECT sequences, hit_count, covered_bp, captured FROM motif_ranks WHERE run_id = 'r1'").all();
    expect(rank).toEqual([{ sequences: 3, hit_count: 6, covered_bp: 30, captured: 1.75 }]);
    const stored = cache.db.prepare("SELECT idx, seqlets_json FROM seqlet_sets WHERE expl_key = 'k1' ORDER BY idx").all() as { idx: number; seqlets_json: string }[];
    expect(stored.map((r) => [r.idx, decodeSeqlets(r.seqlets_json).map((q) => q.startBp)])).toEqual([[0, [1]], [1, [3]]]);
  });

  it('keeps an explanation that another run still uses when one run is deleted', () => {
    seedRun(cache, 'r1', 'shared', 1);
    const config = parseExplainConfig({ id: 'again' });
    cache.insertRun(storedRun('r2', 2), [{ explId: 'again', explKey: 'shared', config, canonical: canonicalConfig(config) }]);
    writeResults('shared', [0, 1, 2]);
    expect(cache.deleteRun('r1')).toBe(true);
    expect(cache.doneIndices('shared').size).toBe(3);
    expect(cache.deleteRun('r2')).toBe(true);
    expect(cache.doneIndices('shared').size).toBe(0);
    expect(cacheInfo(cache)).toMatchObject({ runs: 0, models: 0, inputs: 0, results: 0 });
  });

  it('prunes the oldest runs first until the cache fits, and leaves busy runs alone', () => {
    for (let i = 0; i < 4; i++) {
      seedRun(cache, `r${i}`, `k${i}`, 10 + i, 3, 20000);
      writeResults(`k${i}`, [0, 1, 2], 20000);
    }
    cache.db.pragma('wal_checkpoint(TRUNCATE)');
    const size = cacheInfo(cache).sizeBytes;
    // Each run is a bit under a quarter of the file (the schema and sequences are shared), so
    // freeing 1.5 quarters takes two runs: the two oldest that are not busy.
    const result = pruneCache(cache, { maxBytes: Math.floor(size - 1.5 * (size / 4)) }, new Set(['r0']));
    expect(result.removedRuns).toEqual(['r1', 'r2']);
    expect(cache.listRuns().map((r) => r.id).sort()).toEqual(['r0', 'r3']);
    expect(result.after.sizeBytes).toBeLessThan(result.before.sizeBytes);
    expect(pruneCache(cache, { keepRuns: 1 }).removedRuns).toEqual(['r0']);
  });

  it('lets a second connection read a consistent snapshot while a batch is being written', () => {
    seedRun(cache, 'r1', 'k1', 1, 3);
    writeResults('k1', [0]);
    const reader = new Database(cache.path, { readonly: true });
    const count = reader.prepare("SELECT count(*) FROM results WHERE expl_key = 'k1'").pluck();
    reader.exec('BEGIN');
    expect(count.get()).toBe(1);
    writeResults('k1', [1, 2]);
    // The reader's transaction still sees its snapshot, and the writer was not blocked by it.
    expect(count.get()).toBe(1);
    reader.exec('COMMIT');
    expect(count.get()).toBe(3);
    reader.close();
  });
});
