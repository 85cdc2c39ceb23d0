// Thresholds without a full sort: a three-way quickselect over a scratch copy of the values, O(n)
// expected. It runs for every sample at every pruning point (tensors of ~10⁵ entries), where a
// sort measured ~10× slower. Three-way partitioning keeps the many exact zeros of post-ReLU
// relevance from degrading it. Sums are in double precision.

function partition3(a: Float64Array, lo: number, hi: number): { lt: number; gt: number; pivot: number } {
  const mid = (lo + hi) >>> 1;
  const x = a[lo], y = a[mid], z = a[hi - 1];
  const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y; // median of three
  let lt = lo, i = lo, gt = hi;
  while (i < gt) {
    const v = a[i];
    if (v < pivot) { a[i] = a[lt]; a[lt++] = v; i++; }
    else if (v > pivot) { a[i] = a[--gt]; a[gt] = v; }
    else i++;
  }
  return { lt, gt, pivot };
}

/**
 * Mass mode on values v ≥ 0 (`a` is reordered): the largest θ such that the entries ≤ θ taken
 * smallest first sum to at most p·Σv (../shared/spec/plrp.md); null when not even the smallest fits.
 */
export function massThreshold(a: Float64Array, p: number): number | null {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += a[i];
  const budget = p * total;
  let cum = 0;
  let theta: number | null = null;
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const { lt, gt, pivot } = partition3(a, lo, hi);
    let sumLess = 0;
    let maxLess = -Infinity;
    for (let i = lo; i < lt; i++) { sumLess += a[i]; if (a[i] > maxLess) maxLess = a[i]; }
    if (cum + sumLess > budget) { hi = lt; continue; }
    cum += sumLess;
    if (lt > lo) theta = maxLess;
    let taken = 0;
    for (let i = lt; i < gt && cum + pivot <= budget; i++) { cum += pivot; taken++; }
    if (taken > 0) theta = pivot;
    if (taken < gt - lt) break;
    lo = gt;
  }
  return theta;
}

/** The k-th smallest value (1-based) of `a` (reordered). */
export function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length;
  const target = k - 1;
  for (;;) {
    const { lt, gt, pivot } = partition3(a, lo, hi);
    if (target < lt) hi = lt;
    else if (target < gt) return pivot;
    else lo = gt;
  }
}
