// Motif hits as FIMO's fimo.tsv (MEME Suite 5): exactly its ten columns, 1-based inclusive
// coordinates, score as %g and p/q-values as %.3g, and trailing `#` comment lines saying how the
// file was made (FIMO ends its TSV the same way; readers skip `#` lines).
import type { MotifHit } from '../motifs/hit';
import { writeFileAtomic } from './atomic-write';
import { formatG } from './format-number';

export const FIMO_COLUMNS = ['motif_id', 'motif_alt_id', 'sequence_name', 'start', 'stop', 'strand', 'score', 'p-value', 'q-value', 'matched_sequence'];

export function formatFimoTsv(hits: Iterable<MotifHit>, comments: string[] = []): string {
  const lines = [FIMO_COLUMNS.join('\t')];
  for (const h of hits) {
    lines.push([
      h.motifId, h.motifAltId, h.sequenceName, h.start + 1, h.end, h.strand,
      formatG(h.score, 6), formatG(h.pValue, 3), formatG(h.qValue, 3), h.matchedSequence,
    ].join('\t'));
  }
  if (comments.length > 0) lines.push('', ...comments.map((c) => `# ${c}`));
  return lines.join('\n') + '\n';
}

export async function writeFimoTsv(path: string, hits: Iterable<MotifHit>, comments: string[] = []): Promise<void> {
  await writeFileAtomic(path, formatFimoTsv(hits, comments));
}
