// Motif hits as FIMO's fimo.tsv (MEME Suite 5): its ten columns, 1-based inclusive coordinates,
// score as %g and p/q-values as %.3g, and trailing `#` comment lines saying how the file was made
// (FIMO ends its TSV the same way; readers skip `#` lines). A run's exports add one column after
// FIMO's, `region`: overlapping regions find the same hit on the chromosome, and the
// column tells their lines apart. Added last, so readers that take FIMO's ten columns by position
// still read the file; `plrp scan` writes FIMO's ten alone.
import type { MotifHit } from '../motifs/hit';
import { writeFileAtomic } from './atomic-write';
import { formatG } from './format-number';

export const FIMO_COLUMNS = ['motif_id', 'motif_alt_id', 'sequence_name', 'start', 'stop', 'strand', 'score', 'p-value', 'q-value', 'matched_sequence'];

/**
 * The last column of a run's hit tables (hits.tsv, hits-relevance.tsv, the app's motif hits TSV):
 * the name of the region the hit was found in, or of the FASTA record for a run of records.
 */
export const HIT_REGION_COLUMN = 'region';

/** The name of the region (or FASTA record) a hit was found in, by the hit's sequence index. */
export type RegionOf = (h: Pick<MotifHit, 'sequenceIndex'>) => string;

export function formatFimoTsv(hits: Iterable<MotifHit>, comments: string[] = [], regionOf?: RegionOf): string {
  const lines = [[...FIMO_COLUMNS, ...(regionOf ? [HIT_REGION_COLUMN] : [])].join('\t')];
  for (const h of hits) {
    lines.push([
      h.motifId, h.motifAltId, h.sequenceName, h.start + 1, h.end, h.strand,
      formatG(h.score, 6), formatG(h.pValue, 3), formatG(h.qValue, 3), h.matchedSequence,
      ...(regionOf ? [regionOf(h)] : []),
    ].join('\t'));
  }
  if (comments.length > 0) lines.push('', ...comments.map((c) => `# ${c}`));
  return lines.join('\n') + '\n';
}

export async function writeFimoTsv(path: string, hits: Iterable<MotifHit>, comments: string[] = [], regionOf?: RegionOf): Promise<void> {
  await writeFileAtomic(path, formatFimoTsv(hits, comments, regionOf));
}
