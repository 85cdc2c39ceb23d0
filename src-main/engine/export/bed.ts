// BED6 export (0-based half-open, https://genome.ucsc.edu/FAQ/FAQformat.html#format1) of motif
// hits and seqlets, loadable in IGV, UCSC and JBrowse. The BED score column must be an integer
// 0–1000: for hits we use min(1000, round(−10·log10 p)), a Phred-like significance; seqlet exports
// choose their own score.
import type { MotifHit } from '../motifs/hit';
import { writeFileAtomic } from './atomic-write';
import { chromComparator, type ChromOrder } from './chrom-order';

/** A value inside a track line's double quotes: no quote or line break can end it early. */
export function trackLineValue(s: string): string {
  return s.replace(/["\n\r]/g, "'");
}

export interface BedFeature {
  chrom: string;
  start: number;
  end: number;
  name: string;
  /** Integer 0..1000 (clamped). */
  score: number;
  strand: '+' | '-' | '.';
}

export function formatBed(features: Iterable<BedFeature>, trackLine?: string): string {
  const lines: string[] = trackLine ? [trackLine] : [];
  for (const f of features) {
    const score = Math.max(0, Math.min(1000, Math.round(f.score)));
    // BED names and chroms are whitespace-delimited; a space would shift every later column.
    lines.push([f.chrom.replace(/\s/g, '_'), f.start, f.end, f.name.replace(/\s/g, '_'), score, f.strand].join('\t'));
  }
  return lines.join('\n') + (lines.length > 0 ? '\n' : '');
}

export function hitToBed(h: MotifHit): BedFeature {
  return {
    chrom: h.sequenceName,
    start: h.start,
    end: h.end,
    name: h.motifAltId ? `${h.motifId}_${h.motifAltId}` : h.motifId,
    score: h.pValue > 0 ? -10 * Math.log10(h.pValue) : 1000,
    strand: h.strand,
  };
}

/**
 * Features in position order: chromosomes in `order` (./chrom-order), then start, then end, as
 * `sort -k1,1 -k2,2n` leaves a BED for bedToBigBed and IGV's indexer (stable for ties).
 */
export function inPositionOrder(features: readonly BedFeature[], order: ChromOrder): BedFeature[] {
  const byChrom = chromComparator(order, features.map((f) => f.chrom));
  return [...features].sort((a, b) => byChrom(a.chrom, b.chrom) || a.start - b.start || a.end - b.end);
}

/**
 * Each feature once: a later one equal to an earlier one in every column is left out. Overlapping
 * regions of a run scan the same bases, so each finds the hits there (same motif, place and
 * strand, and so the same letters, score and p-value); on the chromosome they are one hit.
 */
export function distinctFeatures(features: readonly BedFeature[]): BedFeature[] {
  const seen = new Set<string>();
  return features.filter((f) => {
    const key = [f.chrom, f.start, f.end, f.name, Math.round(f.score), f.strand].join('\t');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * In position order, as a run's exports write them beside their bedGraph, and a hit that several
 * overlapping regions found once (hits.tsv keeps a line per region, naming it).
 */
export async function writeHitsBed(path: string, hits: Iterable<MotifHit>, order: ChromOrder): Promise<void> {
  // Hits come in p-value order; sorted by sequence first, 'records' ranks chromosomes in the FASTA's order.
  const features = Array.from(hits).sort((a, b) => a.sequenceIndex - b.sequenceIndex).map(hitToBed);
  await writeFileAtomic(path, formatBed(distinctFeatures(inPositionOrder(features, order)), 'track name="motif hits" description="plrp scan (FIMO semantics)" useScore=1'));
}

export async function writeBed(path: string, features: Iterable<BedFeature>, trackLine?: string): Promise<void> {
  await writeFileAtomic(path, formatBed(features, trackLine));
}
