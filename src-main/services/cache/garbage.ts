// Removes rows no run refers to any more, after a run is deleted or the cache is pruned: an
// explanation (with its results and seqlets) survives as long as one run uses it, and so do its
// model, input and predictions.
import type Database from 'better-sqlite3';

export function collectGarbage(db: Database.Database): void {
  db.exec(`
    DELETE FROM explanations WHERE key NOT IN (SELECT expl_key FROM run_explanations);
    DELETE FROM predictions WHERE NOT EXISTS (
      SELECT 1 FROM runs r WHERE r.model_sha = predictions.model_sha AND r.input_sha = predictions.input_sha);
    DELETE FROM inputs WHERE sha256 NOT IN (SELECT input_sha FROM runs) AND sha256 NOT IN (SELECT input_sha FROM explanations);
    DELETE FROM models WHERE sha256 NOT IN (SELECT model_sha FROM runs) AND sha256 NOT IN (SELECT model_sha FROM explanations);
  `);
}
