// BED of seqlets: name = sign and, when a motif hit overlaps, the best hit's motif; BED score =
// min(1000, −10·log10 p) as for motif hits, so IGV's useScore shading means the same in both files.
import type { Seqlet } from '../seqlets/seqlets';
import { type BedFeature, writeBed } from './bed';

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
 * Written in position order (chromosomes as the sequences first name them, then by start), as
 * genome-browser tools expect a BED; the seqlets come in p-value order.
 */
export async function writeSeqletsBed(path: string, seqlets: readonly Seqlet[], sequenceNames: readonly string[], offsets?: readonly number[]): Promise<void> {
  const placed = [...seqlets].sort((a, b) => a.sequenceIndex - b.sequenceIndex || a.start - b.start).map((s) => seqletToBed(s, sequenceNames, offsets));
  const rank = new Map<string, number>();
  for (const f of placed) if (!rank.has(f.chrom)) rank.set(f.chrom, rank.size);
  placed.sort((a, b) => rank.get(a.chrom)! - rank.get(b.chrom)! || a.start - b.start || a.end - b.end);
  await writeBed(path, placed, 'track name="seqlets" description="recursive seqlets (tangermeme)" useScore=1');
}
