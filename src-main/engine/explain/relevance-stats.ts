// Per-sequence summary numbers the run list and sequence table show (sum, |sum|, min, max of the
// per-position relevance), computed by the workers for the run cache and for imported runs alike.
export function relevanceStats(relevance: Float32Array): { sum: number; absSum: number; min: number; max: number } {
  let sum = 0;
  let absSum = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < relevance.length; i += 4) {
    const r = relevance[i] + relevance[i + 1] + relevance[i + 2] + relevance[i + 3];
    sum += r;
    absSum += Math.abs(r);
    if (r < min) min = r;
    if (r > max) max = r;
  }
  return { sum, absSum, min: min === Infinity ? 0 : min, max: max === -Infinity ? 0 : max };
}
