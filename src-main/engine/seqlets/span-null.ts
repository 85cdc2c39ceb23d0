// Null distributions of span sums for recursive seqlet calling (tangermeme `recursive_seqlets`,
// Schreiber 2024, ../shared/spec/genomics.md "Seqlets"): per-base relevance values of all sequences
// are binned into an n-bin histogram; the distribution of the binned sum of a span of length L is
// the L-fold convolution of that histogram; p(span) = P(null sum bin > observed bin).
import { fft, nextPowerOfTwo } from './fft';

export interface SpanNull {
  xMin: number;
  binWidth: number;
  bins: number;
  maxLength: number;
  /** rcdf[L][b] = P(sum of L null values falls in a bin > b), for L = 1..maxLength. */
  rcdf: Float64Array[];
}

/** Returns null when every value is equal (no spread to rank spans by). */
export function buildSpanNull(tracks: readonly Float32Array[], maxLength: number, bins = 1000): SpanNull | null {
  let xMin = Infinity;
  let xMax = -Infinity;
  let count = 0;
  for (const t of tracks) for (let i = 0; i < t.length; i++) {
    const v = t[i];
    if (v < xMin) xMin = v;
    if (v > xMax) xMax = v;
    count++;
  }
  if (count === 0 || !(xMax > xMin)) return null;
  const binWidth = (xMax - xMin) / (bins - 1);
  const f = new Float64Array(bins);
  for (const t of tracks) for (let i = 0; i < t.length; i++) f[Math.min(bins - 1, Math.floor((t[i] - xMin) / binWidth))] += 1 / count;
  // pdf of a length-L sum = L-th convolution power of f, computed as F^L in the Fourier domain.
  // Rounding leaves |errors| ~1e-15 (clamped at 0), far below the 0.01 threshold scale.
  const size = nextPowerOfTwo((bins - 1) * maxLength + 1);
  const fr = new Float64Array(size);
  const fi = new Float64Array(size);
  fr.set(f);
  fft(fr, fi);
  const pr = Float64Array.from(fr);
  const pi = Float64Array.from(fi);
  const rcdf: Float64Array[] = [new Float64Array(0)];
  for (let len = 1; len <= maxLength; len++) {
    if (len > 1) {
      for (let k = 0; k < size; k++) {
        const r = pr[k] * fr[k] - pi[k] * fi[k];
        pi[k] = pr[k] * fi[k] + pi[k] * fr[k];
        pr[k] = r;
      }
    }
    const re = Float64Array.from(pr);
    const im = Float64Array.from(pi);
    fft(re, im, true);
    const support = (bins - 1) * len + 1;
    const r = new Float64Array(support);
    // Same recurrence as tangermeme (r[0] = 1, r[b] = max(r[b−1] − pdf[b], 0)), so p-values agree.
    r[0] = 1;
    for (let b = 1; b < support; b++) r[b] = Math.max(r[b - 1] - Math.max(re[b], 0), 0);
    rcdf.push(r);
  }
  return { xMin, binWidth, bins, maxLength, rcdf };
}

/** p-value of a span of `length` whose relevance sums to `sum`. */
export function spanPValue(nul: SpanNull, length: number, sum: number): number {
  const r = nul.rcdf[length];
  const b = Math.floor((sum - nul.xMin * length) / nul.binWidth);
  return r[Math.max(0, Math.min(r.length - 1, b))];
}
