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
  for (let s = 0; s < n; s++) {
    const base = s * a * b;
    for (let i = 0; i < a; i++) for (let j = 0; j < b; j++) out[base + j * a + i] = x[base + i * b + j];
  }
  return out;
}
