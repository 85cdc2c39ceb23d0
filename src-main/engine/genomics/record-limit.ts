// The longest record explained in one piece. A record's relevance, its windows and their merge are
// held whole while it is explained and stored as one result: a 3 Mbp record with one explanation
// peaked at 1.2 GB in the run service (measured), so a 250 Mbp chromosome would exhaust a
// workstation's memory instead of failing with a message. Longer records are cut into regions first.

export const MAX_RECORD_BP = 5_000_000;

/** Why `lengthBp` is too long for one explanation, or null; `where` names the file and line. */
export function recordTooLong(name: string, lengthBp: number, where: string, maxBp = MAX_RECORD_BP): string | null {
  if (lengthBp <= maxBp) return null;
  return `${where}: record '${name}' is ${lengthBp.toLocaleString('en-US')} bp; records of up to ${maxBp.toLocaleString('en-US')} bp are explained in one piece. `
    + `Cut it into regions first: \`plrp explain --regions R.bed\` reads them from an indexed FASTA, or \`samtools faidx\` writes them to a new FASTA`;
}
