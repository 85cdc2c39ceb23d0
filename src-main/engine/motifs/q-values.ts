// Benjamini–Hochberg q-values, as FIMO computes them (MEME Suite `qvalue.c` with π0 = 1): m is the
// number of windows scanned (all motifs, both strands), the p-values are those of the reported hits,
// q(i) = min over j ≥ i of p(j)·m / j in ascending p order, capped at 1. Windows above the p-value
// threshold are not stored, so they cannot lower a q-value: the result is BH restricted to the
// reported hits, equal to or slightly above (more conservative than) BH over every window.
export function benjaminiHochberg(pValues: ArrayLike<number>, tests: number): Float64Array {
  const n = pValues.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => pValues[a] - pValues[b]);
  const q = new Float64Array(n);
  let running = 1;
  for (let r = n - 1; r >= 0; r--) {
    const i = order[r];
    running = Math.min(running, (pValues[i] * tests) / (r + 1));
    q[i] = running;
  }
  return q;
}
