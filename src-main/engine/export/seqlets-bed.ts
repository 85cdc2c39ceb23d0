// BED of seqlets: name = sign and, when a motif hit overlaps, the best hit's motif; BED score =
// min(1000, −10·log10 p) as for motif hits, so IGV's useScore shading means the same in both files.
// Regions of a genome put the region's name first (`peakA:pos:CTCF`): each region is explained
// on its own, so overlapping regions call their own seqlets over the same bases, which may differ
// (`peakA:pos` and `peakB:neg` on one span), and every line says whose it is. A plain FASTA's
// records are each their own chromosome, which the first column names already.
import type { Seqlet } from '../seqlets/seqlets';
import { type BedFeature, inPositionOrder, trackLineValue, writeBed } from './bed';
import type { ChromOrder } from './chrom-order';

/** Where a run's sequences lie: chromosome and offset per sequence, and, for regions, their names. */
export interface SeqletPlaces {
  chroms: readonly string[];
  offsets?: readonly number[];
  /** Region names by sequence index: given, each seqlet's BED name starts with its region's. */
  regionNames?: readonly string[];
}

export function seqletToBed(s: Seqlet, places: SeqletPlaces): BedFeature {
  const off = places.offsets?.[s.sequenceIndex] ?? 0;
  const motif = s.bestHit ? `:${s.bestHit.motifAltId || s.bestHit.motifId}` : '';
  const region = places.regionNames ? `${places.regionNames[s.sequenceIndex] ?? `seq${s.sequenceIndex}`}:` : '';
  return {
    chrom: places.chroms[s.sequenceIndex] ?? `seq${s.sequenceIndex}`,
    start: off + s.start,
    end: off + s.end,
    name: `${region}${s.sign === 'positive' ? 'pos' : 'neg'}${motif}`,
    score: s.pValue > 0 ? -10 * Math.log10(s.pValue) : 1000,
    strand: '.',
  };
}

/**
 * Written in position order (chromosomes in `order`, ./chrom-order, then by start), as
 * genome-browser tools expect a BED; the seqlets come in p-value order. The track is named after
 * its explanation (`seqlets plrp-lambda-p0.3`), so several loaded together in IGV stay apart.
 */
export async function writeSeqletsBed(path: string, seqlets: readonly Seqlet[], places: SeqletPlaces, order: ChromOrder = 'records', explanationId?: string): Promise<void> {
  // Sorted by sequence first, so 'records' ranks chromosomes as the sequences first name them.
  const placed = [...seqlets].sort((a, b) => a.sequenceIndex - b.sequenceIndex || a.start - b.start).map((s) => seqletToBed(s, places));
  await writeBed(path, inPositionOrder(placed, order), `track name="${trackName(explanationId)}" description="recursive seqlets (tangermeme)" useScore=1`);
}

/** A track line's name: no double quote or line break inside it. */
function trackName(explanationId: string | undefined): string {
  return explanationId ? `seqlets ${trackLineValue(explanationId)}` : 'seqlets';
}
