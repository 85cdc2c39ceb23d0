// Reverse-complement averaging: explain the sequence and its reverse complement, map the second
// explanation back onto forward coordinates and average. With one-hot rows in A,C,G,T order the
// complement of a row is the row read backwards (A↔T, C↔G), so reverse complement = reverse the
// row order and reverse each row.

/** Reverse complement of a one-hot (or any [L, 4] A,C,G,T) array. */
export function reverseComplementOneHot(x: Float32Array): Float32Array {
  const l = x.length / 4;
  const out = new Float32Array(x.length);
  for (let i = 0; i < l; i++) {
    const src = (l - 1 - i) * 4;
    for (let c = 0; c < 4; c++) out[i * 4 + c] = x[src + 3 - c];
  }
  return out;
}

/**
 * Maps relevance computed on the reverse-complement input back to forward coordinates:
 * [L, 4] maps are reverse-complemented like the input; [L] observed-base tracks are reversed.
 */
export function relevanceFromReverseStrand(r: Float32Array, channels: 1 | 4): Float32Array {
  if (channels === 4) return reverseComplementOneHot(r);
  return r.slice().reverse();
}

/** Mean of the forward explanation and the mapped-back reverse one. */
export function averageStrands(forward: Float32Array, reverseMapped: Float32Array): Float32Array {
  const out = new Float32Array(forward.length);
  for (let i = 0; i < out.length; i++) out[i] = (forward[i] + reverseMapped[i]) / 2;
  return out;
}
