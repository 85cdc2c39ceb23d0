// Relevance rank accuracy (Arras, Osman & Samek 2022): with K = |GT|, the share of the K
// highest-relevance positions that lie in the ground truth.
// Ties at the cut-off (common in sparse PLRP maps, where many positions are exactly 0) are scored
// by their expectation under a random tie-break: the remaining slots are shared out in proportion to
// the GT fraction of the tied group. A fixed tie-break by index would reward or punish a map for
// where the motif happens to sit.

/** null without ground truth (or with an empty one). */
export function relevanceRankAccuracy(
  r: ArrayLike<number>,
  groundTruth: ArrayLike<number | boolean> | null | undefined,
): number | null {
  if (!groundTruth) return null;
  const n = r.length;
  if (groundTruth.length !== n) throw new Error(`ground truth has ${groundTruth.length} positions, relevance ${n}`);
  let k = 0;
  for (let i = 0; i < n; i++) if (groundTruth[i]) k++;
  if (k === 0) return null;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => r[b] - r[a]);
  let hits = 0;
  let taken = 0;
  let start = 0;
  while (taken < k && start < n) {
    // The group of positions tied with order[start].
    let end = start + 1;
    while (end < n && r[order[end]] === r[order[start]]) end++;
    const size = end - start;
    let gtInGroup = 0;
    for (let j = start; j < end; j++) if (groundTruth[order[j]]) gtInGroup++;
    const slots = Math.min(size, k - taken);
    hits += slots === size ? gtInGroup : (slots * gtInGroup) / size;
    taken += slots;
    start = end;
  }
  return hits / k;
}
