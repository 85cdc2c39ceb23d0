// Per-result warnings (a sequence shorter than the model window, too many N, non-finite relevance,
// PLRP-magnified relevance),
// stored with the explanation's result so a run served from the cache shows them too.
import type Database from 'better-sqlite3';

export function writeWarnings(db: Database.Database, warnings: { explKey: string; idx: number; message: string }[]): void {
  const insert = db.prepare('INSERT INTO result_warnings (expl_key, idx, message) VALUES (?, ?, ?)');
  for (const w of warnings) insert.run(w.explKey, w.idx, w.message);
}

/** Warnings of the given explanations for fromIdx ≤ idx < toIdx, per sequence, deduplicated. */
export function readWarnings(db: Database.Database, explKeys: string[], fromIdx: number, toIdx: number): Map<number, string[]> {
  const out = new Map<number, string[]>();
  if (explKeys.length === 0) return out;
  const rows = db
    .prepare(`SELECT idx, message FROM result_warnings WHERE expl_key IN (${explKeys.map(() => '?').join(',')}) AND idx >= ? AND idx < ? ORDER BY idx, rowid`)
    .all(...explKeys, fromIdx, toIdx) as { idx: number; message: string }[];
  for (const r of rows) {
    const list = out.get(r.idx) ?? [];
    if (!list.includes(r.message)) list.push(r.message);
    out.set(r.idx, list);
  }
  return out;
}
