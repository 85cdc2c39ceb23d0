import { describe, expect, it } from 'vitest';
import { sortByP } from '../../../../src-main/engine/seqlets/sort-by-p';

function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
}

describe('ordering passing spans by p-value', () => {
  it('orders by p, then by start, for small and large ranges, and leaves the rest of the arrays alone', () => {
    for (const n of [5, 32, 33, 1_000, 20_000]) {
      const r = rng(n);
      // Few distinct p-values (they come from a few tables), so ties are common; starts ascend.
      const levels = Float64Array.from({ length: 17 }, () => r() * 0.01);
      const total = n + 6;
      const starts = Int32Array.from({ length: total }, (_, i) => i * 3);
      const p = Float64Array.from({ length: total }, () => levels[Math.floor(r() * levels.length)]);
      const want = Array.from({ length: n }, (_, i) => i + 3).sort((a, b) => p[a] - p[b] || starts[a] - starts[b]);
      const wantStarts = want.map((i) => starts[i]);
      const wantP = want.map((i) => p[i]);
      const outside = [...starts.subarray(0, 3), ...starts.subarray(n + 3)];
      sortByP(starts, p, 3, n + 3);
      expect(Array.from(starts.subarray(3, n + 3))).toEqual(wantStarts);
      expect(Array.from(p.subarray(3, n + 3))).toEqual(wantP);
      expect([...starts.subarray(0, 3), ...starts.subarray(n + 3)]).toEqual(outside);
    }
  });
});
