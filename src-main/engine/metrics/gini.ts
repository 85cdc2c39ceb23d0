// Gini index of a relevance vector: the sparsity score of the PLRP paper (higher = sparser).
// Quantus `Sparseness` (Chalasani et al. 2020; Hurley & Rickard 2009), per sample:
// a = |r| / max|r| + 1e-7, sorted ascending, G = Σ_k (2k − n − 1) a_(k) / (n Σ a).
// The 1e-7 is added after the max-normalisation exactly as Quantus does, so the spec's test vectors
// (computed with Quantus) agree to the last digits; it also keeps G defined for an all-zero map (0).

const QUANTUS_OFFSET = 1e-7;

export function gini(values: ArrayLike<number>): number | null {
  const n = values.length;
  if (n === 0) return null;
  let max = 0;
  for (let i = 0; i < n; i++) max = Math.max(max, Math.abs(values[i]));
  const a = new Float64Array(n);
  // An all-zero map has nothing to normalise by; it scores like any constant vector (G = 0).
  // Divide (not multiply by 1/max): 1/max overflows for subnormal maxima.
  const scale = max > 0 ? max : 1;
  for (let i = 0; i < n; i++) a[i] = Math.abs(values[i]) / scale + QUANTUS_OFFSET;
  a.sort();
  let weighted = 0;
  let total = 0;
  for (let k = 1; k <= n; k++) {
    weighted += (2 * k - n - 1) * a[k - 1];
    total += a[k - 1];
  }
  return weighted / (n * total);
}
