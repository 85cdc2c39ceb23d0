// PLRP layer relevance in the cache: what the relevance looked like at each pruning point before and
// after pruning (filters × positions). These tensors are large (channels × positions per point per
// window, twice), so they are stored for a bounded subset only — the first LAYER_SEQUENCES sequences
// of a run and the first LAYER_WINDOWS model windows of each — enough to inspect what PLRP kept and
// pruned without multiplying the cache size by the model's width. Blobs are deflated float32.
import type Database from 'better-sqlite3';
import { decodeFloat32, encodeFloat32 } from './blob-codec';
import type { LayerWrite } from './cache-types';

/** Sequences (by index) whose layer relevance is kept. */
export const LAYER_SEQUENCES = 8;
/** Model windows per sequence whose layer relevance is kept (long sequences are tiled). */
export const LAYER_WINDOWS = 4;

export function wantsLayers(idx: number): boolean {
  return idx < LAYER_SEQUENCES;
}

export function writeLayers(db: Database.Database, layers: LayerWrite[]): void {
  const insert = db.prepare(`INSERT OR IGNORE INTO layer_relevance (expl_key, idx, win, position, point, shape_json, before, after)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
  for (const l of layers) {
    if (!wantsLayers(l.idx) || l.window >= LAYER_WINDOWS) continue;
    insert.run(l.explKey, l.idx, l.window, l.position, l.point, JSON.stringify(l.shape), encodeFloat32(l.before), encodeFloat32(l.after));
  }
}

export interface StoredLayerIndex {
  windows: number;
  /** Pruning points in model order. */
  points: string[];
}

export function layerIndex(db: Database.Database, explKey: string, idx: number): StoredLayerIndex {
  const wins = db.prepare('SELECT COUNT(DISTINCT win) FROM layer_relevance WHERE expl_key = ? AND idx = ?').pluck().get(explKey, idx) as number;
  const points = db.prepare('SELECT DISTINCT point FROM layer_relevance WHERE expl_key = ? AND idx = ? ORDER BY position').pluck().all(explKey, idx) as string[];
  return { windows: wins, points };
}

export function readLayer(db: Database.Database, explKey: string, idx: number, window: number, point: string): { shape: number[]; before: Float32Array; after: Float32Array } | null {
  const row = db.prepare('SELECT shape_json, before, after FROM layer_relevance WHERE expl_key = ? AND idx = ? AND win = ? AND point = ?')
    .get(explKey, idx, window, point) as { shape_json: string; before: Buffer; after: Buffer } | undefined;
  return row ? { shape: JSON.parse(row.shape_json) as number[], before: decodeFloat32(row.before), after: decodeFloat32(row.after) } : null;
}
