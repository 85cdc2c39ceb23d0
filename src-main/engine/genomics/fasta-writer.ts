// FASTA text for records we write (exports of windows, padded sequences, test round-trips):
// `>name description`, sequence wrapped at `lineWidth` (60 as samtools/UCSC; 0 = one line).
export interface FastaWriteRecord {
  name: string;
  description?: string;
  sequence: string;
}

export function formatFasta(records: Iterable<FastaWriteRecord>, lineWidth = 60, eol = '\n'): string {
  const out: string[] = [];
  for (const r of records) {
    out.push(`>${r.name}${r.description ? ` ${r.description}` : ''}${eol}`);
    const width = lineWidth > 0 ? lineWidth : Math.max(r.sequence.length, 1);
    for (let i = 0; i < r.sequence.length; i += width) out.push(r.sequence.slice(i, i + width) + eol);
  }
  return out.join('');
}
