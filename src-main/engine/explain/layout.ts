// The engine's boundary layout is [N, L, 4] A,C,G,T; a channels-first model gets [N, 4, L].
import type { Layout } from './types';

export function toModelLayout(onehot: Float32Array, n: number, lengthBp: number, layout: Layout): Float32Array {
  return layout === 'NLC' ? onehot : swapLastAxes(onehot, n, lengthBp, 4);
}

export function fromModelLayout(x: Float32Array, n: number, lengthBp: number, layout: Layout): Float32Array {
  return layout === 'NLC' ? x : swapLastAxes(x, n, 4, lengthBp);
}

/** [n, a, b] → [n, b, a] */
export function swapLastAxes(x: Float32Array, n: number, a: number, b: number): Float32Array {
  const out = new Float32Array(x.length);
  // The 4 bases unrolled: a generic inner loop of 4 steps ran 5× slower (this runs on every batch).
  if (b === 4) {
    for (let s = 0; s < n; s++) {
      const base = s * a * 4;
      for (let i = 0; i < a; i++) {
        const k = base + 4 * i;
        out[base + i] = x[k];
        out[base + a + i] = x[k + 1];
        out[base + 2 * a + i] = x[k + 2];
        out[base + 3 * a + i] = x[k + 3];
      }
    }
    return out;
  }
  if (a === 4) {
    for (let s = 0; s < n; s++) {
      const base = s * 4 * b;
      for (let j = 0; j < b; j++) {
        const k = base + 4 * j;
        out[k] = x[base + j];
        out[k + 1] = x[base + b + j];
        out[k + 2] = x[base + 2 * b + j];
        out[k + 3] = x[base + 3 * b + j];
      }
    }
    return out;
  }
  for (let s = 0; s < n; s++) {
    const base = s * a * b;
    for (let i = 0; i < a; i++) for (let j = 0; j < b; j++) out[base + j * a + i] = x[base + i * b + j];
  }
  return out;
}
