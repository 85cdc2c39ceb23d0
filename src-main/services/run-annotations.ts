// Motif hits (per run), motif ranking (per run and explanation) and seqlets (per explanation) as run-api rows.
import type { MotifHitRow, MotifRankRow, SeqletRow } from '../shared/run-api';
import type { RunCache } from './cache/run-cache';
import { decodeHitSet } from '../engine/export/motif-hit-sets';
import { decodeSeqlets } from '../engine/export/seqlet-sets';
import { groupInOrder } from '../engine/export/group-in-order';

interface HitSetRecord { idx: number; findings_json: string; relevance_json: string }

/** A run's motif hits (or one sequence's), by sequence and then by start. */
export function motifHits(cache: RunCache, runId: string, sequenceIndex?: number): MotifHitRow[] {
  const sets = (sequenceIndex === undefined
    ? cache.statement('SELECT idx, findings_json, relevance_json FROM motif_hit_sets WHERE run_id = ? ORDER BY idx').all(runId)
    : cache.statement('SELECT idx, findings_json, relevance_json FROM motif_hit_sets WHERE run_id = ? AND idx = ?').all(runId, sequenceIndex)) as HitSetRecord[];
  return sets.flatMap((s) => decodeHitSet(s.idx, s.findings_json, s.relevance_json).sort((a, b) => a.startBp - b.startBp));
}

interface SeqletSetRecord { expl_id: string; idx: number; seqlets_json: string }

/** A run's seqlets (or one sequence's) of every explanation, by sequence and then by start. */
export function seqlets(cache: RunCache, runId: string, sequenceIndex?: number): SeqletRow[] {
  const sql = `SELECT re.expl_id, s.idx, s.seqlets_json FROM seqlet_sets s JOIN run_explanations re ON re.expl_key = s.expl_key WHERE re.run_id = ?`;
  const sets = (sequenceIndex === undefined
    ? cache.statement(`${sql} ORDER BY s.idx, re.expl_id`).all(runId)
    : cache.statement(`${sql} AND s.idx = ? ORDER BY re.expl_id`).all(runId, sequenceIndex)) as SeqletSetRecord[];
  // One sequence's seqlets of all explanations (in explanation order), then ordered by start (a stable sort).
  return [...groupInOrder(sets, (s) => s.idx)].flatMap(([idx, group]) => group
    .flatMap((set) => decodeSeqlets(set.seqlets_json).map((s): SeqletRow => ({ sequenceIndex: idx, explanationId: set.expl_id, ...s })))
    .sort((a, b) => a.startBp - b.startBp));
}

interface RankRecord { expl_id: string; motif_id: string; motif_name: string; sequences: number; hit_count: number; covered_bp: number; captured: number }

/**
 * Σ|R| over every stored result of each of the run's explanations (or one), the denominator of a
 * motif's captured fraction. One pass over the results, reading only abs_sum (the relevance blob
 * is never decoded); the ranking used to sum them again for every motif row, a correlated query
 * that took 18 s of a report on a run of 20,000 sequences (781 rows × 20,000 results).
 */
function absTotals(cache: RunCache, runId: string, explanationId?: string): Map<string, number> {
  const rows = cache.statement(`SELECT re.expl_id, SUM(r.abs_sum) AS abs_total FROM run_explanations re
      JOIN results r ON r.expl_key = re.expl_key
    WHERE re.run_id = ? AND (? IS NULL OR re.expl_id = ?) GROUP BY re.expl_id`)
    .all(runId, explanationId ?? null, explanationId ?? null) as { expl_id: string; abs_total: number }[];
  return new Map(rows.map((r) => [r.expl_id, r.abs_total]));
}

export function motifRanking(cache: RunCache, runId: string, explanationId?: string): MotifRankRow[] {
  const totals = absTotals(cache, runId, explanationId);
  const rows = cache.statement(`SELECT expl_id, motif_id, motif_name, sequences, hit_count, covered_bp, captured
    FROM motif_ranks WHERE run_id = ? AND (? IS NULL OR expl_id = ?) ORDER BY expl_id, captured DESC, motif_id`)
    .all(runId, explanationId ?? null, explanationId ?? null) as RankRecord[];
  return rows.map((r) => {
    const total = totals.get(r.expl_id);
    return {
      explanationId: r.expl_id, motifId: r.motif_id, motifName: r.motif_name, sequences: r.sequences, hitCount: r.hit_count,
      coveredBp: r.covered_bp, captured: r.captured, fraction: total ? r.captured / total : 0,
    };
  });
}
