// Batching helpers over the engine's tiling (../genomics/tiling): window starts in sequence
// coordinates (negative when a short sequence is centred in padding), one-hot encoding of a window
// straight into a batch slot, and the mean over windows mapped back to the sequence.
import { encodeOneHotInto, type UnknownEncoding } from '../genomics/one-hot';
import { mergeTileRelevance, planTiles, type Tile } from '../genomics/tiling';

/** Start (bp, in sequence coordinates) of each window; negative when the sequence is padded. */
export function windowStarts(lengthBp: number, windowBp: number): number[] {
  return planTiles(lengthBp, windowBp).map((t) => t.start - t.padLeft);
}

/**
 * The bases each model window of a sequence covers (0-based, end exclusive), in window order. An
 * any-length model (windowBp 0) explains a sequence in one window.
 */
export function windowSpans(lengthBp: number, windowBp: number): { startBp: number; endBp: number }[] {
  if (windowBp <= 0 || lengthBp === 0) return [{ startBp: 0, endBp: lengthBp }];
  return planTiles(lengthBp, windowBp).map((t) => ({ startBp: t.start, endBp: t.start + t.lengthBp }));
}

function tileAt(start: number, lengthBp: number, windowBp: number): Tile {
  const from = Math.max(0, start);
  const real = Math.min(lengthBp, start + windowBp) - from;
  const padLeft = from - start;
  return { start: from, lengthBp: real, padLeft, padRight: windowBp - padLeft - real };
}

/** Writes the one-hot of window [start, start + windowBp) of `letters` into `out` at window slot `slot`. */
export function encodeWindow(letters: string, start: number, windowBp: number, out: Float32Array, slot: number, unknown: UnknownEncoding = 'zeros'): void {
  const t = tileAt(start, letters.length, windowBp);
  const base = slot * windowBp;
  // Padding is the unknown column: zeros, or 0.25 per channel in 'quarter' mode.
  if (unknown === 'quarter') out.fill(0.25, base * 4, (base + windowBp) * 4);
  if (t.lengthBp > 0) {
    if (unknown === 'quarter') out.fill(0, (base + t.padLeft) * 4, (base + t.padLeft + t.lengthBp) * 4);
    encodeOneHotInto(letters.slice(t.start, t.start + t.lengthBp), out, base + t.padLeft, unknown);
  }
}

/** Mean over windows of per-window [windowBp, 4] relevance, mapped back to the sequence. */
export function mergeWindows(lengthBp: number, windowBp: number, starts: number[], windows: Float32Array[]): Float32Array {
  if (starts.length === 1 && starts[0] === 0 && lengthBp === windowBp) return windows[0];
  return mergeTileRelevance(lengthBp, starts.map((s) => tileAt(s, lengthBp, windowBp)), windows, 4).relevance;
}

/** One window of a batch: which sequence, and where it starts. */
export interface WindowRef {
  seq: number;
  start: number;
  /** Which of its sequence's windows this is (0 = the first). */
  ordinal: number;
}

export interface BatchWindows {
  /** Windows grouped by their length: one group for fixed-length models, one per length otherwise. */
  groups: Map<number, WindowRef[]>;
  /** Per sequence: its window length and window starts. */
  bySequence: { windowBp: number; starts: number[] }[];
}

/** The windows a batch of sequences is explained in; `fixedBp` is the model's input length (0: any). */
export function batchWindows(lengths: number[], fixedBp: number): BatchWindows {
  const groups = new Map<number, WindowRef[]>();
  const bySequence = lengths.map((lengthBp, seq) => {
    const windowBp = fixedBp || lengthBp;
    const starts = windowStarts(lengthBp, windowBp);
    const g = groups.get(windowBp) ?? [];
    starts.forEach((start, ordinal) => g.push({ seq, start, ordinal }));
    groups.set(windowBp, g);
    return { windowBp, starts };
  });
  return { groups, bySequence };
}
