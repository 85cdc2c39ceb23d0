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

interface RankRecord { expl_id: string; motif_id: string; motif_name: string; sequences: number; hit_count: number; covered_bp: number; captured: number; abs_total: number | null }

export function motifRanking(cache: RunCache, runId: string, explanationId?: string): MotifRankRow[] {
  const rows = cache.db.prepare(`SELECT m.*, (SELECT SUM(r.abs_sum) FROM results r JOIN run_explanations re ON re.expl_key = r.expl_key
      WHERE re.run_id = m.run_id AND re.expl_id = m.expl_id) AS abs_total
    FROM motif_ranks m WHERE m.run_id = ? AND (? IS NULL OR m.expl_id = ?) ORDER BY m.expl_id, m.captured DESC, m.motif_id`)
    .all(runId, explanationId ?? null, explanationId ?? null) as RankRecord[];
  return rows.map((r) => ({
    explanationId: r.expl_id, motifId: r.motif_id, motifName: r.motif_name, sequences: r.sequences, hitCount: r.hit_count,
    coveredBp: r.covered_bp, captured: r.captured, fraction: r.abs_total ? r.captured / r.abs_total : 0,
  }));
}
