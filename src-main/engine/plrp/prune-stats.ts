// Per-sample statistics of one pruning point, computed where the pruning runs (in the generated
// graph on ONNX Runtime, in TypeScript on the reference backend) so only [N, 8] numbers leave it.
// Column order is PRUNE_STATS. Diagnostics only: the graph sums in float32, this reference in double.
import type { HostArray } from '../lrp/algebra';

export const PRUNE_STATS = ['prunedCount', 'keptCount', 'prunedMass', 'totalMass', 'signFlips', 'sumBefore', 'sumAfter', 'massAfter'] as const;

/** Reference implementation: before/after/keep are [N, …] with the same per-sample size. */
export function pruneStatsOnHost(before: HostArray, after: HostArray, keep: HostArray): HostArray {
  const n = before.dims[0];
  const size = before.data.length / n;
  const out = new Float32Array(n * PRUNE_STATS.length);
  for (let b = 0; b < n; b++) {
    let pruned = 0, prunedMass = 0, mass = 0, flips = 0, sumBefore = 0, sumAfter = 0, massAfter = 0;
    for (let i = b * size; i < (b + 1) * size; i++) {
      const v = before.data[i];
      const a = after.data[i];
      const abs = v < 0 ? -v : v;
      mass += abs;
      sumBefore += v;
      sumAfter += a;
      massAfter += a < 0 ? -a : a;
      if (keep.data[i] === 0) { pruned++; prunedMass += abs; } else if (v * a < 0) flips++;
    }
    out.set([pruned, size - pruned, prunedMass, mass, flips, sumBefore, sumAfter, massAfter], b * PRUNE_STATS.length);
  }
  return { dims: [n, PRUNE_STATS.length], data: out };
}
