// The model as the model-dependent metrics see it: two batched callbacks, so the metrics run on any
// backend (ONNX Runtime, the reference interpreter, a worker pool, an analytic test model). Every
// tensor is one-hot-like [n, L, 4] in A,C,G,T order, as across ../explain/types.ts.

/** The target output's logit for each of n sequences. */
export type PredictTargetLogit = (batch: Float32Array, n: number) => Promise<Float64Array | Float32Array>;

/** The [n, L, 4] relevance of each of n sequences, for one fixed explanation config and target. */
export type ExplainBatch = (batch: Float32Array, n: number) => Promise<Float32Array>;

/**
 * Runs `call` on at most `maxBatch` sequences at a time and concatenates the results: every call is
 * an ONNX Runtime run, so we batch, but a bounded batch keeps memory flat for long sequences.
 */
export async function inChunks<T extends Float32Array | Float64Array>(
  batch: Float32Array,
  n: number,
  perSample: number,
  maxBatch: number,
  call: (chunk: Float32Array, count: number) => Promise<T>,
  outPerSample: number,
): Promise<Float64Array> {
  const out = new Float64Array(n * outPerSample);
  const step = Math.max(1, Math.floor(maxBatch));
  for (let s = 0; s < n; s += step) {
    const count = Math.min(step, n - s);
    const res = await call(batch.subarray(s * perSample, (s + count) * perSample), count);
    if (res.length !== count * outPerSample) {
      throw new Error(`model callback returned ${res.length} values for ${count} sequences, expected ${count * outPerSample}`);
    }
    out.set(res, s * outPerSample);
  }
  return out;
}
