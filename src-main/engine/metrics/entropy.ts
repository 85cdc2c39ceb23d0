// Shannon entropy of the relevance distribution (lower = more concentrated). Quantus `Complexity`
// (Bhatt et al. 2020), per sample: q = |r| / Σ|r|, H = −Σ q ln(q + 1e-12). The 1e-12 is Quantus's
// guard against ln 0; keeping it reproduces the spec's test vectors. Bounds: 0 ≤ H ≤ ln n.

const LOG_GUARD = 1e-12;

/** null for an all-zero map: no distribution to measure. */
export function entropy(values: ArrayLike<number>): number | null {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += Math.abs(values[i]);
  if (!(total > 0) || !Number.isFinite(total)) return null;
  let h = 0;
  for (let i = 0; i < values.length; i++) {
    const q = Math.abs(values[i]) / total;
    h -= q * Math.log(q + LOG_GUARD);
  }
  return h;
}
