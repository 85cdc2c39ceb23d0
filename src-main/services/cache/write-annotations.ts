// Stores one batch's motif hits, per-run motif ranking shares and seqlets, inside the caller's
// batch transaction. A sequence the run has already scanned is skipped (run_scanned), so a batch
// that is recomputed after a crash or overlaps an earlier one never counts a hit twice.
// The main thread stores every worker's batches, so its time per batch bounds a run on many cores:
// a sequence's hits and an explanation's seqlets of it are one row each (built by the workers), and
// a batch's ranking shares are summed per motif before one upsert each (multi-row INSERTs measured
// no faster than one statement per row).
import type Database from 'better-sqlite3';
import type { AnnotationWrite } from './cache-types';
import { sumRankShares } from '../../engine/pool/rank-shares';

export function writeAnnotations(db: Database.Database, a: AnnotationWrite): void {
  const mark = db.prepare('INSERT OR IGNORE INTO run_scanned (run_id, idx) VALUES (?, ?)');
  const fresh = new Set(a.scanned.filter((idx) => mark.run(a.runId, idx).changes > 0));
  const hits = db.prepare('INSERT INTO motif_hit_sets (run_id, idx, hit_count, findings_json, relevance_json) VALUES (?, ?, ?, ?, ?)');
  for (const h of a.hits) if (fresh.has(h.idx)) hits.run(a.runId, h.idx, h.count, h.findingsJson, h.relevanceJson);
  // One upsert per explanation and motif, with the batch's shares summed first.
  const rank = db.prepare(`INSERT INTO motif_ranks (run_id, expl_id, motif_id, motif_name, sequences, hit_count, covered_bp, captured)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id, expl_id, motif_id) DO UPDATE SET sequences = sequences + excluded.sequences,
    hit_count = hit_count + excluded.hit_count, covered_bp = covered_bp + excluded.covered_bp, captured = captured + excluded.captured`);
  for (const s of sumRankShares(a.ranks, (idx) => fresh.has(idx))) rank.run(a.runId, s.explanationId, s.motifId, s.motifName, s.sequences, s.hitCount, s.coveredBp, s.captured);
  // A recomputed sequence's seqlets replace its old ones.
  const seqlets = db.prepare('INSERT OR REPLACE INTO seqlet_sets (expl_key, idx, seqlet_count, seqlets_json) VALUES (?, ?, ?, ?)');
  for (const s of a.seqlets) seqlets.run(s.explKey, s.idx, s.count, s.seqletsJson);
}
