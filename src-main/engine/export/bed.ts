// BED6 export (0-based half-open, https://genome.ucsc.edu/FAQ/FAQformat.html#format1) of motif
// hits and seqlets, loadable in IGV, UCSC and JBrowse. The BED score column must be an integer
// 0–1000: for hits we use min(1000, round(−10·log10 p)), a Phred-like significance; seqlet exports
// choose their own score.
import type { MotifHit } from '../motifs/hit';
import { writeFileAtomic } from './atomic-write';

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

export async function writeHitsBed(path: string, hits: Iterable<MotifHit>): Promise<void> {
  await writeFileAtomic(path, formatBed(Array.from(hits, hitToBed), 'track name="motif hits" description="plrp scan (FIMO semantics)" useScore=1'));
}

export async function writeBed(path: string, features: Iterable<BedFeature>, trackLine?: string): Promise<void> {
  await writeFileAtomic(path, formatBed(features, trackLine));
}
