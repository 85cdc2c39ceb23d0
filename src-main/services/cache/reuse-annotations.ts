// A repeated run is served from the cache without scanning again: when an earlier run scanned the
// same input with the same motif file (by sha256) and has every explanation of this run, its motif
// hits, ranking and scanned marks are copied, with explanation ids renamed through the shared keys.
// When it lacks some explanation (one more p), its hits are still the hits: the run job hands them
// to the workers to weight by the new relevance instead of scanning again (knownHits).
// The copy runs inside SQLite: a default run of 2,000 sequences has about 55,000 hits, and parsing
// and re-serialising each one's relevance in JavaScript made a cache hit take 0.6 s.
import type Database from 'better-sqlite3';
import type { KnownHit } from '../../engine/pool/explain-task';
import { decodeFindings } from '../../engine/export/motif-hit-sets';

export function recordRunMotifs(db: Database.Database, runId: string, motifsSha: string): void {
  db.prepare('INSERT OR REPLACE INTO run_motifs (run_id, motifs_sha) VALUES (?, ?)').run(runId, motifsSha);
}

/** Runs other than `runId` that scanned every sequence of the input with the same motif file, newest first. */
function fullyScannedRuns(db: Database.Database, runId: string, inputSha: string, motifsSha: string, sequenceCount: number): string[] {
  return db.prepare(`SELECT r.id FROM runs r JOIN run_motifs m ON m.run_id = r.id WHERE r.id != ? AND r.input_sha = ? AND m.motifs_sha = ?
    AND (SELECT count(*) FROM run_scanned s WHERE s.run_id = r.id) >= ? ORDER BY r.created_at DESC`).pluck().all(runId, inputSha, motifsSha, sequenceCount) as string[];
}

/**
 * Sequences whose hits one transaction of the copy moves: about 55,000 hits of a default run, a
 * few hundred milliseconds. The main thread serves the app between chunks, where one statement
 * for a 100,000-sequence run (2.7 million hits) would hold it for seconds.
 */
export const COPY_CHUNK_SEQUENCES = 2000;

/**
 * Copies annotations from a fully scanned twin run; false when there is none. The hits go chunk by
 * chunk; the scanned marks and the ranking go last, in one transaction, so a copy that a killed
 * process left half done has no scanned mark and is redone (its hits cleared first), and a twin
 * deleted meanwhile leaves this run to scan.
 */
export async function reuseAnnotations(db: Database.Database, runId: string, inputSha: string, motifsSha: string, sequenceCount: number,
  chunkSequences = COPY_CHUNK_SEQUENCES): Promise<boolean> {
  const mine = db.prepare('SELECT expl_id, expl_key FROM run_explanations WHERE run_id = ?').all(runId) as { expl_id: string; expl_key: string }[];
  // The run has scanned nothing yet (the caller's condition), so any hits it holds are a copy that
  // a killed process left half done: they go, whether or not a twin is found to copy again.
  const clearHits = db.prepare('DELETE FROM motif_hit_sets WHERE run_id = ?');
  clearHits.run(runId);
  for (const donor of fullyScannedRuns(db, runId, inputSha, motifsSha, sequenceCount)) {
    const theirs = new Map((db.prepare('SELECT expl_key, expl_id FROM run_explanations WHERE run_id = ?').all(donor) as { expl_id: string; expl_key: string }[])
      .map((e) => [e.expl_key, e.expl_id]));
    if (!mine.every((e) => theirs.has(e.expl_key))) continue;
    const rename = mine.map((e) => [theirs.get(e.expl_key)!, e.expl_id] as const);
    const maxIdx = db.prepare('SELECT max(idx) FROM run_scanned WHERE run_id = ?').pluck().get(donor) as number | null;
    for (let from = 0; from <= (maxIdx ?? -1); from += chunkSequences) {
      db.transaction(() => copyHits(db, donor, runId, rename, theirs.size === rename.length, from, from + chunkSequences))();
      await new Promise((resolve) => setImmediate(resolve));
    }
    const copied = db.transaction(() => {
      if (!fullyScannedRuns(db, runId, inputSha, motifsSha, sequenceCount).includes(donor)) {
        clearHits.run(runId);
        return false;
      }
      db.prepare('INSERT OR IGNORE INTO run_scanned (run_id, idx) SELECT ?, idx FROM run_scanned WHERE run_id = ?').run(runId, donor);
      const rank = db.prepare(`INSERT INTO motif_ranks (run_id, expl_id, motif_id, motif_name, sequences, hit_count, covered_bp, captured)
        SELECT ?, ?, motif_id, motif_name, sequences, hit_count, covered_bp, captured FROM motif_ranks WHERE run_id = ? AND expl_id = ?`);
      for (const [from, to] of rename) rank.run(runId, to, donor, from);
      return true;
    })();
    return copied;
  }
  return false;
}

/**
 * Copies the donor's hits of sequences [fromIdx, toIdx) to `runId` in one statement. When the donor
 * has exactly this run's explanations under the same ids (a repeated request), each sequence's
 * relevance object is copied as it is; otherwise it is rebuilt with this run's ids, where `->`
 * yields a value's JSON text as stored, so the numbers are copied digit for digit instead of going
 * through a double.
 */
function copyHits(db: Database.Database, donor: string, runId: string, rename: readonly (readonly [string, string])[], donorHasOnlyThese: boolean,
  fromIdx: number, toIdx: number): void {
  const sameIds = donorHasOnlyThese && rename.every(([from, to]) => from === to);
  const relevance = sameIds ? 'relevance_json' : `json_object(${rename.map(() => 'CAST(? AS TEXT), json(relevance_json -> ?)').join(', ')})`;
  const args = sameIds ? [] : rename.flatMap(([from, to]) => [to, `$.${JSON.stringify(from)}`]);
  db.prepare(`INSERT INTO motif_hit_sets (run_id, idx, hit_count, findings_json, relevance_json)
    SELECT ?, idx, hit_count, findings_json, ${relevance} FROM motif_hit_sets WHERE run_id = ? AND idx >= ? AND idx < ?`).run(runId, ...args, donor, fromIdx, toIdx);
}

/** The hits of the newest earlier full scan of this input with this motif file, by sequence; null when there is none. */
export function earlierScanHits(db: Database.Database, runId: string, inputSha: string, motifsSha: string, sequenceCount: number): ((idx: number) => KnownHit[] | null) | null {
  const donor = fullyScannedRuns(db, runId, inputSha, motifsSha, sequenceCount)[0];
  return donor ? knownHitsReader(db, donor) : null;
}

/**
 * Reads the hits `donor` stored for a sequence, without relevance (the scan's findings), in stored
 * order; null once the donor no longer has that sequence's scan (it was deleted meanwhile).
 */
export function knownHitsReader(db: Database.Database, donor: string): (idx: number) => KnownHit[] | null {
  const scanned = db.prepare('SELECT 1 FROM run_scanned WHERE run_id = ? AND idx = ?').pluck();
  const select = db.prepare('SELECT findings_json FROM motif_hit_sets WHERE run_id = ? AND idx = ?').pluck();
  return (idx) => {
    if (scanned.get(donor, idx) === undefined) return null;
    const findings = select.get(donor, idx) as string | undefined;
    return findings === undefined ? [] : decodeFindings(findings);
  };
}
