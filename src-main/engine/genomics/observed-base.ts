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
