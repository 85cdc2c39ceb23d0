// BED of seqlets: name = sign and, when a motif hit overlaps, the best hit's motif; BED score =
// min(1000, −10·log10 p) as for motif hits, so IGV's useScore shading means the same in both files.
import type { Seqlet } from '../seqlets/seqlets';
import { type BedFeature, inPositionOrder, writeBed } from './bed';
import type { ChromOrder } from './chrom-order';

export function seqletToBed(s: Seqlet, sequenceNames: readonly string[], offsets?: readonly number[]): BedFeature {
  const off = offsets?.[s.sequenceIndex] ?? 0;
  const motif = s.bestHit ? `:${s.bestHit.motifAltId || s.bestHit.motifId}` : '';
  return {
    chrom: sequenceNames[s.sequenceIndex] ?? `seq${s.sequenceIndex}`,
    start: off + s.start,
    end: off + s.end,
    name: `${s.sign === 'positive' ? 'pos' : 'neg'}${motif}`,
    score: s.pValue > 0 ? -10 * Math.log10(s.pValue) : 1000,
    strand: '.',
  };
}

/**
 * Written in position order (chromosomes in `order`, ./chrom-order, then by start), as
 * genome-browser tools expect a BED; the seqlets come in p-value order.
 */
export async function writeSeqletsBed(path: string, seqlets: readonly Seqlet[], sequenceNames: readonly string[], offsets?: readonly number[], order: ChromOrder = 'records'): Promise<void> {
  // Sorted by sequence first, so 'records' ranks chromosomes as the sequences first name them.
  const placed = [...seqlets].sort((a, b) => a.sequenceIndex - b.sequenceIndex || a.start - b.start).map((s) => seqletToBed(s, sequenceNames, offsets));
  await writeBed(path, inPositionOrder(placed, order), 'track name="seqlets" description="recursive seqlets (tangermeme)" useScore=1');
}
