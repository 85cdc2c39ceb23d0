// Fitting sequences to a model's fixed input length (../shared/spec/genomics.md "Sequences and
// encoding"): longer ones are tiled with a stride (default half the window) and the last window is
// aligned to the sequence end so every base is covered; per-base relevance is the mean over the
// windows covering each base, giving one continuous track. Shorter ones are padded on both sides
// (centred) with N — the unknown column — and the padding is reported so tracks can mark it.
import { AppError } from '../../shared/errors';

export interface Tile {
  /** Sequence coordinate of the window's first real base. */
  start: number;
  /** Number of real bases in the window. */
  lengthBp: number;
  /** N bases added before / after the real bases (non-zero only for short sequences). */
  padLeft: number;
  padRight: number;
}

export function defaultStride(windowBp: number): number {
  return Math.max(1, Math.floor(windowBp / 2));
}

export function planTiles(lengthBp: number, windowBp: number, strideBp = defaultStride(windowBp)): Tile[] {
  if (!Number.isInteger(windowBp) || windowBp < 1 || !Number.isInteger(strideBp) || strideBp < 1 || strideBp > windowBp) {
    // A stride longer than the window would leave bases no window covers.
    throw new AppError('BAD_CONFIG', `tiling stride must be a whole number from 1 to the window length (${windowBp} bp), got ${strideBp}`);
  }
  if (lengthBp <= windowBp) {
    const pad = windowBp - lengthBp;
    const padLeft = Math.floor(pad / 2);
    return [{ start: 0, lengthBp, padLeft, padRight: pad - padLeft }];
  }
  const tiles: Tile[] = [];
  for (let s = 0; s + windowBp <= lengthBp; s += strideBp) tiles.push({ start: s, lengthBp: windowBp, padLeft: 0, padRight: 0 });
  const last = tiles[tiles.length - 1];
  if (last.start + windowBp < lengthBp) tiles.push({ start: lengthBp - windowBp, lengthBp: windowBp, padLeft: 0, padRight: 0 });
  return tiles;
}

/** The window's letters, N-padded to the model length. */
export function tileSequence(sequence: string, tile: Tile): string {
  return 'N'.repeat(tile.padLeft) + sequence.slice(tile.start, tile.start + tile.lengthBp) + 'N'.repeat(tile.padRight);
}

/** 1 where a window position is padding, 0 where it holds a real base. */
export function paddingMask(tile: Tile): Uint8Array {
  const mask = new Uint8Array(tile.padLeft + tile.lengthBp + tile.padRight);
  mask.fill(1, 0, tile.padLeft);
  mask.fill(1, tile.padLeft + tile.lengthBp);
  return mask;
}

/**
 * Averages per-window relevance back onto the sequence. Each window's relevance is
 * [windowBp × channels] (channels = 1 for observed-base tracks, 4 for full [L, 4] maps); padding
 * positions are dropped. Returns [lengthBp × channels] and how many windows covered each base.
 */
export function mergeTileRelevance(lengthBp: number, tiles: readonly Tile[], relevance: readonly Float32Array[], channels = 1): { relevance: Float32Array; coverage: Uint16Array } {
  const sum = new Float64Array(lengthBp * channels);
  const coverage = new Uint16Array(lengthBp);
  tiles.forEach((t, w) => {
    const r = relevance[w];
    for (let i = 0; i < t.lengthBp; i++) {
      const pos = t.start + i;
      coverage[pos]++;
      const src = (t.padLeft + i) * channels;
      for (let c = 0; c < channels; c++) sum[pos * channels + c] += r[src + c];
    }
  });
  const out = new Float32Array(lengthBp * channels);
  for (let pos = 0; pos < lengthBp; pos++) {
    const n = coverage[pos];
    if (n > 0) for (let c = 0; c < channels; c++) out[pos * channels + c] = sum[pos * channels + c] / n;
  }
  return { relevance: out, coverage };
}
