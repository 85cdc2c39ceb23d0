// The engine's boundary layout is [N, L, 4] A,C,G,T; a channels-first model gets [N, 4, L].
// The 4 bases are unrolled in both directions: a generic inner loop of 4 steps ran 5× slower, and
// the swap runs on every batch a channels-first model predicts or explains on the reference backend.
import type { Layout } from './types';

const BASES = 4;

export function toModelLayout(onehot: Float32Array, n: number, lengthBp: number, layout: Layout): Float32Array {
  return layout === 'NLC' ? onehot : basesFirst(onehot, n, lengthBp);
}

export function fromModelLayout(x: Float32Array, n: number, lengthBp: number, layout: Layout): Float32Array {
  return layout === 'NLC' ? x : basesLast(x, n, lengthBp);
}

/** [n, L, 4] → [n, 4, L] */
function basesFirst(x: Float32Array, n: number, lengthBp: number): Float32Array {
  const out = new Float32Array(x.length);
  for (let s = 0; s < n; s++) {
    const base = s * lengthBp * BASES;
    for (let i = 0; i < lengthBp; i++) {
      const k = base + BASES * i;
      out[base + i] = x[k];
      out[base + lengthBp + i] = x[k + 1];
      out[base + 2 * lengthBp + i] = x[k + 2];
      out[base + 3 * lengthBp + i] = x[k + 3];
    }
  }
  return out;
}

/** [n, 4, L] → [n, L, 4] */
function basesLast(x: Float32Array, n: number, lengthBp: number): Float32Array {
  const out = new Float32Array(x.length);
  for (let s = 0; s < n; s++) {
    const base = s * BASES * lengthBp;
    for (let j = 0; j < lengthBp; j++) {
      const k = base + BASES * j;
      out[k] = x[base + j];
      out[k + 1] = x[base + lengthBp + j];
      out[k + 2] = x[base + 2 * lengthBp + j];
      out[k + 3] = x[base + 3 * lengthBp + j];
    }
  }
  return out;
}
