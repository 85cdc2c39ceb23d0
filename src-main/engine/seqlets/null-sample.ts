// Which relevance the seqlet null is built from: the input's first sequences, in input order, up
// to NULL_SAMPLE_SEQUENCES or NULL_SAMPLE_BASES (at least one sequence), per explanation. A fixed
// sample makes a sequence's seqlets independent of the batches it was explained in, the number of
// workers and resumes: the run service, `plrp explain`, a merge of shards and `runs import` all
// call the same seqlets. The null used to be built per batch, so the same sequence got other
// seqlets when the batch size changed. A null per sequence would cost one 32k-point FFT
// convolution per sequence and sign (about 40 ms for a 200-bp sequence, 200× the calling itself);
// one null over every sequence of the run would hold every seqlet back until the run ends.
import { nullHistogram, type NullHistogram } from './span-null';

/** The same bounds as a run's batch (run-job.ts), so a run's first batch used to be this sample. */
export const NULL_SAMPLE_SEQUENCES = 1024;
export const NULL_SAMPLE_BASES = 256_000;

/** How many leading sequences (of these lengths, in input order) form the null sample. */
export function nullSampleSize(lengths: readonly number[], maxSequences = NULL_SAMPLE_SEQUENCES): number {
  let bases = 0;
  let n = 0;
  for (const l of lengths) {
    if (n >= maxSequences || (n > 0 && bases + l > NULL_SAMPLE_BASES)) break;
    bases += l;
    n++;
  }
  return n;
}

/** Histograms of an explanation's sample for positive and negative seqlets (null: a constant sample, no seqlets of that sign). */
export interface SeqletNulls {
  positive: NullHistogram | null;
  negative: NullHistogram | null;
}

/** The nulls from the sample's observed-base relevance tracks (already cut to the sample). */
export function seqletNulls(sample: readonly Float32Array[], bins = 1000): SeqletNulls {
  return { positive: nullHistogram(sample, bins), negative: nullHistogram(sample.map((t) => t.map((v) => -v)), bins) };
}

/** The nulls of tracks given in input order: built from their leading sample. */
export function seqletNullsOfLeading(tracks: readonly Float32Array[], bins = 1000): SeqletNulls {
  return seqletNulls(tracks.slice(0, nullSampleSize(tracks.map((t) => t.length))), bins);
}
