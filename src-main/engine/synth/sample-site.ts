// One motif instance drawn from a position frequency matrix, on either strand. Sampling each
// column from the PFM (rather than planting the consensus) gives realistic, variable sites, as in
// the synthetic benchmarks of the PLRP and DeepLIFT papers.
import { reverseComplement } from '../genomics/nucleotides';
import type { Motif } from '../motifs/motif';
import type { Prng } from './prng';

export type Strand = '+' | '-';

export interface SampledSite {
  /** The bases as they appear in the sequence (already reverse-complemented on '-'). */
  bases: string;
  strand: Strand;
}

export function sampleSite(rng: Prng, motif: Motif, strand: Strand): SampledSite {
  let forward = '';
  for (const column of motif.probs) forward += 'ACGT'[rng.nextWeighted(column)];
  return { bases: strand === '+' ? forward : reverseComplement(forward), strand };
}
