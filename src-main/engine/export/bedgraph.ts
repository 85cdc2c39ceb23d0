// bedGraph export of per-base relevance (one file per explanation method;
// https://genome.ucsc.edu/goldenPath/help/bedgraph.html): 0-based half-open, runs of equal values
// merged. Load in IGV as a bar chart, or — with the observed-base values written here — as a
// letter-height track scaled by relevance (IGV's / UCSC's dynseq display).
import { writeFileAtomic } from './atomic-write';
import { formatG } from './format-number';

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

function quote(s: string): string {
  return s.replace(/["\n\r]/g, "'");
}

export function formatBedGraph(tracks: Iterable<RelevanceTrack>, trackName: string, description = ''): string {
  const lines = [`track type=bedGraph name="${quote(trackName)}" description="${quote(description || trackName)}" visibility=full autoScale=on`];
  for (const t of tracks) {
    const chrom = t.chrom.replace(/\s/g, '_');
    let i = 0;
    while (i < t.values.length) {
      if (t.mask?.[i]) {
        i++;
        continue;
      }
      const v = t.values[i];
      let j = i + 1;
      while (j < t.values.length && !t.mask?.[j] && t.values[j] === v) j++;
      lines.push(`${chrom}\t${t.offset + i}\t${t.offset + j}\t${formatG(v, 6)}`);
      i = j;
    }
  }
  return lines.join('\n') + '\n';
}

export async function writeBedGraph(path: string, tracks: Iterable<RelevanceTrack>, trackName: string, description = ''): Promise<void> {
  await writeFileAtomic(path, formatBedGraph(tracks, trackName, description));
}
