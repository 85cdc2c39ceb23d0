// Random background DNA for synthetic sequences: independent bases with a chosen GC content
// (P(G) = P(C) = gc/2, P(A) = P(T) = (1 − gc)/2), the null model FIMO and the paper's synthetic
// benchmark assume, so planted motifs are the only structure a model can learn.
import type { Prng } from './prng';

const BASES = 'ACGT';

export function backgroundWeights(gc: number): [number, number, number, number] {
  if (!(gc > 0 && gc < 1)) throw new RangeError(`GC content must be in (0, 1); got ${gc}`);
  return [(1 - gc) / 2, gc / 2, gc / 2, (1 - gc) / 2];
}

export function randomBackground(rng: Prng, lengthBp: number, gc: number): string[] {
  const w = backgroundWeights(gc);
  const out = new Array<string>(lengthBp);
  for (let i = 0; i < lengthBp; i++) out[i] = BASES[rng.nextWeighted(w)];
  return out;
}
