// Observed-base relevance: the [L, 4] relevance map projected onto the letters actually present
// (Σ_c R[i,c]·X[i,c]), the per-base track that seqlet calling, motif weighting and bedGraph export
// use — the "projected attributions" of tangermeme and tfmodisco-lite. Unknown bases encoded as
// zeros get 0; encoded as 0.25 they get the channel mean.
export function observedBaseRelevance(relevance: Float32Array, oneHot: Float32Array): Float32Array {
  const l = oneHot.length / 4;
  const out = new Float32Array(l);
  for (let i = 0; i < l; i++) {
    const b = i * 4;
    out[i] = relevance[b] * oneHot[b] + relevance[b + 1] * oneHot[b + 1] + relevance[b + 2] * oneHot[b + 2] + relevance[b + 3] * oneHot[b + 3];
  }
  return out;
}

/**
 * Observed-base relevance [L] of an [L, 4] map of a one-hot input, where only the present base
 * carries relevance: the channel sum (what the run's worker and the run's seqlet null use).
 */
export function observedFromChannels(r: Float32Array): Float32Array {
  const out = new Float32Array(r.length / 4);
  for (let i = 0; i < out.length; i++) out[i] = r[4 * i] + r[4 * i + 1] + r[4 * i + 2] + r[4 * i + 3];
  return out;
}
