// The longest record explained in one piece. A record's relevance, windows, motif hits and seqlets
// are held whole while it is explained and stored as one result. Measured in the run service with
// three explanations, the JASPAR scan and seqlets: 2 Mbp peaked at 2.6 GB (133 s), and 5 Mbp
// exhausted the worker's heap after 7 minutes. A whole chromosome would fail the same way, so
// longer records are refused up front and cut into regions first.

export const MAX_RECORD_BP = 2_000_000;

/** Why `lengthBp` is too long for one explanation, or null; `where` names the file and line. */
export function recordTooLong(name: string, lengthBp: number, where: string, maxBp = MAX_RECORD_BP): string | null {
  if (lengthBp <= maxBp) return null;
  return `${where}: record '${name}' is ${lengthBp.toLocaleString('en-US')} bp; records of up to ${maxBp.toLocaleString('en-US')} bp are explained in one piece. `
    + `Cut it into regions first: \`plrp explain --regions R.bed\` reads them from an indexed FASTA, or \`samtools faidx\` writes them to a new FASTA`;
}
