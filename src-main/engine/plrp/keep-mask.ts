// Which entries of a pruning point survive, per sample (../shared/spec/plrp.md, "Which entries are
// pruned"). Sums are accumulated in double precision so the cut falls where the reference puts it.
import type { ThresholdMode } from '../../shared/explain-config';

/** Mass mode on values v ≥ 0 (indices `idx` into `v`): marks pruned entries in `pruned`. */
function pruneByMass(v: Float64Array, idx: number[], p: number, pruned: Uint8Array): void {
  if (idx.length === 0) return;
  let total = 0;
  for (const i of idx) total += v[i];
  const budget = p * total;
  const order = idx.slice().sort((a, b) => v[a] - v[b]);
  let cum = 0;
  let k = 0;
  while (k < order.length && cum + v[order[k]] <= budget) {
    cum += v[order[k]];
    k++;
  }
  if (k === 0) return;
  const theta = v[order[k - 1]];
  for (const i of idx) if (v[i] <= theta) pruned[i] = 1;
}

/** keep[i] = 1 for surviving entries of one sample's relevance `r`, 0 for pruned ones. */
export function keepMask(r: Float32Array, p: number, mode: ThresholdMode): Float32Array {
  const n = r.length;
  const pruned = new Uint8Array(n);
  if (p > 0) {
    if (mode === 'count') {
      const k = Math.floor(p * n);
      if (k > 0) {
        const abs = Array.from(r, Math.abs).sort((a, b) => a - b);
        const theta = abs[k - 1];
        for (let i = 0; i < n; i++) if (Math.abs(r[i]) <= theta) pruned[i] = 1;
      }
    } else if (mode === 'mass') {
      const v = Float64Array.from(r, Math.abs);
      pruneByMass(v, [...Array(n).keys()], p, pruned);
    } else {
      // mass-per-sign: positive (and zero) entries by R, negative entries by −R, each with its own budget.
      const v = Float64Array.from(r, Math.abs);
      const positive: number[] = [];
      const negative: number[] = [];
      for (let i = 0; i < n; i++) (r[i] < 0 ? negative : positive).push(i);
      pruneByMass(v, positive, p, pruned);
      pruneByMass(v, negative, p, pruned);
    }
  }
  const keep = new Float32Array(n);
  for (let i = 0; i < n; i++) keep[i] = pruned[i] ? 0 : 1;
  return keep;
}
