// Fitting sequences of any length to a model's fixed input (../shared/spec/genomics.md): a shorter
// sequence is centred and padded with the unknown column; a longer one is tiled with a stride of
// half the input, the last window flush with the end, and each base's relevance is the mean over
// the windows that cover it, so a long locus gets one continuous track.
import { encodeOneHotInto, type UnknownEncoding } from '../genomics/one-hot';

/** Start (bp, in sequence coordinates) of each window; negative when the sequence is padded. */
export function windowStarts(lengthBp: number, windowBp: number): number[] {
  if (lengthBp <= windowBp) return [-Math.floor((windowBp - lengthBp) / 2)];
  const stride = Math.max(1, Math.floor(windowBp / 2));
  const starts: number[] = [];
  for (let s = 0; s + windowBp < lengthBp; s += stride) starts.push(s);
  starts.push(lengthBp - windowBp);
  return starts;
}

/** Writes the one-hot of window [start, start + windowBp) of `letters` into `out` at window slot `slot`. */
export function encodeWindow(letters: string, start: number, windowBp: number, out: Float32Array, slot: number, unknown: UnknownEncoding = 'zeros'): void {
  const from = Math.max(0, start);
  const to = Math.min(letters.length, start + windowBp);
  const base = slot * windowBp;
  if (unknown === 'quarter') out.fill(0.25, base * 4, (base + windowBp) * 4);
  if (to > from) {
    if (unknown === 'quarter') out.fill(0, (base + from - start) * 4, (base + to - start) * 4);
    encodeOneHotInto(letters.slice(from, to), out, base + from - start, unknown);
  }
}

/** Mean over windows of per-window [windowBp, 4] relevance, mapped back to the sequence. */
export function mergeWindows(lengthBp: number, windowBp: number, starts: number[], windows: Float32Array[]): Float32Array {
  if (starts.length === 1 && starts[0] === 0 && lengthBp === windowBp) return windows[0];
  const sum = new Float32Array(lengthBp * 4);
  const count = new Uint16Array(lengthBp);
  starts.forEach((start, w) => {
    const from = Math.max(0, start);
    const to = Math.min(lengthBp, start + windowBp);
    const rel = windows[w];
    for (let i = from; i < to; i++) {
      count[i]++;
      const src = (i - start) * 4;
      for (let c = 0; c < 4; c++) sum[i * 4 + c] += rel[src + c];
    }
  });
  for (let i = 0; i < lengthBp; i++) {
    if (count[i] > 1) for (let c = 0; c < 4; c++) sum[i * 4 + c] /= count[i];
  }
  return sum;
}
