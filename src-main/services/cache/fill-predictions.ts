// Predictions an import brings (out.json keeps the output and the target's logit only; with an
// output head the other logits are NaN) go in without taking anything the cache knows away: a
// stored value stays, a NaN stored value is filled, a row the cache lacks is added.
import type Database from 'better-sqlite3';
import { decodeFloat32, encodeFloat32 } from './blob-codec';
import type { PredictionRow } from './cache-types';

/** `stored` with its NaN entries taken from `incoming` (same length; otherwise `stored` as is). */
export function fillNaN(stored: Float32Array, incoming: Float32Array): Float32Array {
  if (stored.length !== incoming.length) return stored;
  return stored.map((v, i) => (Number.isNaN(v) ? incoming[i] : v));
}

/** Writes `rows` for (model, input), keeping what is stored (see above). Call inside a transaction. */
export function fillPredictions(db: Database.Database, modelSha: string, inputSha: string, rows: readonly PredictionRow[]): void {
  const read = db.prepare('SELECT output, logits FROM predictions WHERE model_sha = ? AND input_sha = ? AND idx = ?');
  const write = db.prepare('INSERT OR REPLACE INTO predictions (model_sha, input_sha, idx, output, logits) VALUES (?, ?, ?, ?, ?)');
  for (const p of rows) {
    const stored = read.get(modelSha, inputSha, p.idx) as { output: Buffer; logits: Buffer } | undefined;
    const output = stored ? fillNaN(decodeFloat32(stored.output), p.output) : p.output;
    const logits = stored ? fillNaN(decodeFloat32(stored.logits), p.logits) : p.logits;
    write.run(modelSha, inputSha, p.idx, encodeFloat32(output), encodeFloat32(logits));
  }
}
