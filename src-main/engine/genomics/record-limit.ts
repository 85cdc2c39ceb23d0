// The longest record explained in one piece. A record's relevance, windows, motif hits and seqlets
// are held whole while it is explained and stored as one result, so memory grows with the record
// times the explanations. Measured in the run service on cnn32-pair with three explanations, the
// JASPAR scan and seqlets: 1 Mbp peaked at 0.9 GB (20 s), 2 Mbp at 1.5 GB (48 s). Each
// explanation adds about 100 MB per Mbp: the demo's seven (the p sweep) took 2.3 GB on 2 Mbp. A
// whole chromosome (50–250 Mbp) cannot fit, so longer records are refused up front and cut into
// regions first.

export const MAX_RECORD_BP = 2_000_000;

/** Why `lengthBp` is too long for one explanation, or null; `where` names the file and line. */
export function recordTooLong(name: string, lengthBp: number, where: string, maxBp = MAX_RECORD_BP): string | null {
  if (lengthBp <= maxBp) return null;
  return `${where}: record '${name}' is ${lengthBp.toLocaleString('en-US')} bp; records of up to ${maxBp.toLocaleString('en-US')} bp are explained in one piece. `
    + `Cut it into regions first: \`--regions R.bed\` (plrp explain, plrp runs start) reads them from an indexed FASTA, or \`samtools faidx\` writes them to a new FASTA`;
}
