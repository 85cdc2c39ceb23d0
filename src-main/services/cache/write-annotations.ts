// Stores one batch's motif hits, per-run motif ranking shares and seqlets, inside the caller's
// batch transaction. A sequence the run has already scanned is skipped (run_scanned), so a batch
// that is recomputed after a crash or overlaps an earlier one never counts a hit twice.
import type Database from 'better-sqlite3';
import type { AnnotationWrite } from './cache-types';

export function writeAnnotations(db: Database.Database, a: AnnotationWrite): void {
  const mark = db.prepare('INSERT OR IGNORE INTO run_scanned (run_id, idx) VALUES (?, ?)');
  const fresh = new Set(a.scanned.filter((idx) => mark.run(a.runId, idx).changes > 0));
  const hit = db.prepare(`INSERT INTO motif_hits (run_id, idx, motif_id, motif_name, start_bp, end_bp, strand, score, p_value, q_value, matched,
    relevance_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const h of a.hits) {
    if (fresh.has(h.sequenceIndex)) {
      hit.run(a.runId, h.sequenceIndex, h.motifId, h.motifName, h.startBp, h.endBp, h.strand, h.score, h.pValue, h.qValue, h.matched, JSON.stringify(h.relevance));
    }
  }
  const rank = db.prepare(`INSERT INTO motif_ranks (run_id, expl_id, motif_id, motif_name, sequences, hit_count, covered_bp, captured)
    VALUES (?, ?, ?, ?, 1, ?, ?, ?) ON CONFLICT (run_id, expl_id, motif_id) DO UPDATE SET sequences = sequences + 1,
    hit_count = hit_count + excluded.hit_count, covered_bp = covered_bp + excluded.covered_bp, captured = captured + excluded.captured`);
  for (const r of a.ranks) if (fresh.has(r.idx)) rank.run(a.runId, r.explanationId, r.motifId, r.motifName, r.hitCount, r.coveredBp, r.captured);
  const clear = db.prepare('DELETE FROM seqlets WHERE expl_key = ? AND idx = ?');
  const cleared = new Set<string>();
  const seqlet = db.prepare('INSERT INTO seqlets (expl_key, idx, start_bp, end_bp, sign, sum, p_value) VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const s of a.seqlets) {
    const key = `${s.explKey}\u0000${s.idx}`;
    if (!cleared.has(key)) {
      clear.run(s.explKey, s.idx);
      cleared.add(key);
    }
    seqlet.run(s.explKey, s.idx, s.start, s.end, s.sign, s.sum, s.pValue);
  }
}
