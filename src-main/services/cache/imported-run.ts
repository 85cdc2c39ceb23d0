// The cache side of `plrp runs import`. An import stores its results first (content-keyed rows no
// run refers to yet, which a retry after a failure reuses), then the run with its motif hits,
// ranking and seqlets in one transaction: a run is in the cache complete, or not at all.
import { motifHitSets } from '../../engine/export/motif-hit-sets';
import { seqletSets } from '../../engine/export/seqlet-sets';
import type { FooterAnnotations } from '../../engine/report/out-json-annotations';
import { AppError } from '../../shared/errors';
import type { ExplainConfig } from '../../shared/explain-config';
import type { StoredRun } from './cache-types';
import type { RunCache } from './run-cache';

export interface KeyedExplanation { explId: string; explKey: string; config: ExplainConfig; canonical: string }

/**
 * A finished run of this model and input whose explanations are exactly these keys, in this order:
 * an import's keys include the document's content digest, so that run holds the same content.
 */
export function findRunWithKeys(cache: RunCache, modelSha: string, inputSha: string, keys: readonly string[]): string | undefined {
  if (keys.length === 0) return undefined;
  const candidates = cache.db.prepare(`SELECT DISTINCT r.id FROM runs r JOIN run_explanations re ON re.run_id = r.id
    WHERE re.expl_key = ? AND r.model_sha = ? AND r.input_sha = ? AND r.status = 'done' ORDER BY r.created_at, r.id`)
    .pluck().all(keys[0], modelSha, inputSha) as string[];
  return candidates.find((id) => {
    const stored = cache.runExplanations(id).map((e) => e.explKey);
    return stored.length === keys.length && stored.every((k, i) => k === keys[i]);
  });
}

/**
 * Stores the run, once every explanation has all `sequenceCount` results, with its annotations.
 * Returns the id of the run that holds the content: `run.id`, or that of an equal import another
 * process committed meanwhile (checked under the write lock, so two imports make one run).
 */
export function commitImportedRun(cache: RunCache, run: StoredRun, keyed: readonly KeyedExplanation[], sequenceCount: number, a: FooterAnnotations): { runId: string; reused: boolean } {
  const count = cache.db.prepare('SELECT count(*) FROM results WHERE expl_key = ?').pluck();
  const insertHits = cache.db.prepare('INSERT INTO motif_hit_sets (run_id, idx, hit_count, findings_json, relevance_json) VALUES (?, ?, ?, ?, ?)');
  // Seqlets belong to the (content-keyed) explanation: an earlier import's stay valid, so replace.
  const insertSeqlets = cache.db.prepare('INSERT OR REPLACE INTO seqlet_sets (expl_key, idx, seqlet_count, seqlets_json) VALUES (?, ?, ?, ?)');
  const insertRank = cache.db.prepare(`INSERT INTO motif_ranks (run_id, expl_id, motif_id, motif_name, sequences, hit_count, covered_bp, captured)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  const keys = new Map(keyed.map((e) => [e.explId, e.explKey]));
  return cache.db.transaction(() => {
    const earlier = findRunWithKeys(cache, run.modelSha, run.inputSha, keyed.map((e) => e.explKey));
    if (earlier) return { runId: earlier, reused: true };
    for (const e of keyed) {
      const stored = count.get(e.explKey) as number;
      if (stored !== sequenceCount) {
        throw new AppError('RUN_BUSY', `explanation ${e.explId}: ${stored} of ${sequenceCount} results are in the run cache after the import wrote them (did another process prune or delete runs meanwhile?); import again`);
      }
    }
    cache.insertRun(run, [...keyed]);
    for (const e of keyed) cache.markExplanationCached(run.id, e.explId);
    for (const set of motifHitSets(a.hits)) insertHits.run(run.id, set.idx, set.count, set.findingsJson, set.relevanceJson);
    // A record for every sequence, empty without seqlets: the run cache's mark of seqlets called (run-job.ts).
    const everySequence = Array.from({ length: sequenceCount }, (_, idx) => idx);
    for (const e of keyed) {
      for (const set of seqletSets(e.explId, a.seqlets[e.explId] ?? [], everySequence)) insertSeqlets.run(e.explKey, set.idx, set.count, set.seqletsJson);
    }
    for (const r of a.ranks) {
      if (keys.has(r.explanationId)) insertRank.run(run.id, r.explanationId, r.motifId, r.motifName, r.sequences, r.hitCount, r.coveredBp, r.captured);
    }
    return { runId: run.id, reused: false };
  }).immediate();
}
