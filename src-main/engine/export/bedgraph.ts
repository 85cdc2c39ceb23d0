// bedGraph export of per-base relevance (one file per explanation method;
// https://genome.ucsc.edu/goldenPath/help/bedgraph.html): 0-based half-open, runs of equal values
// merged, overlapping regions averaged per base. Load in IGV as a bar chart, or — with the observed-base values written here — as a
// letter-height track scaled by relevance (IGV's / UCSC's dynseq display).
import { writeFileAtomic } from './atomic-write';
import { trackLineValue } from './bed';
import { formatG } from './format-number';
import type { ChromOrder } from './chrom-order';
import { bedGraphOrder, countOverlaps, OverlapAverager, overlapNote } from './overlap-average';

export interface RelevanceTrack {
  /** Chromosome / sequence name as the genome browser knows it. */
  chrom: string;
  /** Coordinate of values[0] on chrom (region start for windows fetched from a genome; 0 otherwise). */
  offset: number;
  /** One value per base (observed-base relevance). */
  values: Float32Array;
  /** Optional 1 = padding/uncovered base, not written. */
  mask?: Uint8Array;
}

/**
 * The track line every relevance bedGraph starts with (`plrp explain --export`, `plrp runs
 * export`, the app's export), named `relevance <explanation id>` in all three.
 */
export function bedGraphTrackLine(name: string, description: string): string {
  return `track type=bedGraph name="${trackLineValue(name)}" description="${trackLineValue(description)}" visibility=full autoScale=on\n`;
}

/**
 * One track of every sequence, placed on its chromosome. Regions that overlap are averaged per base
 * (engine/export/overlap-average.ts) and the track's description says so: a bedGraph's intervals
 * may not overlap. Chromosomes come in `chromOrder` (./chrom-order), positions ascending in each.
 */
export function formatBedGraph(tracks: Iterable<RelevanceTrack>, trackName: string, description = '', chromOrder: ChromOrder = 'records'): string {
  const all = [...tracks].map((t) => ({ ...t, chrom: t.chrom.replace(/\s/g, '_'), lengthBp: t.values.length }));
  const overlaps = countOverlaps(all);
  const about = (description || trackName) + (overlaps > 0 ? `; ${overlapNote(overlaps)}` : '');
  const lines = [bedGraphTrackLine(trackName, about)];
  const averager = new OverlapAverager((chrom, start, end, v) => `${chrom}\t${start}\t${end}\t${formatG(v, 6)}\n`);
  for (const i of bedGraphOrder(all, chromOrder)) lines.push(averager.add(all[i]));
  lines.push(averager.finish());
  return lines.join('');
}

export async function writeBedGraph(path: string, tracks: Iterable<RelevanceTrack>, trackName: string, description = '', chromOrder: ChromOrder = 'records'): Promise<void> {
  await writeFileAtomic(path, formatBedGraph(tracks, trackName, description, chromOrder));
}
