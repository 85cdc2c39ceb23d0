// Which entries of a pruning point survive, per sample (../shared/spec/plrp.md, "Which entries are
// pruned"): mass (default), mass-per-sign and count thresholds. This is the TypeScript reference
// (the ONNX Runtime backend prunes inside the generated graph, ../lrp/onnx/onnx-pruning.ts): it
// follows the spec literally — sort ascending, prefix sums in double precision in sorted order,
// with Σ summed in that same order — so the cut falls exactly where the definition puts it.

import type { ThresholdMode } from '../../shared/explain-config';

function absValues(r: Float32Array): Float64Array {
  const v = new Float64Array(r.length);
  for (let i = 0; i < r.length; i++) v[i] = r[i] < 0 ? -r[i] : r[i];
  return v;
}

/** Mass rule on values v ≥ 0: the largest θ whose smallest-first prefix sums to at most p·Σv; null if none. */
export function massThreshold(values: Float64Array, p: number): number | null {
  const sorted = values.sort();
  let total = 0;
  for (let i = 0; i < sorted.length; i++) total += sorted[i];
  const budget = p * total;
  let cum = 0;
  let k = 0;
  while (k < sorted.length && cum + sorted[k] <= budget) cum += sorted[k++];
  return k === 0 ? null : sorted[k - 1];
}

/** keep[i] = 1 for surviving entries of one sample's relevance `r`, 0 for pruned ones. */
export function keepMask(r: Float32Array, p: number, mode: ThresholdMode): Float32Array {
  const n = r.length;
  const keep = new Float32Array(n).fill(1);
  if (p <= 0 || n === 0) return keep;
  if (mode === 'count' || mode === 'mass') {
    let theta: number | null;
    if (mode === 'count') {
      const k = Math.floor(p * n);
      theta = k === 0 ? null : absValues(r).sort()[k - 1];
    } else {
      theta = massThreshold(absValues(r), p);
    }
    if (theta !== null) for (let i = 0; i < n; i++) if ((r[i] < 0 ? -r[i] : r[i]) <= theta) keep[i] = 0;
    return keep;
  }
  // mass-per-sign: non-negative entries by R, negative entries by −R, each with its own budget.
  let nNeg = 0;
  for (let i = 0; i < n; i++) if (r[i] < 0) nNeg++;
  const posVals = new Float64Array(n - nNeg);
  const negVals = new Float64Array(nNeg);
  let ip = 0;
  let ineg = 0;
  for (let i = 0; i < n; i++) if (r[i] < 0) negVals[ineg++] = -r[i]; else posVals[ip++] = r[i];
  const thetaPos = massThreshold(posVals, p);
  const thetaNeg = massThreshold(negVals, p);
  for (let i = 0; i < n; i++) {
    const v = r[i];
    if (v < 0 ? thetaNeg !== null && -v <= thetaNeg : thetaPos !== null && v <= thetaPos) keep[i] = 0;
  }
  return keep;
}
