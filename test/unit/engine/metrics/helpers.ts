// Shared builders for the metrics tests: one-hot DNA and an analytic linear "model".
export const BASES = 'ACGT';

export function oneHot(seq: string): Float32Array {
  const x = new Float32Array(seq.length * 4);
  for (let i = 0; i < seq.length; i++) {
    const c = BASES.indexOf(seq[i]);
    if (c >= 0) x[i * 4 + c] = 1;
  }
  return x;
}

export function decode(x: Float32Array, lengthBp: number): string {
  let s = '';
  for (let i = 0; i < lengthBp; i++) {
    const c = [0, 1, 2, 3].find((k) => x[i * 4 + k] === 1);
    s += c === undefined ? 'N' : BASES[c];
  }
  return s;
}

/** f(x) = Σ W ⊙ x + b per sample; its exact relevance decomposition is W ⊙ x. */
export function linearModel(weights: Float32Array, bias = 0) {
  const perSample = weights.length;
  const predict = async (batch: Float32Array, n: number): Promise<Float64Array> => {
    const out = new Float64Array(n);
    for (let s = 0; s < n; s++) {
      let v = bias;
      for (let i = 0; i < perSample; i++) v += weights[i] * batch[s * perSample + i];
      out[s] = v;
    }
    return out;
  };
  const explain = async (batch: Float32Array, n: number): Promise<Float32Array> => {
    const out = new Float32Array(n * perSample);
    for (let i = 0; i < out.length; i++) out[i] = weights[i % perSample] * batch[i];
    return out;
  };
  return { predict, explain };
}

/** [L, 4] relevance with value r[i] on the observed base of each position. */
export function relevanceOnBase(onehot: Float32Array, r: number[]): Float32Array {
  const out = new Float32Array(onehot.length);
  for (let i = 0; i < r.length; i++) for (let c = 0; c < 4; c++) out[i * 4 + c] = onehot[i * 4 + c] * r[i];
  return out;
}
