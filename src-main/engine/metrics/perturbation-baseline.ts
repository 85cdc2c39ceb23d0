// What a removed region is replaced with in the faithfulness curve (../shared/spec/metrics.md):
// `uniform` (0.25 in each channel: "any base", the default — it carries no information and stays on
// the simplex the model was trained on), `zero` (the N encoding) or `shuffle` (the same positions of
// a seeded dinucleotide-shuffled copy of the sequence).
import { dinucleotideShuffle } from './dinucleotide-shuffle';
import type { Rng } from './rng';

export type BaselineKind = 'uniform' | 'zero' | 'shuffle';
export const BASELINE_KINDS: readonly BaselineKind[] = ['uniform', 'zero', 'shuffle'];

/** A full [L, 4] replacement sequence; perturbation copies its rows into the removed windows. */
export function baselineSequence(kind: BaselineKind, onehot: Float32Array, lengthBp: number, rng: Rng): Float32Array {
  switch (kind) {
    case 'uniform':
      return new Float32Array(lengthBp * 4).fill(0.25);
    case 'zero':
      return new Float32Array(lengthBp * 4);
    case 'shuffle':
      return dinucleotideShuffle(onehot, lengthBp, rng);
  }
}
