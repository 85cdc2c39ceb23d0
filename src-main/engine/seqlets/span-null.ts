// Null distributions of span sums for recursive seqlet calling (tangermeme `recursive_seqlets`,
// Schreiber 2024, ../shared/spec/genomics.md "Seqlets"): per-base relevance values of all sequences
// are binned into an n-bin histogram; the distribution of the binned sum of a span of length L is
// the L-fold convolution of that histogram; p(span) = P(null sum bin > observed bin).

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
  // Relevance histograms are mostly empty bins (a spike near 0, long thin tails): convolve only
  // over the occupied ones.
  const occupied = Array.from(f.keys()).filter((j) => f[j] > 0);
  const rcdf: Float64Array[] = [new Float64Array(0)];
  let pdf = Float64Array.from(f);
  for (let len = 1; len <= maxLength; len++) {
    if (len > 1) {
      const next = new Float64Array((bins - 1) * len + 1);
      for (let i = 0; i < pdf.length; i++) {
        const v = pdf[i];
        if (v === 0) continue;
        for (const j of occupied) next[i + j] += v * f[j];
      }
      pdf = next;
    }
    const r = new Float64Array(pdf.length);
    // Same subtraction order as tangermeme (clamped at 0 against rounding), so p-values agree.
    r[0] = 1;
    for (let b = 1; b < pdf.length; b++) r[b] = Math.max(r[b - 1] - pdf[b], 0);
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
